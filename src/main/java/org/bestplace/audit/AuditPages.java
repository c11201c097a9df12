package org.bestplace.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.operations.ServiceClock;
import org.bestplace.review.ReviewPages;
import org.bestplace.review.ReviewService;
import org.bestplace.security.CurrentUser;

/** An audit's home page: its question, its wards and today's progress on each. */
@Path("/audits/{auditId}")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Audit audit, LocalDate today, List<WardProgress> wards, boolean chair,
                boolean lead, boolean collecting);
    }

    public record WardProgress(String ward, String link, long registeredToday, long reviewedToday,
            long secondReviewsOutstanding) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    ServiceClock clock;

    @GET
    public TemplateInstance home(@PathParam("auditId") Long auditId) {
        var user = currentUser.user();
        AuditAccess access = AuditAccess.of(auditId, user, currentUser.isAdmin());
        Audit audit = access.audit();
        LocalDate today = audit.today(clock);
        var rows = reviews.cases(auditId, null, today, user, currentUser.isAdmin());
        List<WardProgress> wards = audit.wards.stream().map(ward -> {
            var onWard = rows.stream().filter(r -> r.patientCase().ward.equals(ward)).toList();
            long registered = onWard.stream()
                    .filter(r -> audit.dayOf(r.patientCase().createdAt).equals(today)).count();
            long reviewed = onWard.stream().filter(r -> r.submittedReviews() > 0).count();
            long outstanding = onWard.stream().filter(r -> r.submittedReviews() == 1 && r.dualReview()).count();
            return new WardProgress(ward, ReviewPages.wardPath(auditId, ward), registered, reviewed, outstanding);
        }).toList();
        return Templates.home(audit, today, wards, access.admin() || access.has(MemberRole.CHAIR),
                access.admin() || access.has(MemberRole.LEAD), audit.status == AuditStatus.COLLECTING);
    }
}
