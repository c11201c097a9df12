package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bestplace.debrief.DailySummary;
import org.bestplace.debrief.DebriefService;
import org.bestplace.debrief.Interval;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/**
 * Two audits side by side (before/after, ward A/ward B): the proportion not qualifying in each,
 * as agreed after the debriefs, and their difference with Newcombe's hybrid score interval.
 */
@ApplicationScoped
public class Comparisons {

    @Inject
    DebriefService debriefs;

    /** One audit's side: settled patient-days, how many did not qualify, and those still unresolved. */
    public record Side(String auditId, long reviewed, long notQualifying, Double proportion, Interval ci95,
            long unresolved) {
    }

    public record Comparison(Side a, Side b, double difference, Interval ci95) {
    }

    public Comparison compare(String a, String b, User by, boolean admin) {
        Side first = side("a", a, by, admin);
        Side second = side("b", b, by, admin);
        Newcombe.Difference difference = Newcombe.difference(first.notQualifying(), first.reviewed(),
                second.notQualifying(), second.reviewed());
        return new Comparison(first, second, difference.difference(), difference.ci95());
    }

    private Side side(String field, String auditId, User by, boolean admin) {
        if (auditId == null || auditId.isBlank()) {
            throw DomainException.invalid(field, "Name the audit to compare as '" + field + "'.");
        }
        long id;
        try {
            id = Long.parseLong(auditId.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "'" + auditId + "' is not an audit id.");
        }
        DailySummary.Agreed agreed = debriefs.summary(id, null, by, admin).asAgreed();
        if (agreed.reviewed() == 0) {
            throw DomainException.invalid(field, "Audit " + id + " has no settled reviews to compare yet.");
        }
        return new Side(String.valueOf(id), agreed.reviewed(), agreed.notQualifying(), agreed.proportion(),
                agreed.ci95(), agreed.unresolved());
    }
}
