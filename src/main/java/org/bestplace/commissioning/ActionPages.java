package org.bestplace.commissioning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/** The action register's pages: the register, a new action, and one action with its history and updates. */
@Path("/audits/{auditId}/actions")
@Produces(MediaType.TEXT_HTML)
public class ActionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(ActionService.Register register, List<Row> rows, String sector,
                String status, List<Sector> sectors, List<ActionStatus> statuses, int overdue);

        static native TemplateInstance newAction(ActionService.Register register, ActionForm form,
                List<Sector> sectors, ActionService.Entry existing);

        static native TemplateInstance action(ActionService.Register register, Row row, List<Step> steps,
                UpdateForm form, List<ActionStatus> statuses, List<Sector> sectors, String notice);
    }

    @Inject
    ActionService actions;

    @Inject
    CurrentUser currentUser;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** An action as the pages show it: reasons by their titles, dates in words. */
    public record Row(String id, String title, String finding, List<String> reasons, String ownerSector, String owner,
            String due, LocalDate dueDate, String status, String statusCode, boolean overdue, String debriefDate,
            String decision) {
    }

    /** One step of the history in words. */
    public record Step(String when, String by, String change, String note, String decision, String handover) {
    }

    /** The new-action form's values; after a refusal, the field at fault and the message. */
    public record ActionForm(String title, String finding, List<String> reasonCodes, String ownerSector, String owner,
            String dueDate, String debriefDate, String field, String message) {

        public boolean hasReason(String code) {
            return reasonCodes.contains(code);
        }
    }

    /** The update form's values; after a refusal, the form's field at fault and the message. */
    public record UpdateForm(String status, String note, String decisionText, String decidedBy, String decidedOn,
            String owner, String ownerSector, String dueDate, String field, String message) {
    }

    static Row row(ActionService.Entry e, java.util.Map<String, String> reasons) {
        Action a = e.action();
        Action.Decision d = a.decision().orElse(null);
        return new Row(String.valueOf(a.id), a.title, a.finding, a.reasonCodes().stream()
                .map(c -> reasons.getOrDefault(c, c)).toList(), a.ownerSector.name(), a.owner, DAY.format(a.dueDate),
                a.dueDate, a.status.words(), a.status.name(), e.overdue(),
                a.debriefDate() == null ? null : DAY.format(a.debriefDate()),
                d == null ? null : decision(d));
    }

    static String decision(Action.Decision d) {
        return d.text() + " (" + d.decidedBy() + ", " + DAY.format(d.decidedOn()) + ")";
    }

    @GET
    public TemplateInstance register(@PathParam("auditId") Long auditId, @QueryParam("sector") String sector,
            @QueryParam("status") String status) {
        ActionService.Register register = actions.register(auditId, currentUser.user(), currentUser.isAdmin());
        String chosenSector = blankToNull(sector);
        String chosenStatus = blankToNull(status);
        List<Row> rows = register.entries().stream()
                .filter(e -> chosenSector == null || e.action().ownerSector.name().equals(chosenSector))
                .filter(e -> chosenStatus == null || e.action().status.name().equals(chosenStatus)
                        || ("PENDING".equals(chosenStatus) && e.action().status.pending()))
                .map(e -> row(e, register.reasons())).toList();
        int overdue = (int) register.entries().stream().filter(ActionService.Entry::overdue).count();
        return Templates.register(register, rows, chosenSector, chosenStatus, List.of(Sector.values()),
                List.of(ActionStatus.values()), overdue);
    }

    /**
     * The new-action form, blank or started from a debrief's action line ({@code debriefDate} and
     * {@code line}, counted from 1) or from a finding of the commissioning brief ({@code finding},
     * {@code reasonCodes}, repeated or joined by commas).
     */
    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("auditId") Long auditId, @QueryParam("debriefDate") String debriefDate,
            @QueryParam("line") Integer line, @QueryParam("title") String title,
            @QueryParam("finding") String finding, @QueryParam("reasonCodes") List<String> reasonCodes) {
        ActionService.Register register = writable(auditId);
        List<String> codes = new ArrayList<>();
        for (String given : reasonCodes == null ? List.<String>of() : reasonCodes) {
            Arrays.stream(given.split(",")).map(String::strip).filter(c -> !c.isEmpty() && !codes.contains(c))
                    .forEach(codes::add);
        }
        String startTitle = title;
        String startFinding = finding;
        String date = null;
        ActionService.Entry existing = null;
        if (debriefDate != null && !debriefDate.isBlank()) {
            LocalDate day;
            try {
                day = LocalDate.parse(debriefDate.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.notFound("There is no debrief of '" + debriefDate + "'.");
            }
            ActionService.DebriefLine from = actions.debriefLine(auditId, day, line == null ? 1 : line,
                    currentUser.user(), currentUser.isAdmin());
            startTitle = from.text();
            startFinding = "From the debrief of " + day;
            date = day.toString();
            if (from.existing() != null) {
                Long id = from.existing().id;
                existing = register.entries().stream().filter(e -> e.action().id.equals(id)).findFirst().orElse(null);
            }
        }
        return Templates.newAction(register, new ActionForm(startTitle, startFinding, codes, null, null, null, date,
                null, null), List.of(Sector.values()), existing);
    }

    private ActionService.Register writable(Long auditId) {
        ActionService.Register register = actions.register(auditId, currentUser.user(), currentUser.isAdmin());
        if (!register.writer()) {
            throw DomainException.forbidden("The chair, the lead and commissioners change the action register.");
        }
        return register;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("auditId") Long auditId, @RestForm String title, @RestForm String finding,
            @RestForm List<String> reasonCodes, @RestForm String ownerSector, @RestForm String owner,
            @RestForm String dueDate, @RestForm String debriefDate) {
        List<String> codes = reasonCodes == null ? List.of() : reasonCodes.stream().filter(c -> !c.isBlank()).toList();
        try {
            Action action = actions.create(auditId, new ActionService.Draft(title, finding, codes, ownerSector, owner,
                    dueDate, blankToNull(debriefDate)), currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/audits/" + auditId + "/actions/" + action.id)).build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            ActionService.Register register = writable(auditId);
            ActionForm form = new ActionForm(title, finding, codes, ownerSector, owner, dueDate,
                    blankToNull(debriefDate), e.field() == null ? "form" : e.field(), e.getMessage());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.newAction(register, form,
                    List.of(Sector.values()), null).render()).build();
        }
    }

    @GET
    @Path("{actionId}")
    public TemplateInstance action(@PathParam("auditId") Long auditId, @PathParam("actionId") Long actionId,
            @QueryParam("saved") String saved) {
        ActionService.Register one = actions.one(auditId, actionId, currentUser.user(), currentUser.isAdmin());
        Action action = one.entries().get(0).action();
        return page(one, new UpdateForm(action.status.name(), null, null, null, null, action.owner,
                action.ownerSector.name(), action.dueDate.toString(), null, null),
                saved == null ? null : "The update is saved.");
    }

    private TemplateInstance page(ActionService.Register one, UpdateForm form, String notice) {
        ActionService.Entry entry = one.entries().get(0);
        List<Step> steps = entry.history().stream().map(s -> new Step(one.audit().timeOf(s.at), s.by,
                s.statusBefore == null ? "Added, " + s.statusAfter.words().toLowerCase(Locale.UK)
                        : s.statusBefore == s.statusAfter ? s.statusAfter.words() + " (unchanged)"
                        : s.statusBefore.words() + " → " + s.statusAfter.words(),
                s.note, s.decision() == null ? null : decision(s.decision()), handover(s))).toList();
        return Templates.action(one, row(entry, one.reasons()), steps, form, List.of(ActionStatus.values()),
                List.of(Sector.values()), notice);
    }

    /** What a step changed of the owner, sector and due date, in words; null when it changed none. */
    static String handover(ActionUpdate s) {
        List<String> parts = new ArrayList<>();
        if (s.ownerAfter != null) {
            parts.add("owner " + s.ownerBefore + " → " + s.ownerAfter);
        }
        if (s.ownerSectorAfter != null) {
            parts.add("sector " + s.ownerSectorBefore + " → " + s.ownerSectorAfter);
        }
        if (s.dueDateAfter != null) {
            parts.add("due " + DAY.format(s.dueDateBefore) + " → " + DAY.format(s.dueDateAfter));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    @POST
    @Path("{actionId}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("auditId") Long auditId, @PathParam("actionId") Long actionId,
            @RestForm String status, @RestForm String note, @RestForm String decisionText,
            @RestForm String decidedBy, @RestForm String decidedOn, @RestForm String owner,
            @RestForm String ownerSector, @RestForm String dueDate) {
        try {
            actions.update(auditId, actionId, new ActionService.Change(status, note, decisionText, decidedBy,
                    decidedOn, owner, ownerSector, dueDate), currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/audits/" + auditId + "/actions/" + actionId + "?saved=yes"))
                    .build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            ActionService.Register one = actions.one(auditId, actionId, currentUser.user(), currentUser.isAdmin());
            String field = e.field() == null ? "form" : switch (e.field()) {
                case "decision.text" -> "decisionText";
                case "decision.decidedBy" -> "decidedBy";
                case "decision.decidedOn" -> "decidedOn";
                default -> e.field();
            };
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(one, new UpdateForm(status, note,
                    decisionText, decidedBy, decidedOn, owner, ownerSector, dueDate, field, e.getMessage()), null)
                    .render()).build();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
