package org.bestplace.review;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.security.CurrentUser;

@Path("/api/audits/{auditId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    CurrentUser currentUser;

    @Inject
    CaseCorrections corrections;

    /**
     * A registered case: {@code localId} is never returned, only whether one was given;
     * {@code specialtyNote} says which specialty a case under "Other" has.
     */
    public record CaseView(String id, String caseNumber, String ward, String specialty, String ageBand, String sex,
            LocalDate admissionDate, boolean hasLocalId, String specialtyNote, boolean withdrawn) {
        static CaseView of(PatientCase c) {
            return new CaseView(String.valueOf(c.id), c.caseNumber, c.ward, c.specialty, c.ageBand, c.sex,
                    c.admissionDate, c.localIdHash != null, c.specialtyNote, c.withdrawn());
        }
    }

    /** A withdrawal: only its reason. */
    public record Withdrawal(String reason) {
    }

    /** One correction or withdrawal of a case; before and after are the case's values as JSON. */
    public record CaseHistoryView(String kind, String changedBy, Instant changedAt, String reason, String before,
            String after) {
    }

    /** A case in a list; {@code dualReview} marks the cases sampled for a second, blind review. */
    public record CaseListRow(String id, String caseNumber, String ward, String specialty, String ageBand, String sex,
            LocalDate admissionDate, long reviews, long submittedReviews, boolean dualReview,
            boolean secondReviewNeeded, String specialtyNote) {
    }

    public record Override(@NotNull(message = "Choose what the override gives.") Outcome outcome,
            @NotBlank(message = "An override needs a written reason.") @Size(max = 2000) String reason) {
    }

    public record ReviewBody(
            @NotBlank @Size(max = 20) String caseId,
            @NotNull LocalDate reviewDate,
            @Size(max = 100) List<@NotBlank @Size(max = 40) String> criteriaMet,
            @Valid Override override,
            @Size(max = 40) String alternative,
            @Size(max = 50) List<@NotBlank @Size(max = 40) String> reasons,
            @Size(max = 2000) String note,
            Boolean flagged,
            @NotNull Boolean submitted,
            @Size(max = 2000) String changeReason,
            @Size(max = 100) String author) {

        ReviewService.Submission submission() {
            return new ReviewService.Submission(caseId, reviewDate, criteriaMet,
                    override == null ? null : override.outcome(), override == null ? null : override.reason(),
                    alternative, reasons, note, Boolean.TRUE.equals(flagged), submitted, changeReason);
        }
    }

    public record ReviewView(String id, String auditId, String caseId, String caseNumber, LocalDate reviewDate,
            String reviewer, String reviewerSector, List<String> criteriaMet, Override override, String alternative,
            List<String> reasons, String note, boolean flagged, boolean submitted, Instant submittedAt,
            Outcome outcome, long version) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id, String.valueOf(r.audit.id), String.valueOf(r.patientCase.id),
                    r.patientCase.caseNumber, r.reviewDate, r.reviewer.username, r.reviewerSector.name(),
                    List.copyOf(r.criteriaMet),
                    r.overrideOutcome == null ? null : new Override(r.overrideOutcome, r.overrideReason),
                    r.alternative, List.copyOf(r.reasons), r.note, r.flagged, r.submitted, r.submittedAt,
                    r.outcome, r.version);
        }
    }

    public record HistoryView(long fromVersion, String changedBy, Instant changedAt, String changeReason,
            String before, String after) {
    }

    @POST
    @Path("/cases")
    public Response register(@PathParam("auditId") Long auditId, @NotNull Registration body) {
        return registered(auditId, reviews.registerOnce(auditId, body, currentUser.user(), currentUser.isAdmin()));
    }

    /** 201 for a new case; 200 with the same case when a tablet sends a registration again. */
    static Response registered(Long auditId, ReviewService.Registered registered) {
        PatientCase patientCase = registered.patientCase();
        return (registered.created()
                ? Response.created(URI.create("/api/audits/" + auditId + "/cases/" + patientCase.id))
                : Response.ok()).entity(CaseView.of(patientCase)).build();
    }

    @POST
    @Path("/cases/{caseId}/correction")
    public CaseView correct(@PathParam("auditId") Long auditId, @PathParam("caseId") String caseId,
            @NotNull CaseCorrections.Correction body) {
        return CaseView.of(corrections.correct(auditId, caseId, body, currentUser.user(), currentUser.isAdmin()));
    }

    @POST
    @Path("/cases/{caseId}/withdrawal")
    public CaseView withdraw(@PathParam("auditId") Long auditId, @PathParam("caseId") String caseId,
            @NotNull Withdrawal body) {
        return CaseView.of(corrections.withdraw(auditId, caseId, body.reason(), currentUser.user(),
                currentUser.isAdmin()));
    }

    @GET
    @Path("/cases/{caseId}/history")
    public List<CaseHistoryView> caseHistory(@PathParam("auditId") Long auditId,
            @PathParam("caseId") String caseId) {
        return corrections.history(auditId, caseId, currentUser.user(), currentUser.isAdmin()).stream()
                .map(h -> new CaseHistoryView(h.kind.name(), h.changedBy, h.changedAt, h.reason, h.beforeContent,
                        h.afterContent))
                .toList();
    }

    @GET
    @Path("/cases")
    public List<CaseListRow> cases(@PathParam("auditId") Long auditId, @QueryParam("ward") String ward,
            @QueryParam("date") LocalDate date) {
        return reviews.cases(auditId, ward, date, currentUser.user(), currentUser.isAdmin()).stream()
                .map(row -> {
                    PatientCase c = row.patientCase();
                    return new CaseListRow(String.valueOf(c.id), c.caseNumber, c.ward, c.specialty, c.ageBand, c.sex,
                            c.admissionDate, row.reviews(), row.submittedReviews(), row.dualReview(),
                            row.secondReviewNeeded(), c.specialtyNote);
                })
                .toList();
    }

    @PUT
    @Path("/reviews/{reviewId}")
    public Response put(@PathParam("auditId") Long auditId, @PathParam("reviewId") String reviewId,
            @Valid @NotNull ReviewBody body) {
        return answer(reviews.put(auditId, reviewId, body.submission(), body.author(), currentUser.asSignedIn(),
                currentUser.isAdmin()));
    }

    /** 201 for a new review, 200 for a repeat or a change; the tablet's outbox reads the same answer. */
    static Response answer(ReviewService.Stored stored) {
        Response.Status status = stored.result() == ReviewService.Result.CREATED
                ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).entity(ReviewView.of(stored.review())).build();
    }

    @GET
    @Path("/reviews/{reviewId}")
    public ReviewView get(@PathParam("auditId") Long auditId, @PathParam("reviewId") String reviewId) {
        return ReviewView.of(reviews.find(auditId, reviewId, currentUser.user(), currentUser.isAdmin()));
    }

    @GET
    @Path("/reviews/{reviewId}/history")
    public List<HistoryView> history(@PathParam("auditId") Long auditId, @PathParam("reviewId") String reviewId) {
        return reviews.history(auditId, reviewId, currentUser.user(), currentUser.isAdmin()).changes().stream()
                .map(ReviewService.Change::entry)
                .map(h -> new HistoryView(h.fromVersion, h.changedBy, h.changedAt, h.changeReason, h.beforeContent,
                        h.afterContent))
                .toList();
    }
}
