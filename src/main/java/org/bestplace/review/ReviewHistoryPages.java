package org.bestplace.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.User;

/**
 * A submitted review's history as a page: who changed it, when (the audit's time), why, and what
 * changed, for its author, the audit's chair and lead. The JSON door is {@code GET /api/.../history};
 * both ask {@link ReviewService#history}.
 */
@Path("/audits/{auditId}/reviews/{reviewId}/history")
@Produces(MediaType.TEXT_HTML)
public class ReviewHistoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(HistoryView view);
    }

    @Inject
    ReviewService reviews;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    @Inject
    ActivityLog activity;

    /** One change: its place in the order, when (the audit's time and the instant), by whom, why, what. */
    public record ChangeView(int number, String when, String instant, String by, String why,
            List<ReviewDifference.Row> rows) {
    }

    /** {@code back}: where the reader came from, the review form for its author, else the day's debrief. */
    public record HistoryView(Audit audit, String caseNumber, String ward, String day, String author, String sector,
            String submittedAt, List<ChangeView> changes, String back, String backLabel) {
    }

    @GET
    public TemplateInstance history(@PathParam("auditId") Long auditId, @PathParam("reviewId") String reviewId) {
        User user = currentUser.user();
        ReviewService.History history = reviews.history(auditId, reviewId, user, currentUser.isAdmin());
        Audit audit = history.audit();
        Review review = history.review();
        activity.record(ActivityEvent.CASE_VIEW, auditId, "Review history of case " + review.patientCase.caseNumber
                + " for " + review.reviewDate);
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        List<ChangeView> changes = history.changes().stream().map(c -> new ChangeView(number.incrementAndGet(),
                audit.timeOf(c.entry().changedAt), c.entry().changedAt.toString(), displayName(c.entry().changedBy),
                c.entry().changeReason, ReviewDifference.between(c.before(), c.after(), set))).toList();
        boolean author = review.isAuthor(user);
        String back = author ? "/audits/" + auditId + "/cases/" + review.patientCase.id + "/review?date="
                + review.reviewDate : "/audits/" + auditId + "/debriefs/" + review.reviewDate;
        return Templates.history(new HistoryView(audit, review.patientCase.caseNumber, review.patientCase.ward,
                ReviewDifference.day(review.reviewDate), review.reviewer.displayName,
                review.reviewerSector.name().toLowerCase(Locale.ROOT),
                review.submittedAt == null ? null : audit.timeOf(review.submittedAt), changes, back,
                author ? "Back to the review" : "The debrief of " + ReviewDifference.day(review.reviewDate)));
    }

    /** People by the name their colleagues know; the username only if the account has gone. */
    private static String displayName(String username) {
        return User.byUsername(username).map(u -> u.displayName).orElse(username);
    }
}
