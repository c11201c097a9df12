package org.bestplace.results;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bestplace.security.CurrentUser;

/** {@code GET /api/audits/{auditId}/reaudit}: a re-audit's change against the audit it repeats. */
@Path("/api/audits/{auditId}/reaudit")
@Produces(MediaType.APPLICATION_JSON)
public class ReauditResource {

    @Inject
    Reaudits reaudits;

    @Inject
    CurrentUser currentUser;

    /** For an audit that repeats none, {@code earlier} and {@code comparison} are null and {@code actions} empty. */
    @GET
    public Reaudits.Change change(@PathParam("auditId") Long auditId) {
        return reaudits.of(auditId, currentUser.user(), currentUser.isAdmin());
    }
}
