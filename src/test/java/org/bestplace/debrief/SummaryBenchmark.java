package org.bestplace.debrief;

import static org.bestplace.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name matches no test pattern). Run it with
 * {@code mvn -B test -Dtest=SummaryBenchmark}: it loads an audit of 100,000 reviews and prints
 * the summary and agreement response times over HTTP beside the same SQL run directly.
 */
@QuarkusTest
class SummaryBenchmark {

    static final int REVIEWS = Integer.getInteger("bench.reviews", 100_000);
    static final int DAYS = 20;
    static final int RUNS = 30;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void summaryAndAgreementAtScale() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        long started = System.nanoTime();
        int cases = load(Long.parseLong(audit));
        System.out.printf(Locale.ROOT, "%nloaded %,d reviews of %,d patient-days in %.1f s%n", REVIEWS, cases,
                (System.nanoTime() - started) / 1e9);
        String day = "2026-11-10";
        System.out.println("figure                          | via HTTP p50 / p95 (ms) | SQL alone p50 / p95 (ms)");
        row("summary, cumulative", () -> http(reviewer, audit, "/summary"),
                () -> sql(audit, null, DailySummary.marginsSql(false), DailySummary.placesAndReasonsSql(false),
                        DailySummary.overrideSql(false),
                        DailySummary.agreedSql(false)));
        row("summary, one day", () -> http(reviewer, audit, "/summary?date=" + day),
                () -> sql(audit, day, DailySummary.marginsSql(true), DailySummary.placesAndReasonsSql(true),
                        DailySummary.overrideSql(true),
                        DailySummary.agreedSql(true)));
        row("agreement, cumulative", () -> http(reviewer, audit, "/agreement"),
                () -> sql(audit, null, Agreement.pairsSql(false)));
        row("agreement, one day", () -> http(reviewer, audit, "/agreement?date=" + day),
                () -> sql(audit, day, Agreement.pairsSql(true)));
    }

    static void row(String name, Supplier<Long> http, Supplier<Long> sql) {
        double[] viaHttp = times(http);
        double[] direct = times(sql);
        System.out.printf(Locale.ROOT, "%-31s | %9.1f / %-11.1f | %9.1f / %.1f%n", name, viaHttp[0], viaHttp[1],
                direct[0], direct[1]);
    }

    static double[] times(Supplier<Long> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            nanos[i] = call.get();
        }
        Arrays.sort(nanos);
        return new double[] {nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6};
    }

    static long http(String user, String audit, String path) {
        long start = System.nanoTime();
        as(user).get("/api/audits/" + audit + path).then().statusCode(200);
        return System.nanoTime() - start;
    }

    long sql(String audit, String day, String... statements) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            for (String statement : statements) {
                String text = statement.replace(":audit", audit).replace(":date", day == null ? "NULL" : "'" + day + "'");
                try (var result = c.createStatement().executeQuery(text)) {
                    while (result.next()) {
                        result.getObject(1);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    /** Bulk-loads cases and reviews: a tenth of patient-days reviewed twice, about a quarter not qualifying. */
    int load(long auditId) throws Exception {
        Random random = new Random(7);
        String[] wards = {"Ward A", "Ward B"};
        String[] ages = {"18-39", "40-64", "65-74", "75-84", "85+"};
        String[] sectors = {"HOSPITAL", "COMMUNITY", "COMMISSIONER"};
        List<Long> reviewers = new ArrayList<>();
        for (String sector : sectors) {
            String name = Api.reviewerOn(String.valueOf(auditId), sector);
            try (Connection c = dataSource.getConnection();
                    var s = c.prepareStatement("select id from app_user where username = ?")) {
                s.setString(1, name);
                try (var r = s.executeQuery()) {
                    r.next();
                    reviewers.add(r.getLong(1));
                }
            }
        }
        int patientDays = (int) Math.round(REVIEWS / 1.1);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            org.bestplace.generate.Generator.bulkLoad(c, true);
            long firstCase;
            try (var r = c.createStatement().executeQuery("select coalesce(max(id), 0) + 1 from patient_case")) {
                r.next();
                firstCase = r.getLong(1);
            }
            try (PreparedStatement cases = c.prepareStatement("insert into patient_case (id, audit_id, case_number,"
                    + " ward, specialty, age_band, sex, admission_date, created_by, created_at)"
                    + " values (?, ?, ?, ?, 'General medicine', ?, 'FEMALE', ?, 'bench', now(6))");
                    PreparedStatement reviews = c.prepareStatement("insert into review (id, audit_id, case_id,"
                            + " reviewer_id, reviewer_sector, review_date, outcome, alternative, flagged, submitted,"
                            + " first_of_day, submitted_at, created_at, updated_at, version, ward, specialty, age_band,"
                            + " stay_days) values (?, ?, ?, ?, ?, ?, ?, ?, false, true, ?, ?, now(6), now(6), 0, ?,"
                            + " 'General medicine', ?, ?)");
                    PreparedStatement criteria = c.prepareStatement(
                            "insert into review_criterion (review_id, code) values (?, 'MED-01')");
                    PreparedStatement reasons = c.prepareStatement(
                            "insert into review_reason (review_id, code) values (?, 'HP-TESTS')")) {
                Instant clock = Instant.parse("2026-11-01T08:00:00Z");
                int written = 0;
                for (int i = 0; i < patientDays; i++) {
                    long caseId = firstCase + i;
                    LocalDate day = LocalDate.of(2026, 11, 1 + (i % DAYS));
                    cases.setLong(1, caseId);
                    cases.setLong(2, auditId);
                    cases.setString(3, "B" + auditId + "-" + i);
                    cases.setString(4, wards[i % 2]);
                    String age = ages[random.nextInt(ages.length)];
                    int stay = random.nextInt(30);
                    cases.setString(5, age);
                    cases.setObject(6, day.minusDays(stay));
                    cases.addBatch();
                    boolean qualifies = random.nextDouble() >= 0.25;
                    int sector = random.nextInt(3);
                    int count = written < REVIEWS && i % 10 == 0 ? 2 : 1;
                    for (int k = 0; k < count && written < REVIEWS; k++, written++) {
                        boolean outcome = k == 0 ? qualifies : (random.nextDouble() < 0.85) == qualifies;
                        String id = UUID.randomUUID().toString();
                        int s = (sector + k) % 3;
                        clock = clock.plusMillis(10);
                        reviews.setString(1, id);
                        reviews.setLong(2, auditId);
                        reviews.setLong(3, caseId);
                        reviews.setLong(4, reviewers.get(s));
                        reviews.setString(5, sectors[s]);
                        reviews.setObject(6, day);
                        reviews.setString(7, outcome ? "QUALIFIES" : "DOES_NOT_QUALIFY");
                        reviews.setString(8, outcome ? null : "P1");
                        reviews.setBoolean(9, k == 0);
                        reviews.setTimestamp(10, Timestamp.from(clock));
                        reviews.setString(11, wards[i % 2]);
                        reviews.setString(12, age);
                        reviews.setInt(13, stay);
                        reviews.addBatch();
                        PreparedStatement child = outcome ? criteria : reasons;
                        child.setString(1, id);
                        child.addBatch();
                    }
                    if (i % 5000 == 4999) {
                        cases.executeBatch();
                        reviews.executeBatch();
                        criteria.executeBatch();
                        reasons.executeBatch();
                        c.commit();
                    }
                }
                cases.executeBatch();
                reviews.executeBatch();
                criteria.executeBatch();
                reasons.executeBatch();
                org.bestplace.generate.Generator.rebuildCells(c, auditId);
                c.commit();
            } finally {
                org.bestplace.generate.Generator.bulkLoad(c, false);
            }
            c.createStatement().execute("analyze table patient_case, review, review_reason, review_criterion");
        }
        return patientDays;
    }
}
