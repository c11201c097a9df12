package org.bestplace.guide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditStatus;
import org.bestplace.audit.Member;
import org.bestplace.commissioning.Action;
import org.bestplace.commissioning.ActionStatus;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.debrief.Debrief;
import org.bestplace.guide.GuideStep.Progress;
import org.bestplace.operations.ServiceClock;
import org.bestplace.results.ExportLogEntry;
import org.bestplace.review.PatientCase;
import org.bestplace.review.Review;
import org.bestplace.security.Sector;
import org.bestplace.training.TrainingService;

/**
 * The method of a best-place-of-care audit in eight steps, and for one audit how far it has got with each, read
 * from what the audit holds: its team, its criteria set, its reviews, its debriefs, its exports and its status.
 */
@ApplicationScoped
public class Guide {

    @Inject
    ServiceClock clock;

    @Inject
    TrainingService training;

    /** The steps with the pages that do them, without any audit's progress. */
    public List<GuideStep> steps(boolean admin) {
        return List.of(
                step(1, "question", "/audits", "Audits", null, null),
                step(2, "criteria", "/criteria-sets", "Criteria sets", null, null),
                step(3, "training", null, null, null, null),
                step(4, "collect", "/audits", "Audits", null, null),
                step(5, "debrief", "/audits", "Audits", null, null),
                step(6, "brief", "/audits", "Audits", null, null),
                step(7, "act", null, null, null, null),
                step(8, "reaudit", admin ? "/audits/new" : null, admin ? "New audit" : null, null, null));
    }

    /**
     * The same steps for one audit, each linked to that audit's page for it and saying how far it has got.
     * {@code manages}: the reader sets the audit up (its lead or an administrator); {@code readsReadiness}: the
     * reader may see the reviewers' readiness (lead, chair, administrator). Nobody is offered a page they may
     * not open.
     */
    @Transactional
    public List<GuideStep> steps(Audit audit, boolean admin, boolean manages, boolean readsReadiness) {
        String home = "/audits/" + audit.id;
        return List.of(question(audit, home, manages), criteria(audit), training(audit, home, readsReadiness),
                collection(audit, home),
                debriefs(audit, home), briefing(audit, home), action(audit, home), reaudit(audit, admin));
    }

    private GuideStep question(Audit audit, String home, boolean manages) {
        Set<Sector> sectors = Member.ofAudit(audit).stream().map(m -> m.sector)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
        Set<String> missing = new TreeSet<>();
        for (Sector sector : Sector.values()) {
            if (!sectors.contains(sector)) {
                missing.add(sector.name());
            }
        }
        boolean asked = audit.question != null && !audit.question.isBlank();
        Progress progress = asked && missing.isEmpty() ? Progress.DONE : asked ? Progress.UNDER_WAY : Progress.TO_DO;
        String standing = (asked ? "The agreed question is written down" : "No agreed question yet") + "; the team has "
                + sectors.size() + " of 3 organisations" + (missing.isEmpty() ? "." : " (missing: "
                        + String.join(", ", missing) + ").");
        return manages ? step(1, "question", home + "/team", "The audit's team", progress, standing)
                : step(1, "question", null, null, progress, standing);
    }

    private GuideStep criteria(Audit audit) {
        var set = audit.criteriaSet;
        String name = set.setId + " " + set.version;
        String standing = set.status == CriteriaStatus.RETIRED ? name + " was ratified when the audit was set up; it has been retired since."
                : name + " is " + set.status.name().toLowerCase() + "; the audit is pinned to its content.";
        return step(2, "criteria", "/criteria-sets/" + set.setId + "/" + set.version, "The audit's criteria set",
                Progress.DONE, standing);
    }

    private GuideStep training(Audit audit, String home, boolean readsReadiness) {
        TrainingService.Readiness readiness = training.readinessOf(audit);
        long reviewers = readiness.reviewers().size();
        long ready = readiness.reviewers().stream().filter(TrainingService.ReviewerScores::ready).count();
        var rule = readiness.rule();
        Progress progress = reviewers > 0 && ready == reviewers ? Progress.DONE
                : ready > 0 ? Progress.UNDER_WAY : Progress.TO_DO;
        String standing = ready + " of " + reviewers + (reviewers == 1 ? " reviewer meets" : " reviewers meet")
                + " the readiness rule (at least " + rule.minCases() + " training cases, kappa at least "
                + rule.minKappa() + ", agreement at least " + Math.round(rule.minAgreement() * 100) + "%)"
                + (rule.required() ? "; the audit takes reviews only from reviewers who meet it." : ".");
        return readsReadiness ? step(3, "training", home + "/readiness", "The reviewers' readiness", progress, standing)
                : step(3, "training", home + "/training", "Practise on the training cases", progress, standing);
    }

    private GuideStep collection(Audit audit, String home) {
        long cases = PatientCase.count("audit", audit);
        long reviews = Review.count("patientCase.audit", audit);
        String counts = cases + (cases == 1 ? " patient" : " patients") + " registered, " + reviews
                + (reviews == 1 ? " review" : " reviews") + " written.";
        Progress progress = switch (audit.status) {
            case PLANNED -> Progress.TO_DO;
            case COLLECTING -> Progress.UNDER_WAY;
            case CLOSED, PUBLISHED -> Progress.DONE;
        };
        String standing = switch (audit.status) {
            case PLANNED -> "The audit is planned: wards take patients once it is moved to collecting.";
            case COLLECTING -> "The audit is collecting: " + counts;
            case CLOSED, PUBLISHED -> "Collection has ended: " + counts;
        };
        return step(4, "collect", home, "The audit's wards", progress, standing);
    }

