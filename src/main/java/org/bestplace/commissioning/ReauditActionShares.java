package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.results.ActionReasonShares;
import org.bestplace.results.Reaudits;
import org.bestplace.security.User;
import org.bestplace.statistics.Newcombe;
import org.bestplace.statistics.Wilson;

/**
 * For a re-audit, each action on the earlier audit's register that names reasons for delay the
 * re-audit's criteria set has: the share of settled patient-days that did not qualify with at least
 * one of those reasons, on each audit (the brief's reason-group rule), and the change, after minus
 * before, with Newcombe's interval. Actions naming no reason, or none the re-audit can count, are
 * left out: the re-audit cannot say whether they worked.
 */
@ApplicationScoped
public class ReauditActionShares implements ActionReasonShares {

    @Inject
    CommissioningService commissioning;

    @Inject
    CriteriaService criteria;

    @Override
    public List<Reaudits.ActionShare> of(Audit earlier, Audit reaudit, User by, boolean admin) {
        Map<String, String> titles = new LinkedHashMap<>();
        criteria.definition(earlier.criteriaSet).reasons().forEach(r -> titles.put(r.code(), r.title()));
        Map<String, String> counted = new LinkedHashMap<>();
        criteria.definition(reaudit.criteriaSet).reasons().forEach(r -> counted.put(r.code(), r.title()));
        List<Action> addressed = Action.ofAudit(earlier).stream()
                .filter(a -> a.reasonCodes().stream().anyMatch(counted::containsKey)).toList();
        if (addressed.isEmpty()) {
            return List.of();
        }
        // Each audit's figures as its own access allows: a reviewer sees the opened days of one still collecting.
        CommissioningBrief.Counts before = commissioning.counts(earlier.id,
                AuditAccess.of(earlier.id, by, admin).seesOnlyOpenedDays(), criteria.definition(earlier.criteriaSet));
        CommissioningBrief.Counts after = commissioning.counts(reaudit.id,
                AuditAccess.of(reaudit.id, by, admin).seesOnlyOpenedDays(), criteria.definition(reaudit.criteriaSet));
        List<Reaudits.ActionShare> shares = new ArrayList<>();
        for (Action action : addressed) {
            List<String> codes = action.reasonCodes();
            Reaudits.Share was = share(before, codes);
            Reaudits.Share now = share(after, codes);
            Newcombe.Difference change = was.patientDays() == 0 || now.patientDays() == 0 ? null
                    : Newcombe.difference(now.withReasons(), now.patientDays(), was.withReasons(), was.patientDays());
            shares.add(new Reaudits.ActionShare(String.valueOf(action.id), action.title, action.status.name(), codes,
                    codes.stream().map(c -> titles.getOrDefault(c, counted.getOrDefault(c, c))).toList(),
                    codes.stream().filter(c -> !counted.containsKey(c)).toList(), was, now,
                    change == null ? null : change.difference(), change == null ? null : change.ci95()));
        }
        return shares;
    }

    private static Reaudits.Share share(CommissioningBrief.Counts counts, List<String> codes) {
        long n = counts.patientDays();
        long x = CommissioningBrief.withAnyOf(counts, codes);
        return new Reaudits.Share(n, x, n == 0 ? null : (double) x / n, Wilson.interval(x, n));
    }
}
