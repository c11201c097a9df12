package org.bestplace.results;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.BestplaceConfig;
import org.bestplace.activity.ActivityEntry;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.security.User;

/**
 * Reads the activity log for its page and API. It sits above audit, whose access rule decides
 * who reads what; the writer, {@code activity.ActivityLog}, sits below everything that logs.
 */
@ApplicationScoped
public class ActivityLogReader {

    @Inject
    BestplaceConfig config;

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
}
