package org.bestplace.guide;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.security.CurrentUser;

/** The guide to running a best-place-of-care audit: the method in general, and for one audit, step by step. */
@Path("/guide")
@Produces(MediaType.TEXT_HTML)
public class GuidePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance guide(Audit audit, List<GuideStep> steps);
    }

    @Inject
    Guide guide;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance general() {
        return Templates.guide(null, guide.steps(currentUser.isAdmin()));
    }

    /** One audit's guide, for its team and administrators. */
    @Path("/audits/{auditId}/guide")
    @Produces(MediaType.TEXT_HTML)
    public static class ForAudit {

        @Inject
        Guide guide;

        @Inject
        CurrentUser currentUser;

        @GET
        public TemplateInstance page(@PathParam("auditId") Long auditId) {
            AuditAccess access = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin());
            boolean manages = access.admin() || access.has(MemberRole.LEAD);
            return Templates.guide(access.audit(), guide.steps(access.audit(), access.admin(), manages,
                    manages || access.has(MemberRole.CHAIR)));
        }
    }
}
