package org.bestplace.debrief;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.review.Outcome;
import org.bestplace.review.Review;
import org.bestplace.review.ReviewContent;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;

@Path("/api/audits/{auditId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DebriefResource {

    @Inject
    DebriefService debriefs;

    @Inject
    CurrentUser currentUser;

    public record ReviewSide(String id, String reviewer, String sector, Outcome outcome, List<String> criteriaMet,
            Outcome overrideOutcome, String overrideReason, String alternative, List<String> reasons, String note,
            boolean flagged) {
        static ReviewSide of(Review r) {
            return new ReviewSide(r.id, r.reviewer.username, r.reviewerSector.name(), r.outcome,
                    List.copyOf(r.criteriaMet), r.overrideOutcome, r.overrideReason, r.alternative,
                    List.copyOf(r.reasons), r.note, r.flagged);
        }
    }

    public record QueueView(String caseId, String caseNumber, String ward, List<DebriefService.Why> why,
            List<ReviewSide> reviews, List<ChangeView> changes) {
    }

    /** A version of a review as it stood before or after a change. */
    public record VersionContent(Outcome outcome, List<String> criteriaMet, Outcome overrideOutcome,
            String overrideReason, String alternative, List<String> reasons, String note, boolean flagged) {
        static VersionContent of(ReviewContent c) {
            return new VersionContent(c.outcome(), c.criteriaMet(), c.overrideOutcome(), c.overrideReason(),
                    c.alternative(), c.reasons(), c.note(), c.flagged());
        }
    }

    /** A change made after the author could read the other review: who, when, why, and both versions. */
    public record ChangeView(String reviewId, String changedBy, Instant changedAt, String changeReason,
            VersionContent before, VersionContent after) {
        static ChangeView of(DebriefService.Change c) {
            return new ChangeView(c.reviewId(), c.changedBy(), c.changedAt(), c.changeReason(),
                    VersionContent.of(c.before()), VersionContent.of(c.after()));
        }
    }

    /**
     * The current decision on a case and every version recorded, oldest first. {@code delayReasons}:
     * codes of the criteria set's reasons for delay the debrief agreed, empty when none.
     */
    public record DecisionView(String caseId, String caseNumber, Outcome outcome, String alternative, String reason,
            String decidedBy, Instant decidedAt, List<VersionView> history, List<String> delayReasons) {
        static DecisionView of(Decision d) {
            return new DecisionView(String.valueOf(d.patientCase.id), d.patientCase.caseNumber, d.outcome,
                    d.alternative, d.reason, d.decidedBy, d.decidedAt,
                    DecisionVersion.of(d).stream().map(VersionView::of).toList(), d.delayReasons.stream().sorted().toList());
        }
    }

    public record VersionView(Outcome outcome, String alternative, String reason, String decidedBy,
            Instant decidedAt, List<String> delayReasons) {
        static VersionView of(DecisionVersion v) {
            return new VersionView(v.outcome, v.alternative, v.reason, v.decidedBy, v.decidedAt,
                    v.delayReasons.stream().sorted().toList());
        }
    }

    /**
     * Someone at the debrief: a team member by {@code username} (their name, sector and organisation
     * then come from the team), or anyone else by name with their organisation and, where they have
     * one, their sector.
     */
    public record AttendeeView(@Size(max = 200) String name, Sector sector, @Size(max = 200) String organisation,
            @Size(max = 64) String username) {
        static AttendeeView of(Attendee a) {
            return new AttendeeView(a.name, a.sector, a.organisation, a.username);
        }

        Attendee attendee() {
            if (username != null && !username.isBlank()) {
                return Attendee.member(username.strip());
            }
            return new Attendee(name == null ? null : name.strip(), sector,
                    organisation == null || organisation.isBlank() ? null : organisation.strip());
        }
    }

    public record ReopeningView(String reopenedBy, Instant reopenedAt, String reason, String wasSignedOffBy,
            Instant wasSignedOffAt) {
        static ReopeningView of(DebriefReopening r) {
            return new ReopeningView(r.reopenedBy, r.reopenedAt, r.reason, r.wasSignedOffBy, r.wasSignedOffAt);
        }
    }

    /** {@code opened}: false for a day the chair has not opened; it then has only its summary. */
    public record DebriefView(LocalDate date, boolean opened, String openedBy, Instant openedAt, DailySummary summary,
            List<QueueView> queue, List<DecisionView> decisions, List<AttendeeView> attendees, String notes,
            List<String> actions, String signedOffBy, Instant signedOffAt, List<ReopeningView> reopenings) {
        static DebriefView of(DebriefService.Day day) {
            Debrief d = day.debrief();
            if (d == null) {
                return new DebriefView(day.date(), false, null, null, day.summary(), List.of(), List.of(), List.of(),
                        null, List.of(), null, null, List.of());
            }
            return new DebriefView(day.date(), true, d.openedBy, d.openedAt, day.summary(),
                    day.queue().stream().map(q -> new QueueView(String.valueOf(q.patientCase().id),
                            q.patientCase().caseNumber, q.patientCase().ward, q.why(),
                            q.reviews().stream().map(ReviewSide::of).toList(),
                            q.changes().stream().map(ChangeView::of).toList())).toList(),
                    day.decisions().stream().map(DecisionView::of).toList(),
                    d.attendees.stream().map(AttendeeView::of).toList(), d.notes,
                    List.copyOf(d.actions), d.signedOffBy, d.signedOffAt,
                    day.reopenings().stream().map(ReopeningView::of).toList());
        }
    }

    public record Record(@Size(max = 100) List<@Valid @NotNull AttendeeView> attendees,
            @Size(max = 10000) String notes, @Size(max = 100) List<@NotBlank @Size(max = 1000) String> actions) {
    }

    public record NewDecision(@NotBlank @Size(max = 20) String caseId, @NotNull Outcome outcome,
            @Size(max = 40) String alternative, @Size(max = 50) List<@NotNull @Size(max = 40) String> delayReasons,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Reopen(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @Path("/summary")
    public DailySummary summary(@PathParam("auditId") Long auditId, @QueryParam("date") LocalDate date) {
        return debriefs.summary(auditId, date, currentUser.user(), currentUser.isAdmin());
    }

    @GET
    @Path("/agreement")
    public Agreement agreement(@PathParam("auditId") Long auditId, @QueryParam("date") LocalDate date) {
        return debriefs.agreement(auditId, date, currentUser.user(), currentUser.isAdmin());
    }

    @GET
    @Path("/debriefs/{date}")
    public DebriefView debrief(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        return DebriefView.of(debriefs.day(auditId, date, currentUser.user(), currentUser.isAdmin()));
    }

    /** The chair opens the day's debrief, which lifts the blindness of its second reviews. */
    @POST
    @Path("/debriefs/{date}/opening")
    public DebriefView open(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        debriefs.open(auditId, date, currentUser.user(), currentUser.isAdmin());
        return debrief(auditId, date);
    }

    @PUT
    @Path("/debriefs/{date}")
    public DebriefView record(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @Valid @NotNull Record body) {
        debriefs.record(auditId, date,
                body.attendees() == null ? List.of()
                        : body.attendees().stream().map(AttendeeView::attendee).toList(),
                body.notes(), body.actions() == null ? List.of() : body.actions(), currentUser.user(),
                currentUser.isAdmin());
        return debrief(auditId, date);
    }

    @POST
    @Path("/debriefs/{date}/decisions")
    public Response decide(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @Valid @NotNull NewDecision body) {
        Decision decision = debriefs.decide(auditId, date, body.caseId(), body.outcome(), body.alternative(),
                body.delayReasons(), body.reason(), currentUser.user(), currentUser.isAdmin());
        return Response.status(Response.Status.CREATED).entity(DecisionView.of(decision)).build();
    }

    @POST
    @Path("/debriefs/{date}/sign-off")
    public DebriefView signOff(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        debriefs.signOff(auditId, date, currentUser.user(), currentUser.isAdmin());
        return debrief(auditId, date);
    }

    @POST
    @Path("/debriefs/{date}/reopenings")
    public Response reopen(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @Valid @NotNull Reopen body) {
        DebriefReopening reopening = debriefs.reopen(auditId, date, body.reason(), currentUser.user(),
                currentUser.isAdmin());
        return Response.status(Response.Status.CREATED).entity(ReopeningView.of(reopening)).build();
    }
}
