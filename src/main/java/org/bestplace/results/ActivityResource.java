package org.bestplace.results;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.activity.ActivityEntry;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;

/** {@code GET /api/activity}: the activity log, newest first, filtered by audit, event, user and dates. */
@Path("/api/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityLogReader log;

    @Inject
    CurrentUser currentUser;

    public record EntryView(Instant at, String username, ActivityEvent event, String auditId, String detail,
            String from) {

        static EntryView of(ActivityEntry e) {
            return new EntryView(e.occurredAt, e.username, e.event, e.auditId == null ? null : e.auditId.toString(),
                    e.detail, e.remoteAddress);
        }
    }

    @GET
    public List<EntryView> find(@QueryParam("audit") Long auditId, @QueryParam("event") String event,
            @QueryParam("username") String username, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("limit") Integer limit) {
        ActivityLogReader.Filter filter = new ActivityLogReader.Filter(auditId, event(event), username, from, to);
        return log.find(filter, limit == null ? 200 : limit, currentUser.user(), currentUser.isAdmin()).stream()
                .map(EntryView::of).toList();
    }

    static ActivityEvent event(String event) {
        if (event == null || event.isBlank()) {
            return null;
        }
        try {
            return ActivityEvent.valueOf(event.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("event", "'" + event + "' is not an event the log records; use one of "
                    + java.util.Arrays.toString(ActivityEvent.values()) + ".");
        }
    }
}
