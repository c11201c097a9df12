package org.bestplace.debrief;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import static org.bestplace.web.TemplateExtensions.percentText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bestplace.audit.MemberRole;
import org.bestplace.audit.AuditAccess;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.review.Outcome;
import org.bestplace.review.Review;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;
import org.bestplace.statistics.Interval;
import org.bestplace.web.BarChart;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/** The chair's debrief page, readable on a projector, and its minutes (page and PDF). */
@Path("/audits/{auditId}/debriefs/{date}")
@Produces(MediaType.TEXT_HTML)
public class DebriefPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance debrief(DebriefView view);

        static native TemplateInstance minutes(DebriefView view);
    }

    /** Times on the page are read in the audit's own zone, the one its days are counted in. */
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm zzz", Locale.UK);

    private static String when(java.time.Instant instant, java.time.ZoneId zone) {
        return WHEN.withZone(zone).format(instant);
    }

    @Inject
    DebriefService debriefs;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    @Inject
    ActivityLog activity;

    @Inject
    MinutesPdf pdf;

    @Inject
    org.bestplace.operations.ServiceClock clock;

    /** What a form sent back, kept so the page can show it again with the message. */
    public record FormError(String caseId, String field, String message, String outcome, String alternative,
            String reason, List<String> delayReasons) {

        FormError(String caseId, String field, String message, String outcome, String alternative, String reason) {
            this(caseId, field, message, outcome, alternative, reason, List.of());
        }
    }

    /**
     * What a case's decision form shows: what the chair just sent when it was refused, else the
     * decision on record, else nothing. {@code field}, {@code message}: the refusal, if any.
     */
    public record DecisionForm(String outcome, String alternative, List<String> delayReasons, String reason,
            String field, String message) {

        public boolean hasDelay(String code) {
            return delayReasons.contains(code);
        }

        public boolean refused() {
            return message != null;
        }

        /** The field as the form names it, for the summary by the button; null for a refusal of the whole form. */
        public String errorLabel() {
            return field == null ? null : DECISION_LABELS.get(field);
        }

        /** A refusal that belongs to no one field is shown above the form. */
        public boolean ofWholeForm() {
            return refused() && errorLabel() == null;
        }

        public boolean at(String name) {
            return refused() && name.equals(field);
        }
    }

    /** The decision form's fields by the words on the page. */
    static final Map<String, String> DECISION_LABELS = Map.of("outcome", "Agreed outcome", "alternative",
            "Best alternative place", "delayReasons", "Reasons for delay", "reason", "Reason");

    /** A member of the audit's team as the attendance form offers them. */
    public record TeamChoice(String username, String name, String sector, boolean present) {
    }

    public record Side(String reviewer, String sector, String outcome, String outcomeText, List<String> criteria,
            String override, String alternative, List<String> reasons, String note, boolean flagged) {
    }

    /** {@code notBlind}: sentences saying how a review may have been written or changed with the other in view. */
    public record QueueCase(String caseId, String caseNumber, String ward, List<String> why, List<Side> sides,
            String decision, List<NotBlind> notBlind, DecisionForm form) {
    }

    /** A sentence on how a review was written or changed with the other in view; {@code history} leads to the change. */
    public record NotBlind(String text, String history) {
    }

    public record Choice(String code, String title) {
    }

    public record DebriefView(String auditId, String auditTitle, String question, LocalDate date, long reviewed,
            String percentNotQualifying, String interval, String change, String changeLabel, long unresolved, String agreedPercent,
            String wardChart, String alternativeChart, String reasonChart, List<QueueCase> queue,
            List<Choice> alternatives, List<Choice> delayReasons, List<TeamChoice> team, boolean canDecide, boolean signedOff, String signedOffBy, String signedOffAt,
            String attendeesText, List<Attendee> attendees, String notes, List<String> actions, FormError error,
            List<String> reopenings, DailySummary summary,
            Map<String, String> titles, boolean opened, boolean canOpen, List<DayLink> days,
            List<String> undecided, boolean isToday, boolean canReopen, boolean registerWriter) {

        /** The day in words, as the sign-off confirmation names it. */
        public String dayName() {
            return DAY_NAME.format(date);
        }

        /** The field a refused form was refused for, or nothing. */
        public String errorField() {
            return error == null || error.field() == null ? "" : error.field();
        }
    }

    /** One day of the audit in the strip of days: {@code state} is "signed off", "held" or "not held". */
    public record DayLink(LocalDate date, String label, String state, boolean current, boolean linked) {
    }

    @GET
    public TemplateInstance page(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        DebriefView view = view(auditId, date, null);
        activity.record(ActivityEvent.CASE_VIEW, auditId, "Debrief page of " + date);
        return Templates.debrief(view);
    }

    @GET
    @Path("minutes")
    public TemplateInstance minutes(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        return Templates.minutes(openedView(auditId, date));
    }

    /** Minutes exist only for a debrief that was held. */
    private DebriefView openedView(Long auditId, LocalDate date) {
        DebriefView view = view(auditId, date, null);
        if (!view.opened()) {
            throw DomainException.notFound("The debrief of " + date + " has not been opened, so it has no minutes.");
        }
        return view;
    }

    /** The chair's deliberate opening of the day, from the button on the page. */
    @POST
    @Path("opening")
    public Response open(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        debriefs.open(auditId, date, currentUser.user(), currentUser.isAdmin());
        return Response.seeOther(URI.create("/audits/" + auditId + "/debriefs/" + date)).build();
    }

    @GET
    @Path("minutes.pdf")
    @Produces("application/pdf")
    public Response minutesPdf(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date) {
        String html = Templates.minutes(openedView(auditId, date)).render();
        return Response.ok(pdf.render(html, "/audits/" + auditId + "/debriefs/" + date + "/minutes"))
                .header("Content-Disposition", "inline; filename=\"debrief-" + auditId + "-" + date + ".pdf\"")
                .build();
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @RestForm String caseId, @RestForm String outcome, @RestForm String alternative,
            @RestForm List<String> delayReasons, @RestForm String reason) {
        List<String> delays = delayReasons == null ? List.of() : delayReasons.stream().filter(r -> !r.isBlank())
                .toList();
        try {
            Outcome parsed = outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome);
            if (parsed == null) {
                throw DomainException.invalid("outcome", "Choose the agreed outcome.");
            }
            if (reason == null || reason.isBlank()) {
                throw DomainException.invalid("reason", "Give the reason for the decision.");
            }
            debriefs.decide(auditId, date, caseId, parsed, blankToNull(alternative), delays, reason,
                    currentUser.user(), currentUser.isAdmin());
        } catch (DomainException | IllegalArgumentException e) {
            if (e instanceof DomainException domain && domain.status() != 400) {
                throw domain;
            }
            String field = e instanceof DomainException domain ? domain.field() : "outcome";
            FormError error = new FormError(caseId, field, e.getMessage(), outcome, alternative, reason, delays);
            return Response.status(400).entity(Templates.debrief(view(auditId, date, error)).render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create("/audits/" + auditId + "/debriefs/" + date + "#case-" + caseId)).build();
    }

    @POST
    @Path("record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @RestForm List<String> member, @RestForm String attendees, @RestForm String notes,
            @RestForm String actions) {
        List<String> members = member == null ? List.of() : member.stream().filter(m -> !m.isBlank()).toList();
        List<Attendee> people = new ArrayList<>();
        members.forEach(m -> people.add(Attendee.member(m)));
        for (String line : lines(attendees)) {
            Attendee other = other(line);
            if (other == null) {
                return recordRefused(auditId, date, "attendees", "Write each person as 'name, organisation', for"
                        + " example 'Sam Lee, Northshire social care': '" + line + "' has no organisation.",
                        members, attendees, notes, actions);
            }
            people.add(other);
        }
        try {
            debriefs.record(auditId, date, people, notes, lines(actions), currentUser.user(), currentUser.isAdmin());
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return recordRefused(auditId, date, e.field(), e.getMessage(), members, attendees, notes, actions);
        }
        return Response.seeOther(URI.create("/audits/" + auditId + "/debriefs/" + date + "#record")).build();
    }

    /**
     * Someone from outside the team, from a line "name, organisation". A part that names a sector
     * (as the form wrote them before, "Name, HOSPITAL") is their sector; the rest is the organisation.
     */
    static Attendee other(String line) {
        String[] parts = line.split(",");
        String name = parts[0].strip();
        Sector sector = null;
        List<String> organisation = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            Sector named = sectorNamed(part);
            if (sector == null && named != null) {
                sector = named;
            } else if (!part.isEmpty()) {
                organisation.add(part);
            }
        }
        if (sector == null && organisation.isEmpty()) {
            return null;
        }
        return new Attendee(name, sector, organisation.isEmpty() ? null : String.join(", ", organisation));
    }

    private static Sector sectorNamed(String text) {
        for (Sector s : Sector.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }

    /** A recorded attendee from outside the team as the "others" box writes them. */
    private static String otherLine(Attendee a) {
        return a.name + (a.sector == null ? "" : ", " + a.sector.name())
                + (a.organisation == null ? "" : ", " + a.organisation);
    }

    /** The page again with what the chair wrote and the message beside the field at fault. */
    private Response recordRefused(Long auditId, LocalDate date, String field, String message, List<String> members,
            String attendees, String notes, String actions) {
        FormError error = new FormError(null, field, message, null, null, null);
        DebriefView view = view(auditId, date, error);
        return Response.status(400).entity(Templates.debrief(withRecord(view, members, attendees, notes, actions))
                .render()).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * Sign-off locks the day for everyone, so the form names the day and must be confirmed: without
     * the tick the page comes back with the message beside the box.
     */
    @POST
    @Path("sign-off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOff(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            FormError error = new FormError(null, "confirm", "Tick the box to confirm the debrief of "
                    + DAY_NAME.format(date) + " is complete before signing it off.", null, null, null);
            return Response.status(400).entity(Templates.debrief(view(auditId, date, error)).render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        debriefs.signOff(auditId, date, currentUser.user(), currentUser.isAdmin());
        return Response.seeOther(URI.create("/audits/" + auditId + "/debriefs/" + date)).build();
    }

    /** An administrator unlocks a signed-off day from the page, with the reason kept. */
    @POST
    @Path("reopenings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("auditId") Long auditId, @PathParam("date") LocalDate date,
            @RestForm String reason) {
        try {
            debriefs.reopen(auditId, date, reason, currentUser.user(), currentUser.isAdmin());
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            FormError error = new FormError(null, "reopen-reason", e.getMessage(), null, null, reason);
            return Response.status(400).entity(Templates.debrief(view(auditId, date, error)).render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.seeOther(URI.create("/audits/" + auditId + "/debriefs/" + date)).build();
    }

    /** The day as the confirmation names it: "Thursday 12 November 2026". */
    static final java.time.format.DateTimeFormatter DAY_NAME = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private static DebriefView withRecord(DebriefView v, List<String> members, String attendees, String notes,
            String actions) {
        List<TeamChoice> team = v.team().stream().map(t -> new TeamChoice(t.username(), t.name(), t.sector(),
                members.contains(t.username()))).toList();
        return new DebriefView(v.auditId(), v.auditTitle(), v.question(), v.date(), v.reviewed(),
                v.percentNotQualifying(), v.interval(), v.change(), v.changeLabel(), v.unresolved(), v.agreedPercent(), v.wardChart(),
                v.alternativeChart(), v.reasonChart(), v.queue(), v.alternatives(), v.delayReasons(), team,
                v.canDecide(), v.signedOff(),
                v.signedOffBy(), v.signedOffAt(), attendees == null ? "" : attendees, v.attendees(), notes,
                lines(actions), v.error(), v.reopenings(), v.summary(), v.titles(), v.opened(), v.canOpen(),
                v.days(), v.undecided(), v.isToday(), v.canReopen(), v.registerWriter());
    }

    DebriefView view(Long auditId, LocalDate date, FormError error) {
        var user = currentUser.user();
        boolean admin = currentUser.isAdmin();
        DebriefService.Day day = debriefs.day(auditId, date, user, admin);
        AuditAccess access = day.access();
        DailySummary summary = day.summary();
        DailySummary previous = debriefs.dayBefore(auditId, date, user, admin);
        CriteriaFile set = criteria.definition(day.audit().criteriaSet);
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        set.alternatives().forEach(a -> titles.put(a.code(), a.title()));
        set.reasons().forEach(r -> titles.put(r.code(), r.title()));
        set.criteria().forEach(c -> titles.put(c.code(), c.code() + " " + c.text()));

        String change = previous == null ? "shown once the day before's debrief opens"
                : previous.reviewed() == 0 ? "no reviews the day before"
                : summary.reviewed() == 0 ? Interval.NO_PATIENT_DAYS
                : String.format(Locale.ROOT, "%+.1f points", 100 * (summary.proportionNotQualifying()
                        - previous.proportionNotQualifying()));
        String changeLabel = previous == null || previous.reviewed() == 0 ? "change from the day before"
                : "change from the day before (" + percentText(previous.proportionNotQualifying()) + ")";
        String wardChart = BarChart.svg("Not qualifying by ward", summary.byWard().stream()
                .map(r -> new BarChart.Bar(r.key(), r.proportion(), percentText(r.proportion()) + " of " + r.reviewed()))
                .toList(), 1.0);
        String alternativeChart = BarChart.svg("Best alternative place of care", summary.alternatives().stream()
                .map(c -> new BarChart.Bar(titles.getOrDefault(c.code(), c.code()), c.count(),
                        String.valueOf(c.count()))).toList(), 0);
        String reasonChart = BarChart.svg("Reasons still in hospital", summary.reasons().stream()
                .map(c -> new BarChart.Bar(titles.getOrDefault(c.code(), c.code()), c.count(),
                        String.valueOf(c.count()))).toList(), 0);
        Map<Long, Decision> decisions = day.decisions().stream()
                .collect(Collectors.toMap(d -> d.patientCase.id, d -> d));
        java.time.ZoneId zone = day.audit().zone();
        List<QueueCase> queue = day.queue().stream().map(item -> {
            Decision decision = decisions.get(item.patientCase().id);
            String caseId = String.valueOf(item.patientCase().id);
            return new QueueCase(caseId, item.patientCase().caseNumber,
                    item.patientCase().ward, item.why().stream().map(Enum::name).toList(),
                    item.reviews().stream().map(r -> side(r, titles)).toList(),
                    decision == null ? null : describe(decision, titles, day, zone), notBlind(item, titles, day, zone),
                    decisionForm(caseId, decision, error));
        }).toList();
        Debrief d = day.debrief();
        boolean opened = d != null;
        boolean chair = access.admin() || access.has(MemberRole.CHAIR);
        String attendeesText = !opened ? "" : d.attendees.stream().filter(a -> !a.isMember())
                .map(DebriefPages::otherLine).collect(Collectors.joining("\n"));
        java.util.Set<String> present = !opened ? java.util.Set.of() : d.attendees.stream()
                .filter(Attendee::isMember).map(a -> a.username).collect(Collectors.toSet());
        List<TeamChoice> team = day.team().stream().map(m -> new TeamChoice(m.user.username, m.user.displayName,
                m.sector.name(), present.contains(m.user.username))).toList();
        List<DayLink> days = debriefs.days(day.audit()).stream().map(s -> new DayLink(s.date(),
                DAY_LABEL.format(s.date()), s.signedOff() ? "signed off" : s.opened() ? "held" : "not held",
                s.date().equals(date), s.opened() || !access.seesOnlyOpenedDays())).toList();
        return new DebriefView(String.valueOf(auditId), day.audit().title, day.audit().question, date,
                summary.reviewed(), percentText(summary.proportionNotQualifying()),
                org.bestplace.web.TemplateExtensions.rangeText(summary.ci95()), change, changeLabel,
                summary.asAgreed().unresolved(), percentText(summary.asAgreed().proportion()), wardChart,
                alternativeChart, reasonChart, queue,
                set.alternatives().stream().map(a -> new Choice(a.code(), a.title())).toList(),
                set.reasons().stream().map(r -> new Choice(r.code(), r.title())).toList(), team,
                chair && opened && !d.isSignedOff(), opened && d.isSignedOff(),
                opened ? day.name(d.signedOffBy) : null,
                !opened || d.signedOffAt == null ? null : when(d.signedOffAt, zone),
                attendeesText, opened ? d.attendees : List.of(), opened ? d.notes : null,
                opened ? d.actions : List.of(), error,
                day.reopenings().stream().map(r -> when(r.reopenedAt, zone) + " by " + day.name(r.reopenedBy) + ": "
                        + r.reason)
                        .toList(),
                summary, titles, opened, chair && !opened && day.audit().status != org.bestplace.audit.AuditStatus.CLOSED
                        && day.audit().status != org.bestplace.audit.AuditStatus.PUBLISHED, days,
                queue.stream().filter(q -> q.decision() == null).map(QueueCase::caseNumber).toList(),
                date.equals(day.audit().today(clock)), access.admin() && opened && d.isSignedOff(),
                access.admin() || access.has(MemberRole.CHAIR) || access.has(MemberRole.LEAD)
                        || access.has(MemberRole.COMMISSIONER));
    }

    private static final java.time.format.DateTimeFormatter DAY_LABEL = java.time.format.DateTimeFormatter
            .ofPattern("EEE d MMM", Locale.UK);

    private static Side side(Review r, Map<String, String> titles) {
        return new Side(r.reviewer.displayName, r.reviewerSector.name(), r.outcome.name(),
                r.outcome == Outcome.QUALIFIES ? "Qualifies" : "Does not qualify",
                r.criteriaMet.stream().map(c -> titles.getOrDefault(c, c)).toList(),
                r.overrideOutcome == null ? null : "Overridden: " + r.overrideReason,
                r.alternative == null ? null : titles.getOrDefault(r.alternative, r.alternative),
                r.reasons.stream().map(c -> titles.getOrDefault(c, c)).toList(), r.note, r.flagged);
    }

    private static List<NotBlind> notBlind(DebriefService.QueueItem item, Map<String, String> titles,
            DebriefService.Day day, java.time.ZoneId zone) {
        List<NotBlind> lines = new ArrayList<>();
        for (DebriefService.Change c : item.changes()) {
            lines.add(new NotBlind("Changed after the other review could be read, by " + day.name(c.changedBy()) + " on "
                    + when(c.changedAt(), zone) + " (\u201c" + c.changeReason() + "\u201d). Before: "
                    + version(c.before(), titles) + ". After: " + version(c.after(), titles) + ".",
                    "/audits/" + item.patientCase().audit.id + "/reviews/" + c.reviewId() + "/history"));
        }
        if (item.why().contains(DebriefService.Why.WRITTEN_AFTER_FIRST_VISIBLE)) {
            lines.add(new NotBlind("The later review was written when its author could already read the first one.",
                    null));
        }
        return lines;
    }

    private static String version(org.bestplace.review.ReviewContent c, Map<String, String> titles) {
        return c.outcome() == Outcome.QUALIFIES ? "Qualifies"
                : "Does not qualify, " + titles.getOrDefault(c.alternative(), String.valueOf(c.alternative()));
    }

    /** "Does not qualify: Care home (pathway 3); reasons for delay: … — the reason (Dr Okafor, 12 Nov 2026 14:05 GMT)". */
    private static String describe(Decision d, Map<String, String> titles, DebriefService.Day day,
            java.time.ZoneId zone) {
        String delays = d.delayReasons.isEmpty() ? "" : "; reasons for delay: " + inSetOrder(d.delayReasons, titles)
                .stream().map(c -> titles.getOrDefault(c, c)).collect(Collectors.joining(", "));
        return (d.outcome == Outcome.QUALIFIES ? "Qualifies" : "Does not qualify: "
                + titles.getOrDefault(d.alternative, d.alternative)) + delays + " — " + d.reason + " ("
                + day.name(d.decidedBy) + ", " + when(d.decidedAt, zone) + ")";
    }

    /** Codes in the order the criteria set lists them (the titles map keeps it), any unknown ones last. */
    private static List<String> inSetOrder(java.util.Collection<String> codes, Map<String, String> titles) {
        List<String> order = new ArrayList<>(titles.keySet());
        return codes.stream().sorted(java.util.Comparator.comparingInt((String c) -> order.indexOf(c) < 0
                ? Integer.MAX_VALUE : order.indexOf(c)).thenComparing(c -> c)).toList();
    }

    /** The refused values for the case the refusal was about, else the decision on record, else a blank form. */
    private static DecisionForm decisionForm(String caseId, Decision decision, FormError error) {
        if (error != null && caseId.equals(error.caseId())) {
            return new DecisionForm(error.outcome(), error.alternative(),
                    error.delayReasons() == null ? List.of() : error.delayReasons(), error.reason(), error.field(),
                    error.message());
        }
        if (decision != null) {
            return new DecisionForm(decision.outcome.name(), decision.alternative, List.copyOf(decision.delayReasons),
                    decision.reason, null, null);
        }
        return new DecisionForm(null, null, List.of(), null, null, null);
    }


    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
