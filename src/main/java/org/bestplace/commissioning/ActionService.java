package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.debrief.Debrief;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/**
 * The action register of an audit. Every member reads it; the chair, the lead and commissioners
 * (and administrators) change it, also once the audit is closed or published: commissioners act
 * on a finished audit's findings, and the register is where they say what they did.
 */
@ApplicationScoped
public class ActionService {

    /** The roles that write the register. */
    static final MemberRole[] WRITERS = {MemberRole.CHAIR, MemberRole.LEAD, MemberRole.COMMISSIONER};

    @Inject
    CriteriaService criteria;

    @Inject
    ServiceClock clock;

    /** An action with its history, oldest step first, and whether it is overdue on the audit's today. */
    public record Entry(Action action, List<ActionUpdate> history, boolean overdue) {
    }

    /**
     * The register as a caller sees it: the audit, its today, each entry, the reason titles of its
     * criteria set (code → title, in the set's order) and whether the caller may change it.
     */
    public record Register(Audit audit, LocalDate today, List<Entry> entries, Map<String, String> reasons,
            boolean writer) {
    }

    /** What a form or a request sent for a new action, before it is checked. */
    public record Draft(String title, String finding, List<String> reasonCodes, String ownerSector, String owner,
            String dueDate, String debriefDate) {
    }

    /**
     * What an update sent, before it is checked; the decision's three parts are all blank when there
     * is none; a blank owner, owner's sector or due date keeps the present one.
     */
    public record Change(String status, String note, String decisionText, String decidedBy, String decidedOn,
            String owner, String ownerSector, String dueDate) {

        public Change(String status, String note, String decisionText, String decidedBy, String decidedOn) {
            this(status, note, decisionText, decidedBy, decidedOn, null, null, null);
        }

        boolean hasDecision() {
            return !blank(decisionText) || !blank(decidedBy) || !blank(decidedOn);
        }
    }

    @Transactional
    public Register register(Long auditId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        LocalDate today = audit.today(clock);
        Map<Long, List<ActionUpdate>> steps = ActionUpdate.ofAudit(audit.id).stream()
                .collect(Collectors.groupingBy(u -> u.action.id, LinkedHashMap::new, Collectors.toList()));
        List<Entry> entries = Action.ofAudit(audit).stream().map(a -> new Entry(a, steps.getOrDefault(a.id,
                List.of()), a.overdue(today))).toList();
        return new Register(audit, today, entries, reasonTitles(audit), mayWrite(access));
    }

    /** One entry of the register, or 404. */
    @Transactional
    public Register one(Long auditId, Long actionId, User by, boolean admin) {
        Register all = register(auditId, by, admin);
        List<Entry> found = all.entries().stream().filter(e -> e.action().id.equals(actionId)).toList();
        if (found.isEmpty()) {
            throw DomainException.notFound("There is no action " + actionId + " in this audit.");
        }
        return new Register(all.audit(), all.today(), found, all.reasons(), all.writer());
    }

    static boolean mayWrite(AuditAccess access) {
        return access.admin() || access.has(MemberRole.CHAIR) || access.has(MemberRole.LEAD)
                || access.has(MemberRole.COMMISSIONER);
    }

    /** The audit's criteria set's reasons for delay, code → title, in the set's order. */
    Map<String, String> reasonTitles(Audit audit) {
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        Map<String, String> titles = new LinkedHashMap<>();
        set.reasons().forEach(r -> titles.put(r.code(), r.title()));
        return titles;
    }

    @Transactional
    public Action create(Long auditId, Draft draft, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).require(WRITERS).audit();
        Set<String> known = reasonTitles(audit).keySet();
        ActionTerms terms = ActionTerms.check(draft.title(), draft.finding(), draft.reasonCodes(),
                draft.ownerSector(), draft.owner(), draft.dueDate(), known, audit);
        Debrief debrief = null;
        if (!blank(draft.debriefDate())) {
            LocalDate date = ActionTerms.date("debriefDate", "The debrief's date", draft.debriefDate());
            debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.invalid("debriefDate",
                    "There is no debrief of " + date + " in this audit: the action can come only from a debrief"
                            + " that was held."));
        }
        Action action = new Action(audit, terms, debrief, by.username, clock.now());
        action.persist();
        action.created(debrief == null ? "Added to the register." : "Added to the register from the debrief of "
                + debrief.date + ".").persist();
        return action;
    }

    @RetryOnConflict
    @Transactional
    public ActionUpdate update(Long auditId, Long actionId, Change change, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(WRITERS);
        Audit audit = access.audit();
        Action action = Action.lockedOf(audit, actionId).orElseThrow(() -> DomainException.notFound(
                "There is no action " + actionId + " in this audit."));
        ActionStatus next = blank(change.status()) ? null : status(change.status());
        String note = ActionTerms.text("note", "The note", change.note(), ActionTerms.MAX_NOTE,
                "Write a note saying what happened.");
        Action.Decision decision = null;
        if (change.hasDecision()) {
            String text = ActionTerms.text("decision.text", "The decision", change.decisionText(),
                    ActionTerms.MAX_FINDING, "Say what was decided.");
            String decidedBy = ActionTerms.text("decision.decidedBy", "Who decided", change.decidedBy(),
                    ActionTerms.MAX_OWNER, "Say who made the decision (a person or a body, such as a board).", false);
            LocalDate on = ActionTerms.date("decision.decidedOn", "The day of the decision", change.decidedOn());
            LocalDate today = audit.today(clock);
            if (on.isAfter(today)) {
                throw DomainException.invalid("decision.decidedOn", "The decision is dated " + on + ", in the future;"
                        + " today is " + today + ".");
            }
            decision = new Action.Decision(text, decidedBy, on);
        }
        // A blank term keeps the present one; a given one is checked as when the action was added.
        Action.Handover handover = new Action.Handover(blank(change.owner()) ? null : ActionTerms.owner(change.owner()),
                blank(change.ownerSector()) ? null : ActionTerms.sector(change.ownerSector()),
                blank(change.dueDate()) ? null : ActionTerms.dueDate(change.dueDate(), audit));
        ActionUpdate step = action.update(next, note, decision, handover, by.username, clock.now());
        step.persist();
        return step;
    }

    static ActionStatus status(String given) {
        String name = given.strip();
        for (ActionStatus s : ActionStatus.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw DomainException.invalid("status", "'" + name + "' is not a status of an action; use OPEN,"
                + " IN_PROGRESS, DONE or DROPPED.");
    }

    /**
     * A debrief's action line, for the new-action form that starts from it: the debrief (which
     * must have been held), the line's text and the register entry already made from it, if any.
     */
    public record DebriefLine(LocalDate date, String text, Action existing) {
    }

    @Transactional
    public DebriefLine debriefLine(Long auditId, LocalDate date, int line, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        Debrief debrief = Debrief.of(audit, date).orElseThrow(() -> DomainException.notFound(
                "The debrief of " + date + " has not been held."));
        List<String> lines = new ArrayList<>(debrief.actions);
        if (line < 1 || line > lines.size()) {
            throw DomainException.notFound("The debrief of " + date + " has no action line " + line + ".");
        }
        String text = lines.get(line - 1);
        return new DebriefLine(date, text, Action.fromDebrief(debrief, text).orElse(null));
    }

    /** The audit's register for an export: every action, oldest first. */
    @Transactional
    public List<Entry> forExport(Audit audit) {
        LocalDate today = audit.today(clock);
        return Action.ofAudit(audit).stream().map(a -> new Entry(a, List.of(), a.overdue(today))).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
