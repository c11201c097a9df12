package org.bestplace.results;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bestplace.debrief.DailySummary;
import org.bestplace.debrief.DebriefService;
import org.bestplace.debrief.Interval;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;

/**
 * Two audits side by side (before/after, ward A/ward B): the proportion not qualifying in each,
 * as agreed after the debriefs, and their difference with Newcombe's hybrid score interval.
 */
@Path("/api/comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    @Inject
    DebriefService debriefs;

    @Inject
    CurrentUser currentUser;

    /** One audit's side: settled patient-days, how many did not qualify, and those still unresolved. */
    public record Side(String auditId, long reviewed, long notQualifying, double proportion, Interval ci95,
            long unresolved) {
    }

    public record Comparison(Side a, Side b, double difference, Interval ci95) {
    }

    @GET
    public Comparison compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        Side first = side("a", a);
        Side second = side("b", b);
        Newcombe.Difference difference = Newcombe.difference(first.notQualifying(), first.reviewed(),
                second.notQualifying(), second.reviewed());
        return new Comparison(first, second, difference.difference(), difference.ci95());
    }

    private Side side(String field, String auditId) {
        if (auditId == null || auditId.isBlank()) {
            throw DomainException.invalid(field, "Name the audit to compare as '" + field + "'.");
        }
        long id;
        try {
            id = Long.parseLong(auditId);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "'" + auditId + "' is not an audit id.");
        }
        DailySummary.Agreed agreed = debriefs.summary(id, null, currentUser.user(), currentUser.isAdmin())
                .asAgreed();
        if (agreed.reviewed() == 0) {
            throw DomainException.invalid(field, "Audit " + auditId + " has no settled reviews to compare yet.");
        }
        return new Side(auditId, agreed.reviewed(), agreed.notQualifying(), agreed.proportion(), agreed.ci95(),
                agreed.unresolved());
    }
}
