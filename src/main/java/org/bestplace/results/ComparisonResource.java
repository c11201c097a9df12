package org.bestplace.results;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bestplace.security.CurrentUser;

/** {@code GET /api/comparisons?a=&b=}: two audits and the difference between them. */
@Path("/api/comparisons")
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    @Inject
    Comparisons comparisons;

    @Inject
    CurrentUser currentUser;

    @GET
    public Comparisons.Comparison compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        return comparisons.compare(a, b, currentUser.user(), currentUser.isAdmin());
    }
}
