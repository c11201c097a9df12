package org.bestplace.commissioning;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.security.CurrentUser;

/** The action register of an audit, as JSON. */
@Path("/api/audits/{auditId}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    @Inject
    ActionService actions;

    @Inject
    CurrentUser currentUser;

    /** Dates and sectors come in as text, so a bad one is refused naming its field, like every other. */
    public record ActionBody(String title, String finding, List<String> reasonCodes, String ownerSector, String owner,
            String dueDate, String debriefDate) {
    }

    public record DecisionBody(String text, String decidedBy, String decidedOn) {
    }

    /** {@code owner}, {@code ownerSector} and {@code dueDate}, when given, hand the action over or move its date. */
    public record UpdateBody(String status, String note, @Valid DecisionBody decision, String owner,
            String ownerSector, String dueDate) {
    }

    public record Created(String id, ActionStatus status) {
    }

    public record DecisionView(String text, String decidedBy, LocalDate decidedOn) {
        static DecisionView of(Action.Decision d) {
            return d == null ? null : new DecisionView(d.text(), d.decidedBy(), d.decidedOn());
        }
    }

    /** A step; {@code changed} lists the owner, sector and due date it changed (each before and after), else empty. */
    public record StepView(String by, Instant at, String note, ActionStatus statusBefore, ActionStatus statusAfter,
            DecisionView decision, List<TermChange> changed) {
    }

    public record TermChange(String term, String before, String after) {
    }

    static List<TermChange> changed(ActionUpdate s) {
        List<TermChange> changed = new java.util.ArrayList<>();
        if (s.ownerAfter != null) {
            changed.add(new TermChange("owner", s.ownerBefore, s.ownerAfter));
        }
        if (s.ownerSectorAfter != null) {
            changed.add(new TermChange("ownerSector", s.ownerSectorBefore.name(), s.ownerSectorAfter.name()));
        }
        if (s.dueDateAfter != null) {
            changed.add(new TermChange("dueDate", s.dueDateBefore.toString(), s.dueDateAfter.toString()));
        }
        return changed;
    }

    public record ActionView(String id, String title, String finding, List<String> reasonCodes, String ownerSector,
            String owner, LocalDate dueDate, ActionStatus status, boolean overdue, LocalDate debriefDate,
            DecisionView decision, String createdBy, Instant createdAt, List<StepView> history) {
    }

    @POST
    public Response create(@PathParam("auditId") Long auditId, @NotNull ActionBody body) {
        Action action = actions.create(auditId, new ActionService.Draft(body.title(), body.finding(),
                body.reasonCodes(), body.ownerSector(), body.owner(), body.dueDate(), body.debriefDate()),
                currentUser.user(), currentUser.isAdmin());
        return Response.created(URI.create("/api/audits/" + auditId + "/actions/" + action.id))
                .entity(new Created(String.valueOf(action.id), action.status)).build();
    }

    @GET
    public List<ActionView> register(@PathParam("auditId") Long auditId) {
        return actions.register(auditId, currentUser.user(), currentUser.isAdmin()).entries().stream()
                .map(ActionResource::view).toList();
    }

    @POST
    @Path("/{actionId}/updates")
    public Response update(@PathParam("auditId") Long auditId, @PathParam("actionId") Long actionId,
            @NotNull @Valid UpdateBody body) {
        DecisionBody d = body.decision();
        ActionUpdate step = actions.update(auditId, actionId, new ActionService.Change(body.status(), body.note(),
                d == null ? null : d.text(), d == null ? null : d.decidedBy(), d == null ? null : d.decidedOn(),
                body.owner(), body.ownerSector(), body.dueDate()),
                currentUser.user(), currentUser.isAdmin());
        return Response.status(201).entity(new Created(String.valueOf(actionId), step.statusAfter)).build();
    }

    static ActionView view(ActionService.Entry e) {
        Action a = e.action();
        return new ActionView(String.valueOf(a.id), a.title, a.finding, a.reasonCodes(), a.ownerSector.name(),
                a.owner, a.dueDate, a.status, e.overdue(), a.debriefDate(), DecisionView.of(a.decision().orElse(null)),
                a.createdBy, a.createdAt, e.history().stream().map(s -> new StepView(s.by, s.at, s.note,
                        s.statusBefore, s.statusAfter, DecisionView.of(s.decision()), changed(s))).toList());
    }
}
