package org.bestplace.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bestplace.BestplaceConfig;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The audit pages: the list of audits, an audit's home (its question, its wards and today's
 * progress on each), the form that sets an audit up (new, or changed while PLANNED), and the
 * page that moves it through its lifecycle.
 */
@Path("/audits")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Audit audit, LocalDate today, List<WardProgress> wards, boolean chair,
                boolean lead, boolean collecting);

        static native TemplateInstance list(List<AuditLine> audits, boolean admin);

        static native TemplateInstance setup(SetupView view);

        static native TemplateInstance status(StatusView view);
    }

    public record WardProgress(String ward, String link, long registeredToday, long reviewedToday,
            long secondReviewsOutstanding) {
    }

    /** One audit in the list, with what the caller is on it and may do there. */
    public record AuditLine(Long id, String title, String site, String status, LocalDate startDate, LocalDate endDate,
            String roles, boolean manages) {
    }

    static final Map<String, String> SETUP_LABELS = Map.of("title", "Title", "question", "Agreed question", "site",
            "Site", "wards", "Wards", "startDate", "Start date", "endDate", "End date", "criteriaSet", "Criteria set",
            "dualReviewRate", "Dual-review rate", "timeZone", "Time zone", "repeats", "Repeats");

    /** The set-up form's values as typed and, after a refusal, the field and message. */
    public record SetupForm(String title, String question, String site, List<String> wards, String startDate,
            String endDate, String criteriaSet, String dualReviewRate, String timeZone, String repeats, String field,
            String message) {

        public String errorLabel() {
            return field == null ? null : SETUP_LABELS.get(field);
        }

        /** Where the summary's link leads: the field, or the first ward line. */
        public String errorTarget() {
            return "wards".equals(field) ? "ward-0" : field;
        }
    }

    /** A ratified criteria set to choose from; {@code value} is "id|version". */
    public record SetChoice(String value, String label) {
    }

    /** {@code audit} is null for a new audit; {@code editable} is false once it has left PLANNED. */
    public record SetupView(Audit audit, SetupForm form, List<SetChoice> sets, boolean editable, boolean saved,
            String action, List<SetChoice> earlier) {
    }

    /** A move the audit may make next, explained before it is taken. */
    public record Move(String status, String title, List<String> meaning, boolean needsReason, String button) {
    }

    public record ChangeLine(String when, String from, String to, String by, String reason) {
    }

    public record StatusView(Audit audit, String now, List<Move> moves, List<ChangeLine> history, AuditTeam team,
            String refusedStatus, String field, String message, String reason, String moved) {

        /** The rule collection waits for, in the words the API's refusal uses too. */
        public String rule() {
            return AuditTeam.RULE;
        }

        /** What the team still lacks, or nothing. */
        public String missing() {
            return team.missing().orElse("");
        }

        /** A refusal that belongs to none of the steps shown (a step the audit cannot take now). */
        public boolean messageAtTop() {
            return message != null && moves.stream().noneMatch(m -> m.status().equals(refusedStatus));
        }
    }

    @Inject
    WardCounts wardCounts;

    @Inject
    AuditService audits;

    @Inject
    CurrentUser currentUser;

    @Inject
    ServiceClock clock;

    @Inject
    BestplaceConfig config;

    @GET
    public TemplateInstance list() {
        User user = currentUser.user();
        boolean admin = currentUser.isAdmin();
        List<AuditLine> lines = new ArrayList<>();
        // One query for the caller's roles on every audit, not one per audit.
        Map<Long, List<String>> rolesByAudit = new java.util.HashMap<>();
        for (Member member : Member.ofUser(user)) {
            rolesByAudit.computeIfAbsent(member.audit.id, id -> new ArrayList<>()).add(member.role.name());
        }
        for (Audit audit : audits.visibleTo(user, admin)) {
            List<String> roles = rolesByAudit.getOrDefault(audit.id, List.of()).stream().sorted().toList();
            String on = roles.isEmpty() ? "administrator" : String.join(", ", roles);
            lines.add(new AuditLine(audit.id, audit.title, audit.site, audit.status.name(), audit.startDate,
                    audit.endDate, on, admin || roles.contains(MemberRole.LEAD.name())));
        }
        return Templates.list(lines, admin);
    }

    @GET
    @Path("{auditId}")
    public TemplateInstance home(@PathParam("auditId") Long auditId) {
        var user = currentUser.user();
        AuditAccess access = AuditAccess.of(auditId, user, currentUser.isAdmin());
        Audit audit = access.audit();
        LocalDate today = audit.today(clock);
        List<WardProgress> wards = wardCounts.on(audit, today);
        return Templates.home(audit, today, wards, access.admin() || access.has(MemberRole.CHAIR),
                access.admin() || access.has(MemberRole.LEAD), audit.status == AuditStatus.COLLECTING);
    }

    @GET
    @Path("new")
    @RolesAllowed("ADMIN")
    public TemplateInstance newAudit() {
        SetupForm empty = new SetupForm("", "", "", List.of("", ""), "", "", "", "20", config.defaultTimeZone(),
                "", null, null);
        return Templates.setup(new SetupView(null, empty, choices(), true, false, "/audits", earlier(null)));
    }

    /** Creates the audit, or comes back with the form; the ward buttons add and remove lines. */
    @POST
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm String question, @RestForm String site,
            @RestForm List<String> ward, @RestForm String startDate, @RestForm String endDate,
            @RestForm String criteriaSet, @RestForm String dualReviewRate, @RestForm String timeZone,
            @RestForm String repeats, @RestForm String action) {
        SetupForm form = new SetupForm(title, question, site, ward == null ? List.of() : ward, startDate, endDate,
                criteriaSet, dualReviewRate, timeZone, repeats, null, null);
        SetupForm lines = wardLines(form, action);
        if (lines != null) {
            return Response.ok(Templates.setup(new SetupView(null, lines, choices(), true, false, "/audits",
                    earlier(null))).render()).type(MediaType.TEXT_HTML_TYPE).build();
        }
        try {
            Audit audit = audits.create(setupOf(form), currentUser.user());
            return Response.seeOther(URI.create("/audits/" + audit.id + "/team?created=true")).build();
        } catch (DomainException e) {
            return refused(e, form, null, "/audits");
        }
    }

    @GET
    @Path("{auditId}/setup")
    public TemplateInstance setup(@PathParam("auditId") Long auditId, @QueryParam("saved") boolean saved) {
        Audit audit = managed(auditId);
        return Templates.setup(new SetupView(audit, formOf(audit), choices(), audit.status == AuditStatus.PLANNED,
                saved, "/audits/" + audit.id + "/setup", earlier(audit)));
    }

    @POST
    @Path("{auditId}/setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("auditId") Long auditId, @RestForm String title, @RestForm String question,
            @RestForm String site, @RestForm List<String> ward, @RestForm String startDate, @RestForm String endDate,
            @RestForm String criteriaSet, @RestForm String dualReviewRate, @RestForm String timeZone,
            @RestForm String repeats, @RestForm String action) {
        Audit audit = managed(auditId);
        String path = "/audits/" + audit.id + "/setup";
        SetupForm form = new SetupForm(title, question, site, ward == null ? List.of() : ward, startDate, endDate,
                criteriaSet, dualReviewRate, timeZone, repeats, null, null);
        SetupForm lines = wardLines(form, action);
        if (lines != null && audit.status == AuditStatus.PLANNED) {
            return Response.ok(Templates.setup(new SetupView(audit, lines, choices(), true, false, path,
                    earlier(audit))).render()).type(MediaType.TEXT_HTML_TYPE).build();
        }
        try {
            audit.requirePlanned();
            audits.update(auditId, setupOf(form), currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create(path + "?saved=true")).build();
        } catch (DomainException e) {
            return refused(e, form, audit, path);
        }
    }

    private Response refused(DomainException e, SetupForm form, Audit audit, String action) {
        if (e.status() != 400 && e.status() != 409) {
            throw e;
        }
        String field = e.field() == null || !SETUP_LABELS.containsKey(e.field()) ? "form" : e.field();
        SetupForm back = new SetupForm(form.title(), form.question(), form.site(), form.wards().isEmpty()
                ? List.of("") : form.wards(), form.startDate(), form.endDate(), form.criteriaSet(),
                form.dualReviewRate(), form.timeZone(), form.repeats(), field, e.getMessage());
        boolean editable = audit == null || audit.status == AuditStatus.PLANNED;
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.setup(new SetupView(audit, back, choices(), editable, false, action,
                        earlier(audit))).render())
                .build();
    }

    /**
     * The form with a ward line added or taken away, when one of those buttons was pressed; null
     * when the form was sent to be saved. Works without JavaScript.
     */
    static SetupForm wardLines(SetupForm form, String action) {
        if (action == null || action.equals("save")) {
            return null;
        }
        List<String> wards = new ArrayList<>(form.wards());
        if (action.equals("add-ward")) {
            wards.add("");
        } else if (action.startsWith("remove-ward-")) {
            try {
                int line = Integer.parseInt(action.substring("remove-ward-".length()));
                if (line >= 0 && line < wards.size()) {
                    wards.remove(line);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (wards.isEmpty()) {
                wards.add("");
            }
        } else {
            return null;
        }
        return new SetupForm(form.title(), form.question(), form.site(), wards, form.startDate(), form.endDate(),
                form.criteriaSet(), form.dualReviewRate(), form.timeZone(), form.repeats(), null, null);
    }

    /** Reads the form as the service takes a set-up; the rate is typed as a percentage. */
    private static AuditService.Setup setupOf(SetupForm form) {
        LocalDate start = date(form.startDate(), "startDate", "Give the start date.");
        LocalDate end = date(form.endDate(), "endDate", "Give the end date.");
        String set = form.criteriaSet() == null ? "" : form.criteriaSet();
        int bar = set.indexOf('|');
        if (bar <= 0) {
            throw DomainException.invalid("criteriaSet", "Choose a ratified criteria set.");
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(form.dualReviewRate() == null ? "" : form.dualReviewRate().strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("dualReviewRate", "Give the dual-review rate as a percentage from 0 to"
                    + " 100, such as 20.");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw DomainException.invalid("dualReviewRate", "Give the dual-review rate as a percentage from 0 to"
                    + " 100, such as 20.");
        }
        List<String> wards = form.wards().stream().filter(w -> w != null && !w.isBlank()).toList();
        return new AuditService.Setup(form.title(), form.question(), form.site(), wards, start, end,
                set.substring(0, bar), set.substring(bar + 1), rate.movePointLeft(2), form.timeZone(), null,
                form.repeats());
    }

    private static LocalDate date(String value, String field, String missing) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, missing);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "Write the date as YYYY-MM-DD, such as 2026-11-02.");
        }
    }

    private static SetupForm formOf(Audit audit) {
        return new SetupForm(audit.title, audit.question, audit.site, new ArrayList<>(audit.wards),
                audit.startDate.toString(), audit.endDate.toString(),
                audit.criteriaSet.setId + "|" + audit.criteriaSet.version,
                audit.dualReviewRate.movePointRight(2).stripTrailingZeros().toPlainString(), audit.timeZone,
                audit.repeats == null ? "" : String.valueOf(audit.repeats.id), null, null);
    }

    /** The audits the set-up may name as the one it repeats: those the caller sees, other than this one. */
    private List<SetChoice> earlier(Audit audit) {
        return audits.repeatable(currentUser.user(), currentUser.isAdmin()).stream()
                .filter(a -> audit == null || !a.id.equals(audit.id))
                .map(a -> new SetChoice(String.valueOf(a.id), a.title + " (" + a.site + ", " + a.startDate + " to "
                        + a.endDate + ", " + String.join(", ", a.wards) + "; " + a.criteriaSet.setId + ")"))
                .toList();
    }

    private List<SetChoice> choices() {
        return audits.ratifiedSets().stream().map(AuditPages::choice).toList();
    }

    private static SetChoice choice(CriteriaSet set) {
        return new SetChoice(set.setId + "|" + set.version, set.title + " (" + set.setId + ", version "
                + set.version + ")");
    }

    /** The audit, for its administrator or lead; anyone else on the team is refused. */
    private Audit managed(Long auditId) {
        return AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).require(MemberRole.LEAD).audit();
    }

    // The lifecycle page

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm zzz", Locale.UK);

    @GET
    @Path("{auditId}/status")
    public TemplateInstance status(@PathParam("auditId") Long auditId, @QueryParam("moved") String moved) {
        Audit audit = managed(auditId);
        return Templates.status(statusView(audit, null, null, null, null, moved));
    }

    @POST
    @Path("{auditId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("auditId") Long auditId, @RestForm String status, @RestForm String reason) {
        Audit audit = managed(auditId);
        AuditStatus next;
        try {
            next = AuditStatus.valueOf(status == null ? "" : status.strip());
        } catch (IllegalArgumentException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(Templates.status(statusView(audit,
                    status, "status", "Choose one of the steps below.", reason, null)).render()).build();
        }
        try {
            audits.changeStatus(auditId, next, reason, currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/audits/" + auditId + "/status?moved=" + next.name())).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            Audit now = Audit.findById(auditId);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.status(statusView(now,
                    next.name(), e.field(), e.getMessage(), reason, null)).render()).build();
        }
    }

    private StatusView statusView(Audit audit, String refusedStatus, String field, String message, String reason,
            String moved) {
        List<Move> moves = new ArrayList<>();
        for (AuditStatus next : AuditStatus.values()) {
            if (audit.status.canMoveTo(next)) {
                moves.add(move(audit.status, next));
            }
        }
        List<ChangeLine> history = AuditStatusChange.ofAudit(audit).stream()
                .map(c -> new ChangeLine(WHEN.withZone(audit.zone()).format(c.changedAt), c.fromStatus.name(),
                        c.toStatus.name(), c.changedBy, c.reason))
                .toList();
        String movedTo = moved != null && moved.equals(audit.status.name()) ? moved : null;
        return new StatusView(audit, meaningOf(audit.status), moves, history, AuditTeam.of(Member.ofAudit(audit)),
                refusedStatus, field, message, reason, movedTo);
    }

    /** What the audit's present status means, in a sentence. */
    static String meaningOf(AuditStatus status) {
        return switch (status) {
            case PLANNED -> "The audit is being set up: its question, wards, dates, criteria set and team can still"
                    + " change, and no patient can be registered yet.";
            case COLLECTING -> "Reviewers are registering and reviewing patients on the audit's wards, and the"
                    + " chair holds a debrief each day. The set-up is fixed; the team can still change.";
            case CLOSED -> "Data collection has ended: no patient, review, debrief decision or team change is"
                    + " taken, and the figures are final unless the audit is reopened.";
            case PUBLISHED -> "The results are published. Nothing in the audit changes any more.";
        };
    }

    /** Each step, said before it is taken: what it means for reviewers and for the figures. */
    static Move move(AuditStatus from, AuditStatus to) {
        return switch (to) {
            case COLLECTING -> from == AuditStatus.CLOSED
                    ? new Move(to.name(), "Reopen for data collection", List.of(
                            "Reviewers can register patients and write reviews again, and debriefs can be held"
                                    + " and decided again.",
                            "The figures stop being final: new reviews and decisions change them, and reviewers"
                                    + " again see a day's figures only once its debrief is open.",
                            "The reason you give is kept in the audit's record for everyone who reads the"
                                    + " results."),
                            true, "Reopen the audit")
                    : new Move(to.name(), "Start collecting", List.of(
                            "Reviewers can register patients on the audit's wards and review them, on the days"
                                    + " from the start date to the end date; the chair holds a debrief each day.",
                            "The set-up (question, wards, dates, criteria set, dual-review rate, time zone) is"
                                    + " fixed from now on, so every figure answers the question that was agreed.",
                            "While collecting, a reviewer sees a day's figures only once the chair has opened"
                                    + " that day's debrief, so second reviews stay blind."),
                            false, "Start collecting");
            case CLOSED -> new Move(to.name(), "Close data collection", List.of(
                    "Reviewers can no longer register patients or write or change reviews; debrief days can no"
                            + " longer be opened, decided or signed off, and the team no longer changes.",
                    "The figures become final, and everyone on the team sees every day's figures; the FHIR"
                            + " report is no longer marked pending.",
                    "A closed audit can be reopened for collection, with a reason, or published."),
                    false, "Close the audit");
            case PUBLISHED -> new Move(to.name(), "Publish the results", List.of(
                    "The results are final for good: a published audit is never reopened, and takes no reviews,"
                            + " decisions or team changes.",
                    "Exports and the results page stay as they are for the team to pass on."),
                    false, "Publish the audit");
            case PLANNED -> new Move(to.name(), "Back to planning", List.of(), false, "Back to planning");
        };
    }
}
