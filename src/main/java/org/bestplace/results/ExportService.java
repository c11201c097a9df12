package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.bestplace.operations.ServiceClock;
import org.bestplace.BestplaceConfig;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.operations.Metrics;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.jboss.logging.Logger;

/**
 * Exports of an audit's results. Who may have what is decided, and the export logged, before a
 * byte is sent; the summary tables are small and built first, the case rows then stream
 * straight from the database to the caller.
 */
@ApplicationScoped
public class ExportService {

    @Inject
    ServiceClock clock;

    @Inject
    jakarta.enterprise.inject.Instance<AuditExportTables> moreTables;

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    public enum Format {
        CSV("text/csv; charset=UTF-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        JSON("application/json");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    public enum Mode {
        INTERNAL,
        PUBLICATION
    }

    /** What the caller gets: a file name, its media type, and the body that writes it. */
    public record Export(String filename, String mediaType, StreamingOutput body) {
    }

    @Inject
    ResultsService results;

    @Inject
    DataSource dataSource;

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    @Inject
    Metrics metrics;

    /** Format defaults to CSV and mode to publication, the mode that is safe to pass on. */
    @Transactional
    public Export export(Long auditId, String format, String mode, User by, boolean admin, String from) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Format chosenFormat = choice(Format.class, "format", format, Format.CSV);
        Metrics.ExportTiming timing = metrics.exportStarted(chosenFormat.name());
        Mode chosenMode = choice(Mode.class, "mode", mode, Mode.PUBLICATION);
        if (chosenMode == Mode.INTERNAL) {
            access.require(MemberRole.COMMISSIONER, MemberRole.LEAD);
        }
        ResultsService.Results found = results.results(auditId, by, admin);
        Suppression suppression = chosenMode == Mode.INTERNAL ? Suppression.internal()
                : Suppression.publication(config.publicationThreshold());
        Instant at = clock.now();
        List<ExportTable> tables = new java.util.ArrayList<>(ExportTables.of(found, suppression, by.username, at));
        Audit audit = access.audit();
        boolean openedDaysOnly = found.summary().openedDaysOnly();
        // In a fixed order (by class name), so every export lists its tables the same way.
        moreTables.stream().sorted(java.util.Comparator.comparing(more -> more.getClass().getName()))
                .forEach(more -> tables.addAll(more.tables(audit, suppression.publication(), openedDaysOnly)));
        log(audit, by, chosenFormat.name(), chosenMode.name(), at, from);
        long id = audit.id;
        boolean caseRows = chosenMode == Mode.INTERNAL;
        StreamingOutput body = out -> {
            try {
                write(out, chosenFormat, suppression, tables, caseRows ? id : null);
            } finally {
                timing.stop();
            }
        };
        String filename = "bestplace-audit-%d-%s-%s.%s".formatted(id, chosenMode.name().toLowerCase(Locale.ROOT),
                audit.dayOf(at), chosenFormat.name().toLowerCase(Locale.ROOT));
        return new Export(filename, chosenFormat.mediaType, body);
    }

    /** The audit's FHIR MeasureReport: unsuppressed population counts, so only for its commissioners and lead. */
    @Transactional
    public String measureReport(Long auditId, User by, boolean admin, String from) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.COMMISSIONER, MemberRole.LEAD);
        Metrics.ExportTiming timing = metrics.exportStarted("FHIR");
        try {
            ResultsService.Results found = results.results(auditId, by, admin);
            log(access.audit(), by, "FHIR", Mode.INTERNAL.name(), clock.now(), from);
            return MeasureReports.json(found.audit(), found.summary());
        } finally {
            timing.stop();
        }
    }

    /** Records an export (or a MeasureReport) in the audit's export log. */
    @Transactional
    public void log(Audit audit, User by, String format, String mode, Instant at, String from) {
        new ExportLogEntry(audit, by.username, format, mode, at, from).persist();
        activity.record(ActivityEvent.EXPORT, audit.id, format + " export, " + mode.toLowerCase(Locale.ROOT)
                + " mode");
    }

    /** The export log of an audit, for its lead and administrators. */
    @Transactional
    public List<ExportLogEntry> exports(Long auditId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD);
        return ExportLogEntry.ofAudit(access.audit());
    }

    private void write(OutputStream out, Format format, Suppression suppression, List<ExportTable> tables,
            Long caseRowsOf) throws IOException {
        try (ExportWriter writer = writer(format, out, suppression.rule())) {
            for (ExportTable table : tables) {
                writer.table(table);
            }
            if (caseRowsOf != null) {
                try (Connection connection = dataSource.getConnection()) {
                    long rows = CaseRows.write(connection, caseRowsOf, writer);
                    LOG.debugf("exported %d case rows of audit %d", rows, caseRowsOf);
                }
            }
        } catch (SQLException e) {
            throw new IOException("The case rows could not be read from the database.", e);
        }
    }

    private static ExportWriter writer(Format format, OutputStream out, String rule) throws IOException {
        return switch (format) {
            case CSV -> new CsvExport(out, rule);
            case XLSX -> new XlsxExport(out);
            case JSON -> new JsonExport(out, rule);
        };
    }

    static <E extends Enum<E>> E choice(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw DomainException.invalid(field, "'" + value + "' is not a " + field + " this service can export; use one of "
                + String.join(", ", allowed) + ".");
    }
}