    private GuideStep debriefs(Audit audit, String home) {
        LocalDate today = audit.today(clock);
        LocalDate last = today.isBefore(audit.endDate) ? today : audit.endDate;
        long days = last.isBefore(audit.startDate) ? 0 : ChronoUnit.DAYS.between(audit.startDate, last) + 1;
        long signed = Debrief.count("audit = ?1 and signedOffAt is not null and date <= ?2", audit, last);
        Progress progress = days == 0 || signed == 0 ? Progress.TO_DO
                : signed >= days && !last.isBefore(audit.endDate) ? Progress.DONE : Progress.UNDER_WAY;
        String standing = days == 0 ? "No audit day has come yet."
                : signed + " of " + days + (days == 1 ? " audit day" : " audit days") + " so far signed off by the chair.";
        LocalDate linked = days == 0 ? audit.startDate : last;
        return step(5, "debrief", home + "/debriefs/" + linked, "The debrief of " + linked, progress, standing);
    }

    private GuideStep briefing(Audit audit, String home) {
        long exports = ExportLogEntry.count("audit", audit);
        Progress progress = audit.status == AuditStatus.PUBLISHED ? Progress.DONE
                : exports > 0 ? Progress.UNDER_WAY : Progress.TO_DO;
        String standing = (audit.status == AuditStatus.PUBLISHED ? "The results are published. " : "")
                + exports + (exports == 1 ? " export" : " exports") + " of the results made so far.";
        return step(6, "brief", home + "/brief", "The commissioning brief", progress, standing);
    }

    private GuideStep action(Audit audit, String home) {
        long all = Action.count("audit", audit);
        long pending = Action.count("audit = ?1 and status in ?2", audit,
                List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS));
        Progress progress = all == 0 ? Progress.TO_DO : pending == 0 ? Progress.DONE : Progress.UNDER_WAY;
        String standing = all + (all == 1 ? " action" : " actions") + " in the action register"
                + (all == 0 ? "." : ", " + pending + " still open or in progress.");
        return step(7, "act", home + "/actions", "Action register", progress, standing);
    }

    private GuideStep reaudit(Audit audit, boolean admin) {
        long later = Audit.count("site = ?1 and startDate > ?2 and id <> ?3", audit.site, audit.endDate, audit.id);
        Progress progress = later > 0 ? Progress.DONE : Progress.TO_DO;
        String standing = later > 0 ? "A later audit of " + audit.site + " exists." : "No later audit of " + audit.site
                + " yet." + (admin ? "" : " An administrator sets one up.");
        return step(8, "reaudit", admin ? "/audits/new" : null, admin ? "New audit" : null, progress, standing);
    }

    private static GuideStep step(int number, String anchor, String link, String linkText, Progress progress,
            String standing) {
        return new GuideStep(number, anchor, TITLES.get(number - 1), ADVICE.get(number - 1), link, linkText, progress,
                standing);
    }

    private static final List<String> TITLES = List.of(
            "Agree the question across the three organisations",
            "Ratify the criteria",
            "Train and calibrate the reviewers",
            "Collect on the wards",
            "Debrief every day",
            "Brief the commissioners",
            "Act on what was found",
            "Audit again");

    private static final List<String> ADVICE = List.of(
            "Before anything is counted, the hospital, the community provider and the commissioner agree in writing the"
                    + " one question the audit answers (for example: how many of today's adult inpatients could be cared"
                    + " for elsewhere, where, and what keeps them in hospital), which wards and days it covers, and who"
                    + " from each organisation reviews, chairs and receives the findings. A result all three helped to"
                    + " make is a result all three act on.",
            "The criteria describe what only an acute bed gives. A representative of each sector reads the set, as a"
                    + " reviewer will read it, and signs for their organisation; only a set signed by all three can be"
                    + " used, and the audit keeps the exact content it used so its figures can be checked later.",
            "Reviewers from all three organisations learn the criteria together, then each answers the training"
                    + " cases (synthetic notes with the panel's reference answer) on the tablet and sees where they"
                    + " differ from the panel; the audit's readiness rule says who scores closely enough to collect.",
            "Each day the reviewers register the patients on their wards (case numbers only, never a name or NHS"
                    + " number) and score them against the criteria on a tablet; a share of patients is reviewed a second"
                    + " time by someone from another organisation, which is what the agreement figures are made of.",
            "At the end of each day the medical director chairs a short meeting of the day's reviewers: the day's"
                    + " figures, the pairs that disagree settled, what was learned, and the chair's sign-off, which"
                    + " freezes the day.",
            "When collection ends the audit is closed, its results read with their confidence intervals, and a"
                    + " publication export (small counts hidden) goes to the commissioners with the agreed question"
                    + " it answers.",
            "The findings become decisions: which alternative places of care are commissioned, which delays are"
                    + " worked on, by whom and by when. Each decision names the finding it rests on.",
            "After the changes have had time to work, the same wards are audited again with the same ratified"
                    + " criteria, so the two results can be compared and the decisions judged.");
}
