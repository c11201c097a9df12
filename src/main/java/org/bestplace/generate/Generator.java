package org.bestplace.generate;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.bestplace.BestplaceConfig;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.database.Sql;
import org.bestplace.security.Role;
import org.bestplace.security.Sector;
import org.bestplace.security.User;

/**
 * Fills the database with synthetic audits for benchmarks, drawn from {@link SyntheticModel}:
 * 4 to 8 wards, 20 days, patients reviewed on one or more consecutive days, a dual-review sample
 * and signed-off debriefs that settle each disagreement. Rows go in with batched inserts through
 * {@link SyntheticWriter}, ids from the database; the same seed always gives the same data.
 */
@ApplicationScoped
@Unremovable
public class Generator {

    /**
     * {@code bulk}: the cells' triggers stand aside while the rows go in and the audit's cells and
     * case rows are rebuilt set-based at the end; without it the triggers count every row as they
     * do the service's writes (slower: it is there to check the bulk load against).
     */
    public record Options(int audits, long reviews, long seed, boolean bulk) {
        public Options(int audits, long reviews, long seed) {
            this(audits, reviews, seed, true);
        }
    }

    public record Generated(List<Long> auditIds, long cases, long reviews, long decisions, double seconds) {
    }

    private static final int DAYS = 20;
    /** Cases held before they are written with their reviews, so each review has its case's id. */
    private static final int CASES_PER_BATCH = 2000;
    private static final Timestamp WRITTEN_AT = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final String SYNTHETIC = "synthetic";
    private static final String CHAIR = "synthetic-chair";
    private static final String SETTLED = "Settled at the debrief";

    @Inject
    DataSource dataSource;

    @Inject
    CriteriaService criteria;

    @Inject
    BestplaceConfig config;

