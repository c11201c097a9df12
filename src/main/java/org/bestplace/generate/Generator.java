package org.bestplace.generate;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.bestplace.BestplaceConfig;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.security.Role;
import org.bestplace.security.Sector;
import org.bestplace.security.User;

/**
 * Fills the database with synthetic audits for benchmarks: wards, specialties, realistic age
 * and length-of-stay mixes, about a quarter of patient-days not qualifying (more among the
 * old and the long-staying), a dual-review sample with realistic disagreement, and signed-off
 * debriefs that settle the disagreements. Rows go in with batched inserts; the same seed
 * always gives the same data. Run it while nothing else writes: it hands out ids itself.
 */
@ApplicationScoped
@Unremovable
public class Generator {

    public record Options(int audits, long reviews, long seed) {
    }

    public record Generated(List<Long> auditIds, long cases, long reviews, long decisions, double seconds) {
    }

    private static final String[] WARDS = {"Acute Medical Unit", "Ward 7 Acute Medicine", "Ward 12 Older People",
        "Ward 14 Respiratory", "Ward 3 Cardiology", "Ward 9 Surgery", "Ward 10 Orthopaedics", "Ward 5 Stroke"};
    private static final String[] SPECIALTIES = {"General medicine", "Care of older people", "Respiratory",
        "Cardiology", "Gastroenterology", "General surgery", "Trauma and orthopaedics", "Stroke medicine"};
    private static final String[] AGE_BANDS = {"18-39", "40-64", "65-74", "75-84", "85+"};
    private static final double[] AGE_WEIGHTS = {0.08, 0.17, 0.20, 0.27, 0.28};
    private static final String[] SEXES = {"FEMALE", "MALE"};
    private static final Sector[] SECTORS = {Sector.HOSPITAL, Sector.COMMUNITY, Sector.COMMISSIONER};
    private static final double[] SECTOR_WEIGHTS = {0.5, 0.35, 0.15};
    private static final int DAYS = 20;
    private static final int BATCH = 5000;

    @Inject
    DataSource dataSource;

    @Inject
    CriteriaService criteria;

    @Inject
    BestplaceConfig config;

