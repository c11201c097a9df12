package org.bestplace.training;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bestplace.security.CurrentUser;
import org.bestplace.training.TrainingResource.ReadinessView;
import org.bestplace.training.TrainingResource.ReviewerView;
import org.bestplace.training.TrainingResource.RoundView;
import org.bestplace.training.TrainingResource.RuleBody;
import org.bestplace.training.TrainingResource.RuleView;

/** An audit's training rounds and readiness rule, and each reviewer's scores, as JSON. */
@Path("/api/audits/{auditId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    TrainingService training;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/training-rounds")
    public Response openRound(@PathParam("auditId") Long auditId) {
        TrainingRound round = training.openRound(auditId, currentUser.user(), currentUser.isAdmin());
        return Response.status(201).entity(new RoundView(round.number, round.openedAt, round.openedBy)).build();
    }

    @GET
    @Path("/readiness")
    public ReadinessView readiness(@PathParam("auditId") Long auditId) {
        return view(training.readiness(auditId, currentUser.user(), currentUser.isAdmin()));
    }

    static ReadinessView view(TrainingService.Readiness r) {
        return new ReadinessView(r.round(), r.roundStart().equals(TrainingRound.BEGINNING) ? null : r.roundStart(),
                RuleView.of(r.rule()), r.reviewers().stream().map(s -> new ReviewerView(s.user().username,
                        s.user().displayName, s.sector(), s.scores().answered(), s.scores().agreed(),
                        s.scores().percentAgreement(), s.scores().kappa(), s.scores().ci95(),
                        s.scores().ci95Reason(), s.scores().sensitivity(), s.scores().specificity(), s.mostMissed(),
                        s.ready())).toList());
    }

    @PUT
    @Path("/readiness-rule")
    public RuleView setRule(@PathParam("auditId") Long auditId, @Valid @NotNull RuleBody body) {
        return RuleView.of(training.setRule(auditId, new ReadinessRule.Terms(body.minCases(), body.minKappa(),
                body.minAgreement(), Boolean.TRUE.equals(body.required())), currentUser.user(),
                currentUser.isAdmin()));
    }

}
