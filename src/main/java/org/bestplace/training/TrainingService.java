package org.bestplace.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.operations.ServiceClock;
import org.bestplace.review.AnswerRules;
import org.bestplace.review.Outcome;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.statistics.TrainingScores;
import org.bestplace.web.DomainException;

/** Training cases, the answers reviewers give them, rounds, scores and readiness. */
@ApplicationScoped
public class TrainingService {

    @Inject
    CriteriaService criteria;

    @Inject
    ServiceClock clock;

    /** How an answer PUT ended. */
    public enum Result {
        CREATED,
        UNCHANGED
    }

    /**
     * What a person learns after answering: their outcome against the reference, the criteria they
     * missed (the panel ticked, they did not) and the extra ones (they ticked, the panel did not).
     */
    public record Feedback(Outcome outcome, Outcome referenceOutcome, boolean agrees, List<String> missedCriteria,
            List<String> extraCriteria, String referenceAlternative, Answer answer, Answer reference) {

        static Feedback of(Answer answer, Answer reference) {
            List<String> missed = reference.criteriaMet().stream().filter(c -> !answer.criteriaMet().contains(c))
                    .toList();
            List<String> extra = answer.criteriaMet().stream().filter(c -> !reference.criteriaMet().contains(c))
                    .toList();
            return new Feedback(answer.outcome(), reference.outcome(), answer.outcome() == reference.outcome(),
                    missed, extra, reference.alternative(), answer, reference);
        }
    }

    public record Answered(TrainingCase trainingCase, Feedback feedback, Result result) {
    }

    /** A case as one person sees it: their counted answer in the current round, if any. */
    public record CaseForPerson(TrainingCase trainingCase, TrainingAnswer answer) {

        public boolean answered() {
            return answer != null;
        }

        /** The feedback, only once the person has answered: the reference goes nowhere before. */
        public Feedback feedback() {
            return answer == null ? null : Feedback.of(answer.answer(), trainingCase.reference());
        }
    }

    public CriteriaSet set(String setId, String version) {
        return criteria.find(setId, version);
    }

    /** Administrators, and the leads of any audit that uses the set, write its training cases. */
    public boolean mayWrite(CriteriaSet set, User user, boolean admin) {
        if (admin) {
            return true;
        }
        return Member.count("user = ?1 and role = ?2 and audit.criteriaSet = ?3", user, MemberRole.LEAD, set) > 0;
    }

    private void requireWriter(CriteriaSet set, User user, boolean admin) {
        if (!mayWrite(set, user, admin)) {
            throw DomainException.forbidden("Training cases are written by administrators and by the leads of"
                    + " audits that use this criteria set.");
        }
    }

    static String name(CriteriaSet set) {
        return set.setId + " " + set.version;
    }

    @Transactional
    public TrainingCase write(String setId, String version, TrainingCaseDraft draft, User by, boolean admin) {
        CriteriaSet set = set(setId, version);
        requireWriter(set, by, admin);
        draft.check(criteria.definition(set), name(set));
        if (TrainingCase.byTitle(set, draft.title()).isPresent()) {
            throw DomainException.conflict("title", "This criteria set already has a training case called '"
                    + draft.title() + "'; give this one another title.");
        }
        TrainingCase trainingCase = new TrainingCase(set, draft, by.username, clock.now());
        trainingCase.persist();
        return trainingCase;
    }

    /** The set's cases with the person's counted answers in their current round. */
    public List<CaseForPerson> cases(String setId, String version, User by) {
        CriteriaSet set = set(setId, version);
        return casesOf(set, by, TrainingRound.currentStart(by, set));
    }

    List<CaseForPerson> casesOf(CriteriaSet set, User by, Instant since) {
        Map<Long, TrainingAnswer> answers = TrainingAnswer.countedBy(by, set, since);
        return TrainingCase.ofSet(set).stream().map(c -> new CaseForPerson(c, answers.get(c.id))).toList();
    }

    public TrainingCase find(CriteriaSet set, Long caseId) {
        TrainingCase found = caseId == null ? null : TrainingCase.findById(caseId);
        if (found == null || !found.criteriaSet.id.equals(set.id)) {
            throw DomainException.notFound("There is no training case " + caseId + " for criteria set " + name(set)
                    + ".");
        }
        return found;
    }

    /** One case as the person sees it. */
    public CaseForPerson caseFor(CriteriaSet set, Long caseId, User by) {
        TrainingCase trainingCase = find(set, caseId);
        return new CaseForPerson(trainingCase, TrainingAnswer.counted(trainingCase, by,
                TrainingRound.currentStart(by, set)).orElse(null));
    }

