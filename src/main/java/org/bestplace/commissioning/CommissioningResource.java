package org.bestplace.commissioning;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.security.CurrentUser;

/** The commissioning brief and the audit's unit costs, as JSON. */
@Path("/api/audits/{auditId}")
@Produces(MediaType.APPLICATION_JSON)
public class CommissioningResource {

    @Inject
    CommissioningService commissioning;

    @Inject
    CurrentUser currentUser;

    /** {@code reasons} may repeat, or list several codes comma-separated; absent, the brief has no scenario. */
    @GET
    @Path("/commissioning-brief")
    public CommissioningBrief brief(@PathParam("auditId") Long auditId, @QueryParam("beds") String beds,
            @QueryParam("reasons") List<String> reasons, @Context UriInfo uri) {
        // "?reasons=" asks for a scenario that removes nothing; no "reasons" at all asks for none.
        boolean scenario = uri.getQueryParameters().containsKey("reasons");
        return commissioning.brief(auditId, beds, scenario ? (reasons == null ? List.of() : reasons) : null,
                currentUser.user(), currentUser.isAdmin());
    }

    public record UnitCostsBody(String currency, String source, Double acuteBedDay, Map<String, Double> alternatives) {
    }

    public record UnitCostsView(String currency, String source, BigDecimal acuteBedDay,
            Map<String, BigDecimal> alternatives, String enteredBy, Instant enteredAt) {
        static UnitCostsView of(UnitCosts costs) {
            return new UnitCostsView(costs.currency, costs.source, costs.acuteBedDay, new TreeMap<>(costs.alternatives),
                    costs.enteredBy, costs.enteredAt);
        }
    }

    @PUT
    @Path("/unit-costs")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitCostsView setUnitCosts(@PathParam("auditId") Long auditId, @NotNull UnitCostsBody body) {
        return UnitCostsView.of(commissioning.setUnitCosts(auditId, new UnitCosts.Entry(body.currency(), body.source(),
                body.acuteBedDay(), body.alternatives()), currentUser.user(), currentUser.isAdmin()));
    }
}
