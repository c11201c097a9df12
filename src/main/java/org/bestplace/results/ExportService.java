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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    StayBands stayBands;

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
        return export(auditId, format, mode, null, by, admin, from);
    }

    /**
     * Format defaults to CSV and mode to publication, the mode that is safe to pass on; {@code packaged}
     * ("true") asks for the CSV export as a data package: a zip of one CSV file per table and
     * {@code datapackage.json}.
     */
    @Transactional
    public Export export(Long auditId, String format, String mode, String packaged, User by, boolean admin,
            String from) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Format chosenFormat = choice(Format.class, "format", format, Format.CSV);
        boolean pack = yes("package", packaged);
        if (pack && chosenFormat != Format.CSV) {
            throw DomainException.invalid("package", "A data package holds CSV files; ask for format=csv with"
                    + " package=true.");
        }
        Mode chosenMode = mode(access, mode);
        String logged = pack ? "CSV-PACKAGE" : chosenFormat.name();
        Metrics.ExportTiming timing = metrics.exportStarted(logged);
        Contents contents = contents(auditId, by, admin, chosenMode, pack || chosenFormat == Format.XLSX);
        Audit audit = access.audit();
        log(audit, by, logged, chosenMode.name(), contents.at(), from);
        String name = "bestplace-audit-%d-%s-%s".formatted(audit.id, chosenMode.name().toLowerCase(Locale.ROOT),
                audit.dayOf(contents.at()));
        StreamingOutput body = out -> {
            try (ExportWriter writer = pack ? new PackageExport(out, contents.schemas(), new PackageExport.About(name,
                    audit.title, contents.suppression().rule(), contents.at().toString()))
                    : writer(chosenFormat, out, contents.suppression().rule())) {
                write(contents, writer, contents.names());
            } finally {
                timing.stop();
            }
        };
        return new Export(name + "." + (pack ? "zip" : chosenFormat.name().toLowerCase(Locale.ROOT)),
                pack ? "application/zip" : chosenFormat.mediaType, body);
    }

    /**
     * One table of the export on its own, as CSV, typed as the data package's file of it: for a BI
     * tool that refreshes it on a schedule. Same modes and rights as the export, and logged as one.
     */
    @Transactional
    public Export table(Long auditId, String table, String mode, User by, boolean admin, String from) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Mode chosenMode = mode(access, mode);
        Contents contents = contents(auditId, by, admin, chosenMode, true);
        if (!contents.names().contains(table)) {
            throw DomainException.notFound("table", "This audit's " + chosenMode.name().toLowerCase(Locale.ROOT)
                    + " export has no table '" + table + "'"
                    + (chosenMode == Mode.PUBLICATION && ExportSchemas.STREAMED.contains(table)
                            ? " (the case rows are in the internal export only: mode=internal)" : "")
                    + "; its tables are " + String.join(", ", contents.names()) + ".");
        }
        Metrics.ExportTiming timing = metrics.exportStarted("CSV-TABLE");
        Audit audit = access.audit();
        log(audit, by, "CSV-TABLE", chosenMode.name(), contents.at(), from, "CSV-TABLE export of " + table);
        StreamingOutput body = out -> {
            try (ExportWriter writer = new TableCsv(out, true)) {
                write(contents, writer, List.of(table));
            } finally {
                timing.stop();
            }
        };
        String filename = "bestplace-audit-%d-%s-%s.csv".formatted(audit.id,
                chosenMode.name().toLowerCase(Locale.ROOT), table);
        return new Export(filename, Format.CSV.mediaType, body);
    }

    /** The tables of an audit's export in a mode, named and described, for the results page's links. */
    public List<ExportSchema> tables(ResultsService.Results found, boolean publication) {
        return describe(found, publication, true).values().stream().toList();
    }

    /**
     * What an export holds: its tables in order ({@code names}; the case rows and the long tables,
     * internal only, stream from the database last), those built in memory, and each table's schema
     * as this export writes it.
     */
    record Contents(long auditId, Instant at, Suppression suppression, boolean typed, List<String> names,
            Map<String, ExportTable> built, Map<String, ExportSchema> described, Map<String, ExportSchema> schemas) {
    }

    private Contents contents(Long auditId, User by, boolean admin, Mode mode, boolean typed) {
        ResultsService.Results found = results.results(auditId, by, admin);
        boolean publication = mode == Mode.PUBLICATION;
        Suppression suppression = publication ? Suppression.publication(config.publicationThreshold())
                : Suppression.internal();
        Instant at = clock.now();
        List<ExportTable> tables = new ArrayList<>(ExportTables.of(found, suppression, by.username, at));
        Audit audit = found.audit();
        boolean openedDaysOnly = found.summary().openedDaysOnly();
        moreTablesInOrder().forEach(more -> tables.addAll(more.tables(audit, publication, openedDaysOnly)));
        Map<String, ExportSchema> described = describe(found, publication, false);
        Map<String, ExportTable> built = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (ExportTable table : tables) {
            built.put(table.name(), table);
            names.add(table.name());
            described.putIfAbsent(table.name(), undescribed(table));
            if (table.name().equals("about")) {
                names.add(ExportSchemas.DICTIONARY);
            }
        }
        if (!publication) {
            names.addAll(ExportSchemas.STREAMED);
        }
        Map<String, ExportSchema> schemas = new LinkedHashMap<>();
        for (String name : names) {
            ExportSchema schema = described.get(name);
            schemas.put(name, typed ? schema.typed(publication) : schema.mixed(publication));
        }
        built.put(ExportSchemas.DICTIONARY, ExportDictionary.table(List.copyOf(schemas.values())));
        return new Contents(audit.id, at, suppression, typed, names, built, described, schemas);
    }

    /** The other features' tables in a fixed order (by class name), so every export lists them the same way. */
    private java.util.stream.Stream<AuditExportTables> moreTablesInOrder() {
        return moreTables.stream().sorted(java.util.Comparator.comparing(more -> more.getClass().getName()));
    }

    /** The schemas of every table an export in this mode may hold, by name, in the export's order. */
    private Map<String, ExportSchema> describe(ResultsService.Results found, boolean publication, boolean only) {
        Map<String, ExportSchema> all = new LinkedHashMap<>();
        ExportSchemas.of(found.criteria(), stayBands.labels()).forEach(s -> all.put(s.name(), s));
        moreTablesInOrder().forEach(more -> more.schemas(publication).forEach(s -> all.put(s.name(), s)));
        if (only && publication) {
            ExportSchemas.STREAMED.forEach(all::remove);
        }
        if (only) {
            // the streamed tables last, as the export writes them
            ExportSchemas.STREAMED.stream().map(all::remove).filter(java.util.Objects::nonNull).toList()
                    .forEach(s -> all.put(s.name(), s));
        }
        return all;
    }

    private static ExportSchema undescribed(ExportTable table) {
        return new ExportSchema(table.name(), table.name(), table.header().stream()
                .map(h -> ExportColumn.text(h, "")).toList(), List.of());
    }

    private Mode mode(AuditAccess access, String mode) {
        Mode chosen = choice(Mode.class, "mode", mode, Mode.PUBLICATION);
        if (chosen == Mode.INTERNAL) {
            access.require(MemberRole.COMMISSIONER, MemberRole.LEAD);
        }
        return chosen;
    }

    private static boolean yes(String field, String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw DomainException.invalid(field, "'" + value + "' is not a choice for " + field + "; use true or false.");
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
        log(audit, by, format, mode, at, from, format + " export");
    }

    /** {@code what} is how the activity log names it ("CSV-TABLE export of by_ward"). */
    private void log(Audit audit, User by, String format, String mode, Instant at, String from, String what) {
        new ExportLogEntry(audit, by.username, format, mode, at, from).persist();
        activity.record(ActivityEvent.EXPORT, audit.id, what + ", " + mode.toLowerCase(Locale.ROOT) + " mode");
    }

    /** The export log of an audit, for its lead and administrators. */
    @Transactional
    public List<ExportLogEntry> exports(Long auditId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD);
        return ExportLogEntry.ofAudit(access.audit());
    }

    /** Writes the named tables of an export, typed as its schemas say; case rows stream from the database. */
    private void write(Contents contents, ExportWriter format, List<String> tables) throws IOException {
        ExportWriter writer = new SchemaWriter(format, contents.described(), contents.typed(),
                contents.suppression().publication());
        // With the case rows, the long tables after them are gathered from the same rows: one read of the audit.
        boolean withCases = tables.contains(ExportSchemas.CASES);
        List<String> after = withCases ? tables.subList(tables.indexOf(ExportSchemas.CASES), tables.size()) : List.of();
        try (Connection connection = tables.stream().anyMatch(ExportSchemas.STREAMED::contains)
                ? dataSource.getConnection() : null;
                CaseCodeSpool criteria = after.contains(ExportSchemas.CASE_CRITERIA)
                        ? new CaseCodeSpool(ExportSchemas.CASE_CRITERIA, "criterion") : null;
                CaseCodeSpool reasons = after.contains(ExportSchemas.CASE_REASONS)
                        ? new CaseCodeSpool(ExportSchemas.CASE_REASONS, "reason") : null) {
            for (String table : tables) {
                ExportTable built = contents.built().get(table);
                if (built != null) {
                    writer.table(built);
                } else if (table.equals(ExportSchemas.CASES)) {
                    long rows = CaseRows.write(connection, contents.auditId(), writer, criteria, reasons);
                    LOG.debugf("exported %d case rows of audit %d", rows, contents.auditId());
                } else if (criteria != null && table.equals(criteria.table())) {
                    criteria.write(writer);
                } else if (reasons != null && table.equals(reasons.table())) {
                    reasons.write(writer);
                } else {
                    CaseCodeRows.write(connection, contents.auditId(), table, writer);
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
