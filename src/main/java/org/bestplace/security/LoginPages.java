package org.bestplace.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditService;

/** The sign-in page and the signed-in start page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);

        static native TemplateInstance home(User user, List<Audit> audits);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audits;

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    /** Ends the session by expiring the sign-in cookie; the page's script has already cleared the outbox. */
    @GET
    @Path("logout")
    public jakarta.ws.rs.core.Response logout() {
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/login"))
                .cookie(new jakarta.ws.rs.core.NewCookie.Builder("quarkus-credential").path("/").maxAge(0)
                        .httpOnly(true).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build())
                .build();
    }

    @GET
    public TemplateInstance home() {
        User user = currentUser.user();
        return Templates.home(user, audits.visibleTo(user, currentUser.isAdmin()));
    }
}