    /**
     * Takes the person's answer in their current round: the first is kept, the same again changes
     * nothing, and a different one is refused, so the score counts what they first said.
     */
    @Transactional
    public Answered answer(String setId, String version, Long caseId, Answer answer, User by) {
        CriteriaSet set = set(setId, version);
        TrainingCase trainingCase = find(set, caseId);
        TrainingCaseDraft.checkLengths(answer, "");
        AnswerRules.check(answer.asReviewContent(), criteria.definition(set), name(set), "");
        Optional<TrainingAnswer> existing = TrainingAnswer.counted(trainingCase, by,
                TrainingRound.currentStart(by, set));
        if (existing.isPresent()) {
            if (!existing.get().answer().equals(answer)) {
                throw DomainException.conflict("You have already answered this training case in this round, with"
                        + " another answer; the first answer counts. A new round lets you answer afresh.");
            }
            return new Answered(trainingCase, Feedback.of(existing.get().answer(), trainingCase.reference()),
                    Result.UNCHANGED);
        }
        new TrainingAnswer(trainingCase, by, answer, clock.now()).persist();
        return new Answered(trainingCase, Feedback.of(answer, trainingCase.reference()), Result.CREATED);
    }

    /** Opens the audit's next round; returns it. */
    @Transactional
    public TrainingRound openRound(Long auditId, User by, boolean admin) {
        Audit.lockForWrite(auditId);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        audit.requireOpen();
        TrainingRound round = new TrainingRound(audit, TrainingRound.currentNumber(audit) + 1, by.username,
                clock.now());
        round.persist();
        return round;
    }

    @Transactional
    public ReadinessRule.Terms setRule(Long auditId, ReadinessRule.Terms terms, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        terms.checked();
        audit.requireOpen();
        return ReadinessRule.set(audit, terms, by.username, clock.now()).terms();
    }

    /** One reviewer's figures in the current round of an audit. */
    public record ReviewerScores(User user, String sector, TrainingScores scores, List<String> mostMissed,
            boolean ready, List<TrainingScores.Rating> ratings) {
    }

    public record Readiness(Audit audit, int round, Instant roundStart, ReadinessRule.Terms rule,
            List<ReviewerScores> reviewers) {
    }

