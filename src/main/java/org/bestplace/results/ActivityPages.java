package org.bestplace.results;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bestplace.activity.ActivityEntry;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;

/** An audit's activity log for its lead (and administrators), with a filter form. */
@Path("/audits/{auditId}/activity")
@Produces(MediaType.TEXT_HTML)
public class ActivityPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(ActivityView view);
    }

    public record ActivityView(Audit audit, List<ActivityEntry> entries, List<ActivityEvent> events, String event,
            String username, String from, String to, String field, String message) {

        /** When an entry happened, in the audit's own time to the minute, with the zone's abbreviation. */
        public String when(ActivityEntry entry) {
            return audit.timeOf(entry.occurredAt);
        }
    }

    @Inject
    ActivityLogReader log;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance activity(@PathParam("auditId") Long auditId, @QueryParam("event") String event,
            @QueryParam("username") String username, @QueryParam("from") String from, @QueryParam("to") String to) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        List<ActivityEvent> events = List.of(ActivityEvent.values());
        try {
            ActivityLogReader.Filter filter = new ActivityLogReader.Filter(auditId, ActivityResource.event(event),
                    username, date("from", from), date("to", to));
            List<ActivityEntry> entries = log.find(filter, 500, currentUser.user(), currentUser.isAdmin());
            return Templates.activity(new ActivityView(audit, entries, events, event, username, from, to, null, null));
        } catch (DomainException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            return Templates.activity(new ActivityView(audit, List.of(), events, event, username, from, to,
                    refused.field(), refused.getMessage()));
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD).");
        }
    }
}
