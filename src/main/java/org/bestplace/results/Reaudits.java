package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.security.User;
import org.bestplace.statistics.Interval;
import org.bestplace.web.DomainException;

/**
 * What a re-audit shows against the audit it repeats: the comparison of the two (this audit as A,
 * the earlier one as B, so the difference is after minus before), exactly as
 * {@code GET /api/comparisons?a={this}&b={earlier}} gives it, and for each action of the earlier
 * audit whose reasons for delay the re-audit can count, those reasons' share before and after.
 */
@ApplicationScoped
public class Reaudits {

    @Inject
    Comparisons comparisons;

    @Inject
    Instance<ActionReasonShares> actionShares;

    /** The earlier audit, as the re-audit names it; only its id for someone not on its team. */
    public record Earlier(String id, String title, String site, LocalDate startDate, LocalDate endDate,
            List<String> wards, String criteriaSet) {
    }

    /**
     * Not-qualifying settled patient-days with at least one of some reasons ({@code withReasons}),
     * of all settled patient-days ({@code patientDays}), with the share's Wilson interval.
     */
    public record Share(long patientDays, long withReasons, Double proportion, Interval ci95) {
    }

    /** An action of the earlier audit, its reasons' share before and after, and the change (after minus before). */
    public record ActionShare(String actionId, String title, String status, List<String> reasonCodes,
            List<String> reasonTitles, List<String> notCountedInReaudit, Share before, Share after, Double difference,
            Interval ci95) {
    }

    /**
     * {@code earlier} is null when the audit repeats none. {@code comparison} is null while it cannot be
     * worked out; {@code unavailable} then says why (the caller is not on the earlier audit's team,
     * or one of them has no settled patient-days yet).
     */
    public record Change(Earlier earlier, Comparisons.Comparison comparison, String unavailable,
            List<ActionShare> actions) {

        public boolean reaudit() {
            return earlier != null;
        }
    }

    static final Change NONE = new Change(null, null, null, List.of());

    /** The change a re-audit shows, for any member of it; an audit that repeats none has none. */
    @Transactional
    public Change of(Long auditId, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).audit();
        Audit earlier = audit.repeats;
        if (earlier == null) {
            return NONE;
        }
        try {
            AuditAccess.of(earlier.id, by, admin);
        } catch (DomainException notOnIt) {
            if (notOnIt.status() != 404) {
                throw notOnIt;
            }
            // Its figures are its team's: the change is shown to those on both audits.
            return new Change(new Earlier(String.valueOf(earlier.id), null, null, null, null, List.of(), null), null,
                    "This audit repeats audit " + earlier.id + ", whose team you are not on: the change against it"
                            + " is shown to those on both audits' teams.", List.of());
        }
        Earlier named = new Earlier(String.valueOf(earlier.id), earlier.title, earlier.site, earlier.startDate,
                earlier.endDate, List.copyOf(earlier.wards), earlier.criteriaSet.setId + " " + earlier.criteriaSet.version);
        Comparisons.Comparison comparison = null;
        String unavailable = null;
        try {
            comparison = comparisons.compare(String.valueOf(audit.id), String.valueOf(earlier.id), by, admin);
        } catch (DomainException notYet) {
            if (notYet.status() != 400) {
                throw notYet;
            }
            unavailable = notYet.getMessage();
        }
        List<ActionShare> actions = new ArrayList<>();
        actionShares.forEach(shares -> actions.addAll(shares.of(earlier, audit, by, admin)));
        return new Change(named, comparison, unavailable, actions);
    }
}