    /** Each reviewer's scores against the references, over the audit's criteria set and current round. */
    public Readiness readiness(Long auditId, User by, boolean admin) {
        return readinessOf(AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD, MemberRole.CHAIR).audit());
    }

    /** The same for an audit its caller has already been let into (the guide counts who is ready). */
    @Transactional
    public Readiness readinessOf(Audit audit) {
        ReadinessRule.Terms rule = ReadinessRule.of(audit);
        Instant start = TrainingRound.currentStart(audit);
        return new Readiness(audit, TrainingRound.currentNumber(audit), start, rule, reviewersOf(audit, rule, start));
    }

    /** The audit's reviewers (each once, with the sector they review for) and their scores, by username. */
    List<ReviewerScores> reviewersOf(Audit audit, ReadinessRule.Terms rule, Instant start) {
        List<ReviewerScores> reviewers = new ArrayList<>();
        Map<Long, Member> seen = new LinkedHashMap<>();
        for (Member member : Member.ofAudit(audit)) {
            if (member.role == MemberRole.REVIEWER) {
                seen.putIfAbsent(member.user.id, member);
            }
        }
        for (Member member : seen.values()) {
            reviewers.add(scoresOf(audit, member.user, member.sector.name(), rule, start));
        }
        reviewers.sort(Comparator.comparing(r -> r.user().username));
        return reviewers;
    }

    /** The figures of a group of reviewers, their answers pooled: one (answer, reference) pair per answer. */
    public record GroupScores(String group, int reviewers, TrainingScores scores) {
    }

    /**
     * The team's agreement with the reference in the audit's current round: every answer of the
     * audit's reviewers pooled, then the same for each sector's reviewers. Only reviewers count (a
     * lead or chair who practises is not the team that reviews). No access check: the caller has
     * made one, and the figures name nobody.
     */
    public record TeamAgreement(int round, GroupScores all, List<GroupScores> bySector) {
    }

    public TeamAgreement teamAgreement(Audit audit) {
        Instant start = TrainingRound.currentStart(audit);
        List<ReviewerScores> reviewers = reviewersOf(audit, ReadinessRule.of(audit), start);
        Map<String, List<TrainingScores.Rating>> bySector = new TreeMap<>();
        Map<String, Integer> people = new TreeMap<>();
        List<TrainingScores.Rating> all = new ArrayList<>();
        for (ReviewerScores reviewer : reviewers) {
            bySector.computeIfAbsent(reviewer.sector(), s -> new ArrayList<>()).addAll(reviewer.ratings());
            people.merge(reviewer.sector(), 1, Integer::sum);
            all.addAll(reviewer.ratings());
        }
        List<GroupScores> sectors = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            if (bySector.containsKey(sector.name())) {
                sectors.add(new GroupScores(sector.name(), people.get(sector.name()),
                        TrainingScores.of(bySector.get(sector.name()))));
            }
        }
        return new TeamAgreement(TrainingRound.currentNumber(audit), new GroupScores("all", reviewers.size(),
                TrainingScores.of(all)), sectors);
    }

    ReviewerScores scoresOf(Audit audit, User user, String sector, ReadinessRule.Terms rule, Instant start) {
        List<TrainingScores.Rating> ratings = new ArrayList<>();
        Map<String, Integer> missed = new TreeMap<>();
        for (TrainingAnswer answer : TrainingAnswer.countedBy(user, audit.criteriaSet, start).values()) {
            Answer reference = answer.trainingCase.reference();
            ratings.add(new TrainingScores.Rating(answer.outcome == Outcome.DOES_NOT_QUALIFY,
                    reference.outcome() == Outcome.DOES_NOT_QUALIFY));
            for (String code : reference.criteriaMet()) {
                if (!answer.answer().criteriaMet().contains(code)) {
                    missed.merge(code, 1, Integer::sum);
                }
            }
        }
        TrainingScores scores = TrainingScores.of(ratings);
        List<String> mostMissed = missed.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return new ReviewerScores(user, sector, scores, mostMissed,
                scores.meets(rule.minCases(), rule.minKappa(), rule.minAgreement()), List.copyOf(ratings));
    }

    /** Why this person may not review in the audit yet; null when the audit does not ask, or they are ready. */
    public String notReady(Audit audit, User user) {
        ReadinessRule.Terms rule = ReadinessRule.of(audit);
        if (!rule.required()) {
            return null;
        }
        ReviewerScores mine = scoresOf(audit, user, null, rule, TrainingRound.currentStart(audit));
        if (mine.ready()) {
            return null;
        }
        TrainingScores s = mine.scores();
        return "This audit takes reviews only from reviewers who have passed its training: at least " + rule.minCases()
                + " training cases answered in the current round, kappa at least " + String.format("%.2f",
                rule.minKappa()) + " and agreement at least " + Math.round(rule.minAgreement() * 100)
                + "% with the reference. You have answered " + s.answered() + (s.percentAgreement() == null ? ""
                : ", agreement " + Math.round(s.percentAgreement() * 100) + "%") + (s.kappa() == null
                ? ", kappa not yet estimable" : ", kappa " + String.format("%.2f", s.kappa()))
                + ". Practise on the Training page of this audit; this review is kept until then.";
    }

    /** The set's cases with their references, as the YAML file beside the criteria file. */
    public String export(String setId, String version, User by, boolean admin) {
        CriteriaSet set = set(setId, version);
        requireWriter(set, by, admin);
        return TrainingFile.write(set, TrainingCase.ofSet(set));
    }

    /**
     * Loads a training file's cases into its set; a case whose title the set already has is left as
     * it is, so loading the same file again adds nothing. Returns how many were added.
     */
    @Transactional
    public int importFile(TrainingFile file, String source) {
        CriteriaSet set = set(file.criteriaSet().id(), file.criteriaSet().version());
        CriteriaFile definition = criteria.definition(set);
        int added = 0;
        TreeSet<String> titles = new TreeSet<>();
        java.util.Set<String> stored = TrainingCase.titlesOf(set);
        for (int i = 0; i < file.cases().size(); i++) {
            TrainingCaseDraft draft = file.cases().get(i).draft();
            try {
                draft.check(definition, name(set));
            } catch (DomainException e) {
                throw DomainException.invalid("cases[" + i + "]." + (e.field() == null ? "" : e.field()),
                        source + ", case " + (i + 1) + " ('" + draft.title() + "'): " + e.getMessage());
            }
            // The exact titles first; the column's collation may still take another spelling for one.
            if (!titles.add(draft.title()) || stored.contains(draft.title())
                    || TrainingCase.byTitle(set, draft.title()).isPresent()) {
                continue;
            }
            new TrainingCase(set, draft, "file " + source, clock.now()).persist();
            added++;
        }
        return added;
    }
}
