package org.bestplace.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.bestplace.operations.ServiceClock;
import org.bestplace.web.ClientAddress;

/**
 * Writes the append-only activity log. An event that goes with a change is written in the
 * change's own transaction, so the log never claims what did not happen; a view or a sign-in is
 * written on its own. Reading it, which checks audit access, is {@code results.ActivityLogReader}.
 */
@ApplicationScoped
public class ActivityLog {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ServiceClock clock;

    /** Records an event by the signed-in caller, joining the caller's transaction when there is one. */
    @Transactional
    public void record(ActivityEvent event, Long auditId, String detail) {
        new ActivityEntry(clock.now(), caller(), event, auditId, detail, address()).persist();
    }

    /** Records an event whose caller and address are already known, in a transaction of its own. */
    public void recordApart(ActivityEvent event, String username, Long auditId, String detail, String from) {
        QuarkusTransaction.requiringNew().run(() ->
                new ActivityEntry(clock.now(), username, event, auditId, detail, from).persist());
    }

    private String caller() {
        try {
            return identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /** The caller's address; none at start-up or in background work, where there is no request. */
    private String address() {
        try {
            RoutingContext context = request.getCurrent();
            return context == null ? null : ClientAddress.of(context.request());
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