    public Generated generate(Options options, PrintStream progress) throws SQLException {
        long started = System.nanoTime();
        SyntheticModel model = new SyntheticModel(options.seed(), SyntheticModel.Mix.REALISTIC);
        CriteriaSet set = QuarkusTransaction.requiringNew().call(() -> CriteriaSet.<CriteriaSet>find("status",
                CriteriaStatus.RATIFIED).firstResultOptional().orElseThrow(() -> new IllegalStateException(
                        "No ratified criteria set is loaded to audit against.")));
        Vocabulary words = new Vocabulary(criteria.definition(set));
        Map<Sector, Long> reviewers = reviewers(options.seed());
        long chair = reviewers.get(null);
        long perAudit = Math.max(1, options.reviews() / options.audits());
        Progress bar = new Progress(progress, options.reviews());
        List<Long> audits = new ArrayList<>();
        long cases = 0;
        long reviews = 0;
        long decisions = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            bulkLoad(connection, options.bulk());
            try (SyntheticWriter writer = new SyntheticWriter(connection)) {
                for (int a = 0; a < options.audits(); a++) {
                    long target = a == options.audits() - 1 ? options.reviews() - reviews : perAudit;
                    AuditWriter audit = new AuditWriter(writer, model, words, reviewers, chair);
                    audit.write(set, a, options.seed(), target, bar);
                    if (options.bulk()) {
                        rebuildCells(connection, audit.auditId);
                    }
                    connection.commit();
                    audits.add(audit.auditId);
                    cases += audit.cases;
                    reviews += audit.reviews;
                    decisions += audit.decisions;
                }
            } finally {
                // The connection goes back to the pool: its next user must go through the triggers.
                bulkLoad(connection, false);
            }
        }
        bar.done();
        return new Generated(audits, cases, reviews, decisions, (System.nanoTime() - started) / 1e9);
    }

    /** The cells' triggers stand aside for this connection while it loads; see migration V8. */
    public static void bulkLoad(Connection connection, boolean on) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(on ? "SET @bestplace_bulk_load = 1" : "SET @bestplace_bulk_load = NULL");
        }
    }

    /** Counts the loaded audit into the summary, place and pair cells in a few set-based statements. */
    public static void rebuildCells(Connection connection, long auditId) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String sql : Sql.statements("cells/rebuild")) {
                statement.execute(sql.replace(":audit", Long.toString(auditId)));
            }
        }
    }

    /**
     * One synthetic reviewer per sector and a chair (under the key {@code null}), made once; they
     * cannot sign in (random passwords).
     */
    private Map<Sector, Long> reviewers(long seed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Sector, Long> ids = new HashMap<>();
            List<Sector> kinds = new ArrayList<>(SyntheticModel.SECTORS);
            kinds.add(null);
            for (Sector kind : kinds) {
                String name = kind == null ? CHAIR : "synthetic-" + kind.name().toLowerCase();
                Sector sector = kind == null ? Sector.HOSPITAL : kind;
                User user = User.byUsername(name).orElse(null);
                if (user == null) {
                    user = new User(name, "Synthetic " + sector.name().toLowerCase(), "Synthetic data", sector,
                            EnumSet.of(kind == null ? Role.CHAIR : Role.REVIEWER), UUID.randomUUID() + "-" + seed,
                            config.passwordHashCost());
                    user.persist();
                }
                ids.put(kind, user.id);
            }
            return ids;
        });
    }

    /** Codes of the criteria set the audits use. */
    record Vocabulary(List<String> criteria, List<String> alternatives, List<String> reasons) {
        Vocabulary(CriteriaFile file) {
            this(file.groups().stream().flatMap(g -> g.criteria().stream()).map(CriteriaFile.Criterion::code).toList(),
                    file.alternatives().stream().map(CriteriaFile.Alternative::code).toList(),
                    file.reasons().stream().map(CriteriaFile.Reason::code).toList());
        }
    }

    /** A case drawn but not yet written: its row, and its reviews' rows waiting for the case's id. */
    private record Pending(Object[] row, List<Object[]> reviews, List<Object[]> criteria, List<Object[]> reasons,
            List<Object[]> decisions) {
    }

    /** Writes one audit: its team, wards, cases, reviews and debriefs. */
    private static final class AuditWriter {
        private final SyntheticWriter writer;
        private final SyntheticModel model;
        private final Vocabulary words;
        private final Map<Sector, Long> reviewers;
        private final long chair;
        private final List<Pending> pending = new ArrayList<>();
        private SyntheticWriter.Insert caseRows;
        private SyntheticWriter.Insert reviewRows;
        private SyntheticWriter.Insert criterionRows;
        private SyntheticWriter.Insert reasonRows;
        private SyntheticWriter.Insert decisionRows;
        private SyntheticWriter.Insert historyRows;
        long auditId;
        long cases;
        long reviews;
        long decisions;

        AuditWriter(SyntheticWriter writer, SyntheticModel model, Vocabulary words, Map<Sector, Long> reviewers,
                long chair) {
            this.writer = writer;
            this.model = model;
            this.words = words;
            this.reviewers = reviewers;
            this.chair = chair;
        }

        void write(CriteriaSet set, int index, long seed, long target, Progress bar) throws SQLException {
            LocalDate start = LocalDate.of(2025, 1, 6).plusWeeks(4L * index);
            List<String> wards = model.wards();
            auditId = writer.withIds(SyntheticWriter.AUDIT).one("Synthetic audit " + (index + 1) + " (seed " + seed
                    + ")", "How many adult inpatients could be cared for somewhere other than an acute bed?",
                    "Synthetic General Hospital " + (index + 1), Date.valueOf(start),
                    Date.valueOf(start.plusDays(DAYS - 1)), set.id, set.contentHash, new BigDecimal("0.200"),
                    "CLOSED", 1, SYNTHETIC, WRITTEN_AT, 0);
            SyntheticWriter.Insert wardRows = writer.into(SyntheticWriter.AUDIT_WARD);
            for (String ward : wards) {
                wardRows.add(auditId, ward);
            }
            wardRows.flush();
            SyntheticWriter.Insert memberRows = writer.into(SyntheticWriter.MEMBER);
            for (Sector sector : SyntheticModel.SECTORS) {
                memberRows.add(auditId, reviewers.get(sector), "REVIEWER", sector.name(), SYNTHETIC, WRITTEN_AT);
            }
            memberRows.add(auditId, chair, "CHAIR", "HOSPITAL", SYNTHETIC, WRITTEN_AT);
            memberRows.flush();
            SyntheticWriter.Insert debriefRows = writer.withIds(SyntheticWriter.DEBRIEF);
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = start.plusDays(d);
                debriefRows.add(auditId, Date.valueOf(day), CHAIR, Timestamp.valueOf(day.atTime(16, 30)), CHAIR,
                        Timestamp.valueOf(day.atTime(17, 30)), 0);
            }
            List<Long> debriefIds = debriefRows.flush();
            caseRows = writer.into(SyntheticWriter.CASE);
            reviewRows = writer.into(SyntheticWriter.REVIEW);
            criterionRows = writer.into(SyntheticWriter.CRITERION);
            reasonRows = writer.into(SyntheticWriter.REASON);
            decisionRows = writer.withIds(SyntheticWriter.DECISION);
            historyRows = writer.into(SyntheticWriter.DECISION_HISTORY);
            while (reviews < target) {
                long before = reviews;
                drawCase(start, wards, debriefIds, target);
                bar.add(reviews - before);
                if (pending.size() >= CASES_PER_BATCH) {
                    flush();
                }
            }
            flush();
            try (PreparedStatement next = writer.connection().prepareStatement(
                    "update audit set next_case_number = ? where id = ?")) {
                next.setLong(1, cases + 1);
                next.setLong(2, auditId);
                next.executeUpdate();
            }
        }

        /**
         * Writes the pending cases and returns their ids in order. Asked for generated keys, the
         * driver sends a batch as one insert a row; without, as one bulk statement, so the ids are
         * read back instead: the cases after the highest id before the batch, by case number.
         */
        private List<Long> writeCases() throws SQLException {
            Connection connection = writer.connection();
            long before;
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select coalesce(max(id), 0) from patient_case")) {
                result.next();
                before = result.getLong(1);
            }
            caseRows.flush();
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement written = connection.prepareStatement("select id, case_number"
                    + " from patient_case force index (primary) where id > ? and audit_id = ?")) {
                written.setLong(1, before);
                written.setLong(2, auditId);
                try (var result = written.executeQuery()) {
                    while (result.next()) {
                        ids.put(result.getString(2), result.getLong(1));
                    }
                }
            }
            if (ids.size() != pending.size()) {
                throw new IllegalStateException("Wrote " + pending.size() + " cases but read back " + ids.size());
            }
            List<Long> inOrder = new ArrayList<>();
            for (Pending drawn : pending) {
                inOrder.add(ids.get((String) drawn.row()[1]));
            }
            return inOrder;
        }

        /** A patient and the reviews of each day they are reviewed on, held until {@link #flush()}. */
        private void drawCase(LocalDate start, List<String> wards, List<Long> debriefIds, long target) {
            SyntheticModel.Patient patient = model.patient(wards);
            int firstDay = model.nextInt(DAYS);
            int daysReviewed = model.daysReviewed(DAYS - firstDay);
            cases++;
            Pending drawn = new Pending(new Object[] {auditId, "A" + auditId + "-" + String.format("%05d", cases),
                patient.ward(), patient.specialty(), patient.ageBand(), patient.sex(),
                Date.valueOf(start.plusDays(firstDay - patient.stayBefore())), SYNTHETIC, WRITTEN_AT},
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            pending.add(drawn);
            for (int d = firstDay; d < firstDay + daysReviewed && reviews < target; d++) {
                LocalDate day = start.plusDays(d);
                int stayDays = patient.stayBefore() + (d - firstDay);
                boolean notQualifying = model.notQualifying(patient, stayDays);
                Sector first = model.firstSector();
                review(drawn, patient, first, day, notQualifying, true, stayDays);
                if (model.reviewedTwice() && reviews < target) {
                    boolean agrees = model.secondAgrees(notQualifying);
                    boolean secondSays = agrees == notQualifying;
                    review(drawn, patient, model.secondSector(first), day, secondSays, false, stayDays);
                    if (!agrees) {
                        boolean decided = model.chairSidesWithFirst() ? notQualifying : secondSays;
                        drawn.decisions().add(new Object[] {debriefIds.get(d), null,
                            decided ? "DOES_NOT_QUALIFY" : "QUALIFIES", decided ? words.alternatives().get(0) : null,
                            SETTLED, CHAIR, WRITTEN_AT, 0});
                        decisions++;
                    }
                }
            }
        }

        private void review(Pending drawn, SyntheticModel.Patient patient, Sector sector, LocalDate day,
                boolean notQualifying, boolean first, int stayDays) {
            // From the seed, and from the audit id so that a second run with the same seed adds new rows.
            long high = model.nextLong() ^ (auditId * 0x9E3779B97F4A7C15L);
            String id = new UUID((high & ~0xF000L) | 0x4000L,
                    (model.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            Timestamp when = Timestamp.valueOf(day.atTime(first ? 10 : 14, 0));
            drawn.reviews().add(new Object[] {id, auditId, null, reviewers.get(sector), sector.name(),
                Date.valueOf(day), notQualifying ? "DOES_NOT_QUALIFY" : "QUALIFIES",
                notQualifying ? model.weighted(words.alternatives()) : null, false, true, when, when, when, 0, first,
                patient.ward(), patient.specialty(), patient.ageBand(), stayDays});
            List<String> codes = notQualifying ? model.reasons(words.reasons()) : model.criteriaMet(words.criteria());
            for (String code : codes) {
                (notQualifying ? drawn.reasons() : drawn.criteria()).add(new Object[] {id, code});
            }
            reviews++;
        }

        /** Parents before children, so the foreign keys hold at every step. */
        private void flush() throws SQLException {
            for (Pending drawn : pending) {
                caseRows.add(drawn.row());
            }
            List<Long> caseIds = writeCases();
            for (int i = 0; i < pending.size(); i++) {
                Pending drawn = pending.get(i);
                for (Object[] review : drawn.reviews()) {
                    review[2] = caseIds.get(i);
                    reviewRows.add(review);
                }
                for (Object[] row : drawn.criteria()) {
                    criterionRows.add(row);
                }
                for (Object[] row : drawn.reasons()) {
                    reasonRows.add(row);
                }
                for (Object[] decision : drawn.decisions()) {
                    decision[1] = caseIds.get(i);
                    decisionRows.add(decision);
                }
            }
            reviewRows.flush();
            criterionRows.flush();
            reasonRows.flush();
            List<Long> decisionIds = decisionRows.flush();
            int next = 0;
            for (Pending drawn : pending) {
                for (Object[] decision : drawn.decisions()) {
                    historyRows.add(decisionIds.get(next++), decision[2], decision[3], SETTLED, CHAIR, WRITTEN_AT);
                }
            }
            historyRows.flush();
            writer.connection().commit();
            pending.clear();
        }
    }
}
