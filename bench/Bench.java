import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.bestplace.debrief.Agreement;
import org.bestplace.debrief.DailySummary;

/**
 * The measuring half of {@code bench/run}; bench/run starts the service and the database and
 * calls this with the service's own jars on the class path:
 *
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' bench/Bench.java COMMAND key=value...
 * </pre>
 *
 * <ul>
 * <li>{@code submit}: clients sign in with the form as a tablet does and PUT one first review per
 * case through the tablet's outbox path, one request at a time each;</li>
 * <li>{@code jdbc}: the same review rows written straight into MariaDB, one transaction per review,
 * one connection per client;</li>
 * <li>{@code read}: the cumulative summary and agreement over HTTP, and the same SQL the service
 * runs for them, straight over JDBC.</li>
 * </ul>
 * Each prints one line of {@code key=value} figures for bench/run to read.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int at = args[i].indexOf('=');
            options.put(args[i].substring(0, at), args[i].substring(at + 1));
        }
        switch (args[0]) {
            case "submit" -> submit(options);
            case "jdbc" -> jdbc(options);
            case "read" -> read(options);
            default -> throw new IllegalArgumentException("commands: submit, jdbc, read");
        }
    }

    /** The cases a run reviews, {@code first-last}, and the work queue over them. */
    record Cases(long first, long last, AtomicLong next) {
        static Cases parse(String range) {
            String[] ends = range.split("-");
            long first = Long.parseLong(ends[0]);
            return new Cases(first, Long.parseLong(ends[1]), new AtomicLong(first));
        }

        /** The next case to review, or -1 when all are taken. */
        long take() {
            long id = next.getAndIncrement();
            return id <= last ? id : -1;
        }

        int count() {
            return (int) (last - first + 1);
        }
    }

    /** A quarter of the cases do not qualify, with an alternative and a reason; the rest meet two criteria. */
    static boolean qualifies(long caseId) {
        return caseId % 4 != 0;
    }

    // ---- submit ------------------------------------------------------------------------------

    static void submit(Map<String, String> o) throws Exception {
        String base = o.get("base");
        String audit = o.get("audit");
        String date = o.get("date");
        Cases cases = Cases.parse(o.get("cases"));
        int clients = Integer.parseInt(o.get("clients"));
        // With pace=N each client starts a request every N ms at most, as tablets in use would.
        long paceNanos = Long.parseLong(o.getOrDefault("pace", "0")) * 1_000_000L;
        List<HttpClient> signedIn = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String form = "j_username=" + URLEncoder.encode(o.get("user"), StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(o.get("password"), StandardCharsets.UTF_8);
            HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> home = http.send(HttpRequest.newBuilder(URI.create(base + "/audits/" + audit)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("bestplace-csrf")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow(() -> new IllegalStateException("sign-in answered " + login.statusCode()
                            + ", audit home " + home.statusCode() + ": no anti-forgery cookie"));
            signedIn.add(http);
            tokens.add(token);
        }
        boolean trace = System.getenv("BENCH_TRACE") != null;
        Run run = new Run(Counters.of(o));
        run.timeClients(clients, slot -> {
            HttpClient http = signedIn.get(slot);
            String token = tokens.get(slot);
            long[] mine = new long[cases.count()];
            int n = 0;
            long due = System.nanoTime() + (paceNanos == 0 ? 0 : paceNanos * slot / clients);
            for (long caseId = cases.take(); caseId >= 0; caseId = cases.take()) {
                pause(due);
                due = Math.max(due + paceNanos, System.nanoTime());
                HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/audits/" + audit + "/reviews/"
                                + UUID.randomUUID()))
                        .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                        .PUT(HttpRequest.BodyPublishers.ofString(reviewJson(caseId, date))).build();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
                    mine[n++] = System.nanoTime() - t0;
                    if (trace) {
                        System.err.printf("client %d request %d: %.1f ms%n", slot, n, mine[n - 1] / 1e6);
                    }
                    if (answer.statusCode() == 201) {
                        run.acknowledged();
                    } else {
                        run.failed(answer.statusCode() + " " + answer.body());
                    }
                } catch (Exception e) {
                    run.failed(e.toString());
                }
            }
            return Arrays.copyOf(mine, n);
        });
    }

    static void pause(long until) {
        long left = until - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String reviewJson(long caseId, String date) {
        String choice = qualifies(caseId)
                ? "\"criteriaMet\":[\"MED-01\",\"NUR-02\"],\"reasons\":[]"
                : "\"criteriaMet\":[],\"alternative\":\"P1\",\"reasons\":[\"HP-TESTS\"]";
        return "{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"" + date + "\"," + choice
                + ",\"flagged\":false,\"submitted\":true}";
    }

    // ---- jdbc --------------------------------------------------------------------------------

    record CaseRow(String ward, String specialty, String ageBand, LocalDate admitted) {
    }

    static void jdbc(Map<String, String> o) throws Exception {
        Cases cases = Cases.parse(o.get("cases"));
        int clients = Integer.parseInt(o.get("clients"));
        long reviewer = Long.parseLong(o.get("reviewer"));
        long audit = Long.parseLong(o.get("audit"));
        LocalDate date = LocalDate.parse(o.get("date"));
        AtomicInteger retries = new AtomicInteger();
        Map<Long, CaseRow> rows = new HashMap<>();
        try (Connection c = connect(o); PreparedStatement s = c.prepareStatement(
                "SELECT id, ward, specialty, age_band, admission_date FROM patient_case WHERE id BETWEEN ? AND ?")) {
            s.setLong(1, cases.first());
            s.setLong(2, cases.last());
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getLong(1), new CaseRow(r.getString(2), r.getString(3), r.getString(4),
                            r.getDate(5).toLocalDate()));
                }
            }
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection c = connect(o);
            c.setAutoCommit(false);
            connections.add(c);
        }
        Run run = new Run(Counters.of(o));
        run.timeClients(clients, slot -> {
            Connection c = connections.get(slot);
            long[] mine = new long[cases.count()];
            int n = 0;
            try (PreparedStatement review = c.prepareStatement("""
                    INSERT INTO review (id, audit_id, case_id, reviewer_id, reviewer_sector, review_date, outcome,
                        alternative, flagged, submitted, submitted_at, created_at, updated_at, version,
                        first_of_day, ward, specialty, age_band, stay_days)
                    VALUES (?, ?, ?, ?, 'HOSPITAL', ?, ?, ?, FALSE, TRUE, ?, ?, ?, 0, TRUE, ?, ?, ?, ?)""");
                    PreparedStatement criterion = c.prepareStatement(
                            "INSERT INTO review_criterion (review_id, code) VALUES (?, ?)");
                    PreparedStatement reason = c.prepareStatement(
                            "INSERT INTO review_reason (review_id, code) VALUES (?, ?)")) {
                for (long caseId = cases.take(); caseId >= 0; caseId = cases.take()) {
                    long t0 = System.nanoTime();
                    // A transaction MariaDB chose as a deadlock victim is rolled back and tried again.
                    while (true) {
                        try {
                            writeReview(c, review, criterion, reason, rows.get(caseId), caseId, audit, reviewer, date);
                            c.commit();
                            break;
                        } catch (SQLTransactionRollbackException e) {
                            c.rollback();
                            retries.incrementAndGet();
                        }
                    }
                    mine[n++] = System.nanoTime() - t0;
                    run.acknowledged();
                }
            } catch (SQLException e) {
                run.failed(e.toString());
            }
            return Arrays.copyOf(mine, n);
        });
        for (Connection c : connections) {
            c.close();
        }
        if (retries.get() > 0) {
            System.err.println("JDBC transactions retried after a deadlock: " + retries.get());
        }
    }

    static void writeReview(Connection c, PreparedStatement review, PreparedStatement criterion,
            PreparedStatement reason, CaseRow row, long caseId, long audit, long reviewer, LocalDate date)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        boolean qualifies = qualifies(caseId);
        review.setString(1, id);
        review.setLong(2, audit);
        review.setLong(3, caseId);
        review.setLong(4, reviewer);
        review.setDate(5, Date.valueOf(date));
        review.setString(6, qualifies ? "QUALIFIES" : "DOES_NOT_QUALIFY");
        review.setString(7, qualifies ? null : "P1");
        review.setTimestamp(8, now);
        review.setTimestamp(9, now);
        review.setTimestamp(10, now);
        review.setString(11, row.ward());
        review.setString(12, row.specialty());
        review.setString(13, row.ageBand());
        review.setLong(14, ChronoUnit.DAYS.between(row.admitted(), date));
        review.executeUpdate();
        if (qualifies) {
            for (String code : List.of("MED-01", "NUR-02")) {
                criterion.setString(1, id);
                criterion.setString(2, code);
                criterion.addBatch();
            }
            criterion.executeBatch();
        } else {
            reason.setString(1, id);
            reason.setString(2, "HP-TESTS");
            reason.executeUpdate();
        }
    }

    static Connection connect(Map<String, String> o) throws SQLException {
        return DriverManager.getConnection(o.get("url"), o.get("dbuser"), o.getOrDefault("dbpassword", ""));
    }

    /**
     * One timed run: a thread per client, each returning the times of the requests it made; the
     * wall time runs from the first thread's start to the last one's end. Prints the figures.
     */
    static final class Run {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        private final Counters counters;
        private volatile String firstError;

        /** A run whose statements are counted on the database server by {@code counters} (null: not counted). */
        Run(Counters counters) {
            this.counters = counters;
        }

        void acknowledged() {
            done.incrementAndGet();
        }

        void failed(String why) {
            errors.incrementAndGet();
            firstError = why;
        }

        void timeClients(int clients, IntFunction<long[]> client) throws InterruptedException {
            long[][] latencies = new long[clients][];
            List<Thread> threads = new ArrayList<>();
            Counters.Reading before = counters == null ? null : counters.read();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int slot = c;
                Thread thread = new Thread(() -> latencies[slot] = client.apply(slot));
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String counted = "";
            if (counters != null) {
                Counters.Reading moved = counters.read().since(before);
                int reviews = Math.max(1, done.get());
                counted = String.format(Locale.ROOT, " statements=%.2f control=%.2f commits=%.2f", 
                        (double) moved.statements() / reviews, (double) moved.control() / reviews,
                        (double) moved.commits() / reviews);
                counters.close();
            }
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT, "reviews=%d seconds=%.2f rate=%.0f p50=%.1f p99=%.1f errors=%d%s%n",
                    done.get(), seconds, done.get() / seconds, percentile(all, 0.50), percentile(all, 0.99),
                    errors.get(), counted);
            if (firstError != null) {
                System.err.println("first error: " + firstError);
            }
        }
    }


    // ---- statements counted on the server ----------------------------------------------------

    /**
     * What the database server was asked during a run, from its own counters (GLOBAL status, so
     * every client of the server counts: run the benchmark on a server nothing else uses; an idle
     * second is measured first and its statements reported on stderr). {@code Questions} counts
     * every statement a client sent (not those run inside triggers and procedures);
     * transaction control is BEGIN, COMMIT, ROLLBACK, savepoints and SET statements (the
     * autocommit switches), counted apart. The reading's own statement is taken off.
     */
    static final class Counters implements AutoCloseable {
        static final List<String> CONTROL = List.of("Com_begin", "Com_commit", "Com_rollback", "Com_set_option",
                "Com_savepoint", "Com_release_savepoint", "Com_rollback_to_savepoint");
        private final Connection connection;

        record Reading(long questions, long control, long commits) {
            /** What moved since an earlier reading, less this reading's own statement. */
            Reading since(Reading before) {
                return new Reading(questions - before.questions - 1, control - before.control,
                        commits - before.commits);
            }

            long statements() {
                return questions - control;
            }
        }

        private Counters(Connection connection) {
            this.connection = connection;
        }

        /** Counters on the server of {@code url=}, or null when the run was given none. */
        static Counters of(Map<String, String> o) throws SQLException, InterruptedException {
            if (o.get("url") == null) {
                return null;
            }
            Counters counters = new Counters(connect(o));
            Reading before = counters.read();
            Thread.sleep(1000);
            Reading idle = counters.read().since(before);
            if (idle.questions() > 0) {
                System.err.println("the database server took " + idle.questions() + " statements from other clients"
                        + " in an idle second: the statement counts include them");
            }
            return counters;
        }

        Reading read() {
            try (var s = connection.createStatement(); var r = s.executeQuery(
                    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', '" + String.join("', '", CONTROL) + "')")) {
                long questions = 0;
                long control = 0;
                long commits = 0;
                while (r.next()) {
                    String name = r.getString(1);
                    long value = r.getLong(2);
                    if (name.equalsIgnoreCase("Questions")) {
                        questions = value;
                    } else {
                        control += value;
                        if (name.equalsIgnoreCase("Com_commit")) {
                            commits = value;
                        }
                    }
                }
                return new Reading(questions, control, commits);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the server's status counters", e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // the figures are printed; a failed close changes none of them
            }
        }
    }

    /** The q-th percentile of sorted nanosecond figures, in milliseconds (nearest rank). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    // ---- read --------------------------------------------------------------------------------

    static void read(Map<String, String> o) throws Exception {
        String base = o.get("base");
        String audit = o.get("audit");
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (o.get("user") + ":" + o.get("password")).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder line = new StringBuilder();
        try (Connection c = connect(o)) {
            for (String what : List.of("summary", "agreement")) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/audits/" + audit + "/" + what))
                        .header("Authorization", basic).build();
                long[] viaHttp = times(runs, () -> {
                    HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(what + " answered " + answer.statusCode() + ": "
                                + answer.body());
                    }
                });
                List<String> statements = what.equals("summary")
                        ? List.of(DailySummary.marginsSql(false), DailySummary.placesAndReasonsSql(false),
                                DailySummary.overrideSql(false), DailySummary.agreedSql(false))
                        : List.of(Agreement.pairsSql(false));
                long[] direct = times(runs, () -> {
                    for (String statement : statements) {
                        try (var s = c.createStatement();
                                var r = s.executeQuery(statement.replace(":audit", audit).replace(":date", "NULL"))) {
                            while (r.next()) {
                                r.getObject(1);
                            }
                        }
                    }
                });
                line.append(String.format(Locale.ROOT, "%s_http_p50=%.1f %s_http_p95=%.1f %s_sql_p50=%.1f"
                        + " %s_sql_p95=%.1f ", what, percentile(viaHttp, 0.5), what, percentile(viaHttp, 0.95), what,
                        percentile(direct, 0.5), what, percentile(direct, 0.95)));
            }
        }
        System.out.println(line.toString().trim());
    }

    interface Call {
        void run() throws Exception;
    }

    /** Three calls to warm up, then {@code runs} timed calls, sorted. */
    static long[] times(int runs, Call call) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }
}
