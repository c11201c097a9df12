package org.bestplace.activity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.BestplaceConfig;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.operations.ServiceClock;
import org.bestplace.audit.MemberRole;
import org.bestplace.security.User;
import org.bestplace.web.ClientAddress;

/**
 * Writes and reads the append-only activity log. An event that goes with a change is written
 * in the change's own transaction, so the log never claims what did not happen; a view or a
 * sign-in is written on its own.
 */
@ApplicationScoped
public class ActivityLog {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ServiceClock clock;

    @Inject
    BestplaceConfig config;

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

    /** A filter over the log; every part is optional. */
    public record Filter(Long auditId, ActivityEvent event, String username, LocalDate from, LocalDate to) {
    }

    /**
     * The newest entries first, at most {@code limit}. Administrators read everything; an audit's
     * lead reads that audit's entries.
     */
    @Transactional
    public List<ActivityEntry> find(Filter filter, int limit, User by, boolean admin) {
        if (!admin) {
            if (filter.auditId() == null) {
                throw org.bestplace.web.DomainException.forbidden(
                        "Only an administrator reads the whole activity log; an audit's lead reads its audit's.");
            }
            AuditAccess.of(filter.auditId(), by, false).require(MemberRole.LEAD);
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.auditId() != null) {
            where.add("auditId = :audit");
            parameters.and("audit", filter.auditId());
        }
        if (filter.event() != null) {
            where.add("event = :event");
            parameters.and("event", filter.event());
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            where.add("username = :username");
            parameters.and("username", filter.username().strip());
        }
        // Days are the audit's own days; across audits, the default audit time zone's.
        Audit audit = filter.auditId() == null ? null : Audit.findById(filter.auditId());
        ZoneId zone = audit == null ? ZoneId.of(config.defaultTimeZone()) : audit.zone();
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            parameters.and("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by occurredAt desc, id desc";
        return ActivityEntry.<ActivityEntry>find(query, parameters).page(0, Math.max(1, Math.min(limit, 1000)))
                .list();
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
