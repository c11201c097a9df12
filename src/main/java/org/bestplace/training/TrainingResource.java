package org.bestplace.training;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.bestplace.review.Outcome;
import org.bestplace.security.CurrentUser;
import org.bestplace.statistics.Interval;

/** Training cases of a criteria set, practice answers, rounds and readiness, as JSON. */
@Path("/api/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    @Inject
    TrainingService training;

    @Inject
    CurrentUser currentUser;

    public record OverrideBody(Outcome outcome, @Size(max = 2000) String reason) {
    }

    public record AnswerBody(@Size(max = 100) List<@Size(max = 40) String> criteriaMet, @Valid OverrideBody override,
            @Size(max = 40) String alternative, @Size(max = 50) List<@Size(max = 40) String> reasons) {

        Answer answer() {
            return new Answer(criteriaMet, override == null ? null : override.outcome(),
                    override == null ? null : override.reason(), alternative, reasons);
        }

        static AnswerBody of(Answer a) {
            return new AnswerBody(a.criteriaMet(), a.overrideOutcome() == null ? null
                    : new OverrideBody(a.overrideOutcome(), a.overrideReason()), a.alternative(), a.reasons());
        }
    }

    public record CaseBody(@Size(max = 300) String title, @Size(max = 10000) String notes,
            @Size(max = 100) String ward, @Size(max = 100) String specialty, @Size(max = 16) String ageBand,
            @Size(max = 16) String sex, Integer daysSinceAdmission, @Valid AnswerBody reference) {

        TrainingCaseDraft draft() {
            return new TrainingCaseDraft(title, notes, ward, specialty, ageBand, sex, daysSinceAdmission,
                    reference == null ? null : reference.answer());
        }
    }

    public record Created(String id) {
    }

    /** A case in the list: the reference and the caller's answer only once they have answered it. */
    public record CaseView(String id, String title, String notes, String ward, String specialty, String ageBand,
            String sex, Integer daysSinceAdmission, boolean answered, AnswerBody answer, AnswerBody reference,
            Outcome referenceOutcome) {
    }

    public record FeedbackView(Outcome outcome, Outcome referenceOutcome, boolean agrees, List<String> missedCriteria,
            List<String> extraCriteria, String referenceAlternative, AnswerBody reference) {

        static FeedbackView of(TrainingService.Feedback f) {
            return new FeedbackView(f.outcome(), f.referenceOutcome(), f.agrees(), f.missedCriteria(),
                    f.extraCriteria(), f.referenceAlternative(), AnswerBody.of(f.reference()));
        }
    }

    public record RuleBody(@NotNull Integer minCases, @NotNull Double minKappa, @NotNull Double minAgreement,
            Boolean required) {
    }

    public record RuleView(int minCases, double minKappa, double minAgreement, boolean required) {
        static RuleView of(ReadinessRule.Terms t) {
            return new RuleView(t.minCases(), t.minKappa(), t.minAgreement(), t.required());
        }
    }

    public record ReviewerView(String username, String displayName, String sector, long answered, long agreed,
            Double percentAgreement, Double kappa, Interval ci95, String ci95Reason, Double sensitivity,
            Double specificity, List<String> mostMissedCriteria, boolean ready) {
    }

    public record ReadinessView(int round, Instant roundOpenedAt, RuleView rule, List<ReviewerView> reviewers) {
    }

    public record RoundView(int number, Instant openedAt, String openedBy) {
    }

    @POST
    @Path("/{id}/{version}/training-cases")
    public Response write(@PathParam("id") String id, @PathParam("version") String version,
            @Valid @NotNull CaseBody body) {
        TrainingCase written = training.write(id, version, body.draft(), currentUser.user(), currentUser.isAdmin());
        return Response.created(URI.create("/api/criteria-sets/" + id + "/" + version + "/training-cases/"
                + written.id)).entity(new Created(String.valueOf(written.id))).build();
    }

    @GET
    @Path("/{id}/{version}/training-cases")
    public List<CaseView> cases(@PathParam("id") String id, @PathParam("version") String version) {
        return training.cases(id, version, currentUser.user()).stream().map(TrainingResource::view).toList();
    }

    static CaseView view(TrainingService.CaseForPerson row) {
        TrainingCase c = row.trainingCase();
        return new CaseView(String.valueOf(c.id), c.title, c.notes, c.ward, c.specialty, c.ageBand, c.sex,
                c.daysSinceAdmission, row.answered(), row.answered() ? AnswerBody.of(row.answer().answer()) : null,
                row.answered() ? AnswerBody.of(c.reference()) : null, row.answered() ? c.referenceOutcome : null);
    }

    @GET
    @Path("/{id}/{version}/training-cases.yaml")
    @Produces("application/yaml")
    public Response export(@PathParam("id") String id, @PathParam("version") String version) {
        return Response.ok(training.export(id, version, currentUser.user(), currentUser.isAdmin()))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".training.yaml\"").build();
    }

    @PUT
    @Path("/{id}/{version}/training-cases/{trainingCaseId}/answer")
    public Response answer(@PathParam("id") String id, @PathParam("version") String version,
            @PathParam("trainingCaseId") Long caseId, @Valid @NotNull AnswerBody body) {
        TrainingService.Answered answered = training.answer(id, version, caseId, body.answer(), currentUser.user());
        return Response.status(answered.result() == TrainingService.Result.CREATED ? 201 : 200)
                .entity(FeedbackView.of(answered.feedback())).build();
    }
}