    public Generated generate(Options options, PrintStream progress) throws SQLException {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(options.seed());
        CriteriaSet set = QuarkusTransaction.requiringNew().call(() -> CriteriaSet.<CriteriaSet>find("status",
                CriteriaStatus.RATIFIED).firstResultOptional().orElseThrow(() -> new IllegalStateException(
                        "No ratified criteria set is loaded to audit against.")));
        Vocabulary words = new Vocabulary(criteria.definition(set));
        long[] reviewers = reviewers(options.seed());
        long perAudit = Math.max(1, options.reviews() / options.audits());
        Progress bar = new Progress(progress, options.reviews());
        List<Long> audits = new ArrayList<>();
        long cases = 0;
        long reviews = 0;
        long decisions = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            bulkLoad(connection, true);
            try {
                Ids ids = new Ids(connection);
                for (int a = 0; a < options.audits(); a++) {
                    long target = a == options.audits() - 1 ? options.reviews() - reviews : perAudit;
                    AuditWriter writer = new AuditWriter(connection, ids, random, words, reviewers, set, a, options.seed());
                    writer.write(target, bar);
                    rebuildCells(connection, writer.auditId);
                    audits.add(writer.auditId);
                    cases += writer.cases;
                    reviews += writer.reviews;
                    decisions += writer.decisions;
                    connection.commit();
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

    /** Counts the loaded audit into the summary and place cells in a few set-based statements. */
    public static void rebuildCells(Connection connection, long auditId) throws SQLException {
        String script;
        try (var in = Generator.class.getResourceAsStream("/cells/rebuild.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String body = script.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        try (var statement = connection.createStatement()) {
            for (String sql : body.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.replace(":audit", Long.toString(auditId)));
                }
            }
        }
    }

    /** One synthetic user per sector and kind of work, made once; they cannot sign in (random passwords). */
    private long[] reviewers(long seed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long[] ids = new long[SECTORS.length + 1];
            for (int i = 0; i <= SECTORS.length; i++) {
                String name = i < SECTORS.length ? "synthetic-" + SECTORS[i].name().toLowerCase() : "synthetic-chair";
                Sector sector = i < SECTORS.length ? SECTORS[i] : Sector.HOSPITAL;
                User user = User.byUsername(name).orElse(null);
                if (user == null) {
                    user = new User(name, "Synthetic " + sector.name().toLowerCase(), "Synthetic data", sector,
                            EnumSet.of(i < SECTORS.length ? Role.REVIEWER : Role.CHAIR),
                            UUID.randomUUID() + "-" + seed, config.passwordHashCost());
                    user.persist();
                }
                ids[i] = user.id;
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

    /** Hands out ids after the largest in each table, so rows can be batched with their keys. */
    static final class Ids {
        long audit;
        long patientCase;
        long debrief;
        long decision;
        long member;

        Ids(Connection connection) throws SQLException {
            audit = max(connection, "audit");
            patientCase = max(connection, "patient_case");
            debrief = max(connection, "debrief");
            decision = max(connection, "decision");
            member = max(connection, "audit_member");
        }

        private static long max(Connection connection, String table) throws SQLException {
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Writes one audit: its team, wards, cases, reviews and debriefs. */
    static final class AuditWriter {
        private final Connection connection;
        private final Ids ids;
        private final SplittableRandom random;
        private final Vocabulary words;
        private final long[] users;
        private final CriteriaSet set;
        private final int index;
        private final long seed;
        private final LocalDate start;
        private final String[] wards;
        long auditId;
        long cases;
        long reviews;
        long decisions;

        AuditWriter(Connection connection, Ids ids, SplittableRandom random, Vocabulary words, long[] users,
                CriteriaSet set, int index, long seed) {
            this.connection = connection;
            this.ids = ids;
            this.random = random;
            this.words = words;
            this.users = users;
            this.set = set;
            this.index = index;
            this.seed = seed;
            this.start = LocalDate.of(2025, 1, 6).plusWeeks(4L * index);
            int wardCount = 4 + random.nextInt(5);
            this.wards = java.util.Arrays.copyOf(WARDS, wardCount);
        }

        void write(long target, Progress bar) throws SQLException {
            auditId = ++ids.audit;
            Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
            try (PreparedStatement audit = connection.prepareStatement("""
                    insert into audit (id, title, question, site, start_date, end_date, criteria_set_id, criteria_hash,
                      dual_review_rate, status, next_case_number, created_by, created_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 0.200, 'CLOSED', ?, 'synthetic', ?, 0)""")) {
                audit.setLong(1, auditId);
                audit.setString(2, "Synthetic audit " + (index + 1) + " (seed " + seed + ")");
                audit.setString(3, "How many adult inpatients could be cared for somewhere other than an acute bed?");
                audit.setString(4, "Synthetic General Hospital " + (index + 1));
                audit.setDate(5, Date.valueOf(start));
                audit.setDate(6, Date.valueOf(start.plusDays(DAYS - 1)));
                audit.setLong(7, set.id);
                audit.setString(8, set.contentHash);
                audit.setInt(9, 1);
                audit.setTimestamp(10, now);
                audit.executeUpdate();
            }
            try (PreparedStatement ward = connection.prepareStatement(
                    "insert into audit_ward (audit_id, ward) values (?, ?)")) {
                for (String name : wards) {
                    ward.setLong(1, auditId);
                    ward.setString(2, name);
                    ward.addBatch();
                }
                ward.executeBatch();
            }
            try (PreparedStatement member = connection.prepareStatement("""
                    insert into audit_member (id, audit_id, user_id, role, sector, added_by, added_at)
                    values (?, ?, ?, ?, ?, 'synthetic', ?)""")) {
                for (int i = 0; i <= SECTORS.length; i++) {
                    member.setLong(1, ++ids.member);
                    member.setLong(2, auditId);
                    member.setLong(3, users[i]);
                    member.setString(4, i < SECTORS.length ? "REVIEWER" : "CHAIR");
                    member.setString(5, i < SECTORS.length ? SECTORS[i].name() : "HOSPITAL");
                    member.setTimestamp(6, now);
                    member.addBatch();
                }
                member.executeBatch();
            }
            try (Batches batches = new Batches(connection)) {
                writeCases(batches, target, bar);
            }
            try (PreparedStatement next = connection.prepareStatement(
                    "update audit set next_case_number = ? where id = ?")) {
                next.setLong(1, cases + 1);
                next.setLong(2, auditId);
                next.executeUpdate();
            }
        }

        private void writeCases(Batches batches, long target, Progress bar) throws SQLException {
            long[] debriefIds = new long[DAYS];
            for (int d = 0; d < DAYS; d++) {
                debriefIds[d] = ++ids.debrief;
                batches.debrief(debriefIds[d], auditId, start.plusDays(d), users[SECTORS.length]);
            }
            while (reviews < target) {
                long caseId = ++ids.patientCase;
                long caseNumber = cases + 1;
                int age = pick(AGE_WEIGHTS);
                int stayBefore = stay();
                int firstDay = random.nextInt(DAYS);
                int daysReviewed = Math.min(DAYS - firstDay, 1 + geometric(0.55));
                String ward = wards[random.nextInt(wards.length)];
                String specialty = SPECIALTIES[random.nextInt(SPECIALTIES.length)];
                LocalDate admitted = start.plusDays(firstDay - stayBefore);
                batches.patientCase(caseId, auditId, String.format("A%d-%05d", auditId, caseNumber), ward, specialty,
                        AGE_BANDS[age], SEXES[random.nextInt(2)], admitted);
                cases++;
                for (int d = firstDay; d < firstDay + daysReviewed && reviews < target; d++) {
                    long before = reviews;
                    LocalDate day = start.plusDays(d);
                    int stayDays = stayBefore + (d - firstDay);
                    boolean notQualifying = random.nextDouble() < notQualifyingChance(age, stayDays);
                    int first = pick(SECTOR_WEIGHTS);
                    review(batches, caseId, first, day, notQualifying, true, ward, specialty, AGE_BANDS[age],
                            stayDays);
                    if (random.nextDouble() < 0.2 && reviews < target) {
                        int second = (first + 1 + random.nextInt(SECTORS.length - 1)) % SECTORS.length;
                        boolean agrees = random.nextDouble() < (notQualifying ? 0.85 : 0.93);
                        boolean secondSays = agrees == notQualifying;
                        review(batches, caseId, second, day, secondSays, false, ward, specialty, AGE_BANDS[age],
                                stayDays);
                        if (!agrees) {
                            boolean decided = random.nextBoolean() ? notQualifying : secondSays;
                            batches.decision(++ids.decision, debriefIds[d], caseId, decided,
                                    decided ? words.alternatives().get(0) : null, users[SECTORS.length]);
                            decisions++;
                        }
                    }
                    bar.add(reviews - before);
                }
            }
            batches.flush();
        }

        private void review(Batches batches, long caseId, int sector, LocalDate day, boolean notQualifying,
                boolean first, String ward, String specialty, String ageBand, int stayDays) throws SQLException {
            // From the seed, and from the audit id so that a second run with the same seed adds new rows.
            long high = random.nextLong() ^ (auditId * 0x9E3779B97F4A7C15L);
            String id = new UUID((high & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            String alternative = notQualifying ? weighted(words.alternatives()) : null;
            batches.review(id, auditId, caseId, users[sector], SECTORS[sector].name(), day,
                    notQualifying ? "DOES_NOT_QUALIFY" : "QUALIFIES", alternative, first, ward, specialty, ageBand,
                    stayDays);
            if (notQualifying) {
                int count = 1 + geometric(0.6);
                java.util.Set<String> chosen = new java.util.TreeSet<>();
                for (int i = 0; i < count; i++) {
                    chosen.add(weighted(words.reasons()));
                }
                for (String reason : chosen) {
                    batches.reason(id, reason);
                }
            } else {
                int count = 1 + geometric(0.5);
                java.util.Set<String> chosen = new java.util.TreeSet<>();
                for (int i = 0; i < count; i++) {
                    chosen.add(words.criteria().get(random.nextInt(words.criteria().size())));
                }
                for (String criterion : chosen) {
                    batches.criterion(id, criterion);
                }
            }
            reviews++;
            batches.maybeFlush();
        }

        /** About a quarter overall; more among the oldest and after three weeks in hospital. */
        private static double notQualifyingChance(int age, int stayDays) {
            double chance = 0.10 + 0.04 * age + (stayDays >= 7 ? 0.06 : 0) + (stayDays >= 21 ? 0.12 : 0);
            return Math.min(chance, 0.9);
        }

        /** Days in hospital before the first review: most short, a long tail of long stays. */
        private int stay() {
            return (int) Math.min(120, Math.floor(-Math.log(1 - random.nextDouble()) * 8));
        }

        private int geometric(double stop) {
            int n = 0;
            while (random.nextDouble() > stop && n < 10) {
                n++;
            }
            return n;
        }

        private int pick(double[] weights) {
            double roll = random.nextDouble();
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        /** Earlier codes in the set's list come up more often, as the commonest reasons do. */
        private String weighted(List<String> codes) {
            int i = (int) Math.min(codes.size() - 1, Math.floor(-Math.log(1 - random.nextDouble()) * codes.size() / 3.0));
            return codes.get(i);
        }
    }

    /** Batched inserts for the high-volume tables. */
    static final class Batches implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement cases;
        private final PreparedStatement reviews;
        private final PreparedStatement criteria;
        private final PreparedStatement reasons;
        private final PreparedStatement debriefs;
        private final PreparedStatement decisions;
        private final PreparedStatement history;
        private int pending;
        private final Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

        Batches(Connection connection) throws SQLException {
            this.connection = connection;
            cases = connection.prepareStatement("""
                    insert into patient_case (id, audit_id, case_number, ward, specialty, age_band, sex, admission_date,
                      created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'synthetic', ?)""");
            reviews = connection.prepareStatement("""
                    insert into review (id, audit_id, case_id, reviewer_id, reviewer_sector, review_date, outcome,
                      alternative, flagged, submitted, submitted_at, created_at, updated_at, version, first_of_day,
                      ward, specialty, age_band, stay_days)
                    values (?, ?, ?, ?, ?, ?, ?, ?, false, true, ?, ?, ?, 0, ?, ?, ?, ?, ?)""");
            criteria = connection.prepareStatement("insert into review_criterion (review_id, code) values (?, ?)");
            reasons = connection.prepareStatement("insert into review_reason (review_id, code) values (?, ?)");
            debriefs = connection.prepareStatement("""
                    insert into debrief (id, audit_id, debrief_date, opened_by, opened_at, notes, signed_off_by,
                      signed_off_at, version) values (?, ?, ?, ?, ?, null, ?, ?, 0)""");
            decisions = connection.prepareStatement("""
                    insert into decision (id, debrief_id, case_id, outcome, alternative, reason, decided_by,
                      decided_at, version) values (?, ?, ?, ?, ?, 'Settled at the debrief', ?, ?, 0)""");
            history = connection.prepareStatement("""
                    insert into decision_history (decision_id, outcome, alternative, reason, decided_by, decided_at)
                    values (?, ?, ?, 'Settled at the debrief', ?, ?)""");
        }

        void patientCase(long id, long audit, String number, String ward, String specialty, String age, String sex,
                LocalDate admitted) throws SQLException {
            cases.setLong(1, id);
            cases.setLong(2, audit);
            cases.setString(3, number);
            cases.setString(4, ward);
            cases.setString(5, specialty);
            cases.setString(6, age);
            cases.setString(7, sex);
            cases.setDate(8, Date.valueOf(admitted));
            cases.setTimestamp(9, at);
            cases.addBatch();
        }

        void review(String id, long audit, long caseId, long reviewer, String sector, LocalDate day, String outcome,
                String alternative, boolean first, String ward, String specialty, String age, int stayDays)
                throws SQLException {
            Timestamp when = Timestamp.valueOf(day.atTime(first ? 10 : 14, 0));
            reviews.setString(1, id);
            reviews.setLong(2, audit);
            reviews.setLong(3, caseId);
            reviews.setLong(4, reviewer);
            reviews.setString(5, sector);
            reviews.setDate(6, Date.valueOf(day));
            reviews.setString(7, outcome);
            reviews.setString(8, alternative);
            reviews.setTimestamp(9, when);
            reviews.setTimestamp(10, when);
            reviews.setTimestamp(11, when);
            reviews.setBoolean(12, first);
            reviews.setString(13, ward);
            reviews.setString(14, specialty);
            reviews.setString(15, age);
            reviews.setInt(16, stayDays);
            reviews.addBatch();
            pending++;
        }

        void criterion(String review, String code) throws SQLException {
            criteria.setString(1, review);
            criteria.setString(2, code);
            criteria.addBatch();
        }

        void reason(String review, String code) throws SQLException {
            reasons.setString(1, review);
            reasons.setString(2, code);
            reasons.addBatch();
        }

        void debrief(long id, long audit, LocalDate day, long chair) throws SQLException {
            Timestamp evening = Timestamp.valueOf(day.atTime(16, 30));
            debriefs.setLong(1, id);
            debriefs.setLong(2, audit);
            debriefs.setDate(3, Date.valueOf(day));
            debriefs.setString(4, "synthetic-chair");
            debriefs.setTimestamp(5, evening);
            debriefs.setString(6, "synthetic-chair");
            debriefs.setTimestamp(7, Timestamp.valueOf(day.atTime(17, 30)));
            debriefs.addBatch();
        }

        void decision(long id, long debrief, long caseId, boolean notQualifying, String alternative, long chair)
                throws SQLException {
            decisions.setLong(1, id);
            decisions.setLong(2, debrief);
            decisions.setLong(3, caseId);
            decisions.setString(4, notQualifying ? "DOES_NOT_QUALIFY" : "QUALIFIES");
            decisions.setString(5, alternative);
            decisions.setString(6, "synthetic-chair");
            decisions.setTimestamp(7, at);
            decisions.addBatch();
            history.setLong(1, id);
            history.setString(2, notQualifying ? "DOES_NOT_QUALIFY" : "QUALIFIES");
            history.setString(3, alternative);
            history.setString(4, "synthetic-chair");
            history.setTimestamp(5, at);
            history.addBatch();
        }

        void maybeFlush() throws SQLException {
            if (pending >= BATCH) {
                flush();
            }
        }

        /** Parents before children, so the foreign keys hold at every step. */
        void flush() throws SQLException {
            debriefs.executeBatch();
            cases.executeBatch();
            reviews.executeBatch();
            criteria.executeBatch();
            reasons.executeBatch();
            decisions.executeBatch();
            history.executeBatch();
            connection.commit();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(cases, reviews, criteria, reasons, debriefs, decisions, history)) {
                statement.close();
            }
        }
    }

    /** A one-line progress bar on standard error: share done, rows and rate. */
    static final class Progress {
        private final PrintStream out;
        private final long total;
        private final long started = System.nanoTime();
        private long done;
        private long shown = -1;

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = Math.max(1, total);
        }

        void add(long reviews) {
            done += reviews;
            long percent = done * 100 / total;
            if (out != null && percent != shown) {
                shown = percent;
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                int filled = (int) (percent / 5);
                out.printf("\rgenerating [%-20s] %3d%%  %,d / %,d reviews  %,.0f reviews/s", "#".repeat(filled),
                        percent, done, total, done / seconds);
                out.flush();
            }
        }

        void done() {
            if (out != null) {
                out.println();
            }
        }
    }
}
