package org.bestplace.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.Test;

/**
 * What one new review costs the database: the statements the service sends to MariaDB for one
 * review PUT, read from the server's own counters before and after (the test's database serves
 * nothing else meanwhile; the counters' own reading is subtracted). Transaction control
 * (BEGIN, COMMIT, ROLLBACK, autocommit switches) is counted apart. A count, never a time.
 */
@QuarkusTest
class StatementsPerReviewTest {

    /** The most statements one new review may send besides transaction control (issue 20). */
    static final long MOST = 6;

    /** Server counters read: every statement, and the transaction control among them. */
    static final List<String> CONTROL = List.of("Com_begin", "Com_commit", "Com_rollback", "Com_set_option",
            "Com_savepoint", "Com_release_savepoint", "Com_rollback_to_savepoint");

    @Inject
    AgroalDataSource dataSource;

    /** A reviewer's tablet, signed in with the form, PUTs a new submitted review through the outbox's path. */
    @Test
    void aNewReviewFromATabletSendsAtMostSixStatementsBesidesTransactionControl() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String criterion = Api.firstCriterion();
        String first = Api.registerCase(audit, reviewer);
        String second = Api.registerCase(audit, reviewer);
        Pages.Session tablet = Pages.signIn(reviewer, Api.PASSWORD);
        Db.activity(dataSource, "SIGN_IN", reviewer);
        // The first review warms what the service keeps in memory (the audit's criteria).
        tabletPut(tablet, audit, Api.submittedReview(first, true, criterion), 201);
        Counts cost = counted(() -> tabletPut(tablet, audit, Api.submittedReview(second, true, criterion), 201));
        System.out.println("a new review from a tablet: " + cost);
        assertTrue(cost.statements() <= MOST, "one new review sent " + cost + "; at most " + MOST
                + " besides transaction control");
    }

    /**
     * The same through the JSON API with HTTP Basic, which checks the password on every call: the
     * user is read once, with the password check, and the sign-in throttle reads the name's recent
     * failures beside it (one statement more than a tablet's session).
     */
    @Test
    void aNewReviewThroughTheApiSendsAtMostSevenStatementsBesidesTransactionControl() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String criterion = Api.firstCriterion();
        String first = Api.registerCase(audit, reviewer);
        String second = Api.registerCase(audit, reviewer);
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Api.submittedReview(first, true, criterion))
                .statusCode(201);
        Counts cost = counted(() -> Api.putReview(audit, reviewer, UUID.randomUUID().toString(),
                Api.submittedReview(second, true, criterion)).statusCode(201));
        System.out.println("a new review through the API: " + cost);
        assertTrue(cost.statements() <= MOST + 1, "one new review sent " + cost + "; at most " + (MOST + 1)
                + " besides transaction control");
    }

    /** The counting itself: reading the counters twice in a row costs exactly the reading. */
    @Test
    void readingTheCountersTwiceInARowCountsNothingElse() throws Exception {
        Counts nothing = counted(() -> { });
        assertEquals(0, nothing.all(), "nothing happened, yet the counters moved: " + nothing);
    }

    private static void tabletPut(Pages.Session tablet, String audit, Map<String, Object> body, int status) {
        tablet.request().cookie(CsrfToken.COOKIE, tablet.csrfCookie()).header(CsrfToken.HEADER, tablet.csrfToken())
                .contentType("application/json").body(body).put("/audits/" + audit + "/reviews/" + UUID.randomUUID())
                .then().statusCode(status);
    }

    /** Statements the server took, and how many of them were transaction control. */
    record Counts(long all, Map<String, Long> control, List<String> sent) {
        long statements() {
            return all - control.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return statements() + " statements and " + (all - statements()) + " of transaction control " + control
                    + ":\n  " + String.join("\n  ", sent);
        }
    }

    /** The server's counters moved by the action, less the one statement that reads them afterwards. */
    private Counts counted(Runnable action) throws SQLException {
        // Where the service's account may switch it on, the server's general log lists what was
        // sent, for the message when the count is too high.
        boolean logged = generalLog(true);
        Map<String, Long> before = counters();
        action.run();
        Map<String, Long> after = counters();
        if (logged) {
            generalLog(false);
        }
        Map<String, Long> control = new LinkedHashMap<>();
        for (String name : CONTROL) {
            long moved = after.get(name) - before.get(name);
            if (moved != 0) {
                control.put(name, moved);
            }
        }
        // Each reading is one statement, counted in Questions by the time it answers: the second
        // reading's own statement is the only one of ours between the two.
        return new Counts(after.get("Questions") - before.get("Questions") - 1, control,
                logged ? sent() : List.of("(the general log is not open to the service's account)"));
    }

    /** Switches the server's general log (into its table) on or off; false when not allowed to. */
    private boolean generalLog(boolean on) {
        try {
            if (on) {
                Db.execute(dataSource, "SET GLOBAL log_output = 'TABLE'");
                Db.execute(dataSource, "TRUNCATE mysql.general_log");
            }
            Db.execute(dataSource, "SET GLOBAL general_log = " + (on ? 1 : 0));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements the general log holds, less the counters' own reading and the log's switches. */
    private List<String> sent() throws SQLException {
        List<String> statements = new java.util.ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT command_type, CONVERT(argument USING utf8mb4)"
                        + " FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') ORDER BY event_time")) {
            while (rows.next()) {
                String text = rows.getString(2);
                if (!text.startsWith("SHOW GLOBAL STATUS") && !text.startsWith("SET GLOBAL general_log")) {
                    statements.add(text.length() > 160 ? text.substring(0, 160) + "…" : text);
                }
            }
        }
        return statements;
    }

    private Map<String, Long> counters() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', '"
                        + String.join("', '", CONTROL) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        for (String name : CONTROL) {
            values.putIfAbsent(name, 0L);
        }
        return values;
    }
}
