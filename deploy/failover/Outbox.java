import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load client that behaves like the tablets' outbox: every review gets a UUID made here and is
 * sent with the idempotent PUT of the ward pages, with the signed-in session cookie and the
 * anti-forgery header. An item that gets no answer, a connection error, a 5xx or a sign-in
 * redirect is sent again, with the same UUID and body, until the service acknowledges it (2xx);
 * a 4xx refusal is kept aside, as the outbox keeps it for the reviewer.
 *
 * <pre>
 * java deploy/failover/Outbox.java BASE AUDIT USER PASSWORD REVIEWS SENDERS MARK_FRACTION MARK_FILE OUT_SQL
 * </pre>
 *
 * Cases are registered first through the JSON API (HTTP Basic); each review then goes to one case
 * on one day of the audit, so every review is a distinct case-day. When MARK_FRACTION of the
 * reviews are acknowledged, MARK_FILE is created: the failover script kills an instance then.
 * OUT_SQL receives the stream (UUID, case, day, acknowledged, attempts) as SQL for the counts;
 * the last line on stdout is the client's own tally as key=value pairs.
 */
public class Outbox {

    static final LocalDate AUDIT_START = LocalDate.parse("2026-10-01");
    static final int AUDIT_DAYS = 30;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    static final Pattern CASE_ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");
    /** The service's 409 for a race lost after its own retries: nothing was stored, and the same send may be made again. */
    static final String LOST_RACE = "at the same time; try again";

    record Item(String id, String caseId, LocalDate day, String body) {
    }

    /** What happened to one item: acknowledged or not, after how many attempts, and the last answer. */
    record Outcome(Item item, boolean acknowledged, boolean refused, int attempts, String last) {
    }

    final String base;
    final String audit;
    final String user;
    final String password;
    final HttpClient http;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final LongAdder attempts = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder signInRedirects = new LongAdder();
    /** 409s for a write that lost a race to another at the same moment ("try again"), sent again. */
    final LongAdder conflicts = new LongAdder();
    final LongAdder registrationConflicts = new LongAdder();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Map<String, LongAdder> upstreams = new ConcurrentHashMap<>();
    final AtomicInteger acknowledged = new AtomicInteger();

    Outbox(String base, String audit, String user, String password) {
        this.base = base;
        this.audit = audit;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: java Outbox.java BASE AUDIT USER PASSWORD REVIEWS SENDERS MARK_FRACTION"
                    + " MARK_FILE OUT_SQL");
            System.exit(2);
        }
        Outbox outbox = new Outbox(args[0], args[1], args[2], args[3]);
        int reviews = Integer.parseInt(args[4]);
        int senders = Integer.parseInt(args[5]);
        double markFraction = Double.parseDouble(args[6]);
        Path markFile = Path.of(args[7]);
        Path outSql = Path.of(args[8]);

        outbox.signIn();
        int caseCount = (reviews + AUDIT_DAYS - 1) / AUDIT_DAYS;
        List<String> cases = outbox.registerCases(caseCount, senders);
        System.out.printf("registered %d cases; sending %d reviews with %d senders%n", cases.size(), reviews,
                senders);
        List<Item> items = new ArrayList<>(reviews);
        for (int i = 0; i < reviews; i++) {
            // Neighbouring items go to different cases, so the senders seldom wait on one case's lock.
            items.add(item(cases.get(i % caseCount), AUDIT_START.plusDays(i / caseCount), i));
        }
        List<Outcome> outcomes = outbox.stream(items, senders, (int) Math.ceil(reviews * markFraction), markFile);
        outbox.write(outSql, outcomes);
        outbox.tally(outcomes);
    }

    /** Signs in with the form, as a browser does, and fetches a page to be given the anti-forgery cookie. */
    void signIn() throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302 || cookie("quarkus-credential") == null) {
            throw new IllegalStateException("sign-in failed: " + signIn.statusCode());
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/audits/" + audit)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || csrf() == null) {
            throw new IllegalStateException("the audit home did not answer with a page and a token: "
                    + page.statusCode());
        }
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    String csrf() {
        return cookie("bestplace-csrf");
    }

    /** Registers the cases through the API, several at a time; each registration is made once, before any failure. */
    List<String> registerCases(int count, int senders) throws InterruptedException {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < senders; t++) {
            threads.add(started(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String body = "{\"ward\":\"Ward " + (char) ('A' + i % 4) + "\",\"specialty\":\"General medicine\","
                            + "\"ageBand\":\"75-84\",\"sex\":\"" + (i % 2 == 0 ? "FEMALE" : "MALE") + "\","
                            + "\"admissionDate\":\"" + AUDIT_START.minusDays(3) + "\"}";
                    try {
                        HttpResponse<String> answer = register(auth, body);
                        // A registration that lost a race is sent again, as the reviewer would.
                        for (int again = 0; again < 20 && answer.statusCode() == 409
                                && answer.body().contains(LOST_RACE); again++) {
                            registrationConflicts.increment();
                            Thread.sleep(100 + 50L * again);
                            answer = register(auth, body);
                        }
                        Matcher id = CASE_ID.matcher(answer.body());
                        if (answer.statusCode() != 201 || !id.find()) {
                            failures.add(answer.statusCode() + " " + answer.body());
                            return;
                        }
                        ids[i] = id.group(1);
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("case registration failed: " + failures.peek());
        }
        return List.of(ids);
    }

    HttpResponse<String> register(String auth, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/audits/" + audit + "/cases"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One review: every other one qualifies on a criterion, the rest do not and name a place and a reason. */
    static Item item(String caseId, LocalDate day, int i) {
        String content = i % 2 == 0
                ? "\"criteriaMet\":[\"MED-01\"]"
                : "\"criteriaMet\":[],\"alternative\":\"P1\",\"reasons\":[\"HP-TESTS\"]";
        String body = "{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"" + day + "\"," + content
                + ",\"note\":\"failover stream " + i + "\",\"submitted\":true}";
        return new Item(UUID.randomUUID().toString(), caseId, day, body);
    }

    List<Outcome> stream(List<Item> items, int senders, int mark, Path markFile) throws InterruptedException {
        ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>(items);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < senders; t++) {
            threads.add(started(() -> {
                for (Item item = queue.poll(); item != null; item = queue.poll()) {
                    Outcome outcome = send(item);
                    outcomes.add(outcome);
                    if (outcome.acknowledged()) {
                        int done = acknowledged.incrementAndGet();
                        if (done == mark) {
                            System.out.printf("%d acknowledged: marking %s%n", done, markFile);
                            try {
                                Files.writeString(markFile, String.valueOf(done));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        if (done % 1000 == 0) {
                            System.out.printf("%d acknowledged after %.1f s%n", done,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("stream done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return List.copyOf(outcomes);
    }

    /** Sends one item until it is acknowledged, refused, or older than {@link #GIVE_UP_AFTER}. */
    Outcome send(Item item) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int tries = 0;
        String last = "";
        long pause = 50;
        while (System.nanoTime() < deadline) {
            tries++;
            attempts.increment();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/audits/" + audit + "/reviews/" + item.id()))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("X-CSRF-Token", csrf()).timeout(REQUEST_TIMEOUT)
                        .PUT(HttpRequest.BodyPublishers.ofString(item.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                // nginx lists every instance it tried: "A, B" means A failed and B answered.
                answer.headers().firstValue("X-Failover-Upstream").map(u -> u.replace(", ", "->"))
                        .ifPresent(u -> upstreams.computeIfAbsent(u, k -> new LongAdder()).increment());
                last = String.valueOf(status);
                if (status == 200 || status == 201) {
                    return new Outcome(item, true, false, tries, last);
                }
                if (status >= 300 && status < 400 || status == 401) {
                    signInRedirects.increment();
                } else if (status == 409 && answer.body().contains(LOST_RACE)) {
                    // Lost a race after the service's own retries; nothing was stored: sent again.
                    conflicts.increment();
                } else if (status >= 400 && status < 500) {
                    last = status + " " + answer.body();
                    return new Outcome(item, false, true, tries, last);
                }
            } catch (HttpTimeoutException e) {
                timeouts.increment();
                last = "timeout";
            } catch (IOException e) {
                connectionErrors.increment();
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, 1000);
        }
        return new Outcome(item, false, false, tries, last);
    }

    /** The stream as a table in the scratch database, so the counts are made by SQL against the reviews. */
    void write(Path outSql, List<Outcome> outcomes) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(outSql))) {
            out.println("DROP TABLE IF EXISTS failover_stream;");
            out.println("CREATE TABLE failover_stream (id CHAR(36) PRIMARY KEY, case_id BIGINT NOT NULL,"
                    + " review_date DATE NOT NULL, acknowledged BOOLEAN NOT NULL, attempts INT NOT NULL)"
                    + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;");
            for (int from = 0; from < outcomes.size(); from += 500) {
                List<String> rows = new ArrayList<>();
                for (Outcome o : outcomes.subList(from, Math.min(from + 500, outcomes.size()))) {
                    rows.add("('" + o.item().id() + "'," + o.item().caseId() + ",'" + o.item().day() + "',"
                            + o.acknowledged() + "," + o.attempts() + ")");
                }
                out.println("INSERT INTO failover_stream VALUES " + String.join(",", rows) + ";");
            }
        }
    }

    void tally(List<Outcome> outcomes) {
        long acked = outcomes.stream().filter(Outcome::acknowledged).count();
        long refused = outcomes.stream().filter(Outcome::refused).count();
        long retries = attempts.sum() - outcomes.size();
        outcomes.stream().filter(o -> o.refused() || !o.acknowledged()).limit(5)
                .forEach(o -> System.out.println("not acknowledged: " + o.item().id() + " " + o.last()));
        Map<String, Long> answers = new TreeMap<>();
        statuses.forEach((status, n) -> answers.put(String.valueOf(status), n.sum()));
        Map<String, Long> served = new TreeMap<>();
        upstreams.forEach((upstream, n) -> served.put(upstream, n.sum()));
        System.out.println("answers by status: " + answers + "; answers by instance: " + served);
        long passedOn = upstreams.entrySet().stream().filter(e -> e.getKey().contains("->"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("TALLY sent=%d acknowledged=%d refused=%d unacknowledged=%d attempts=%d retries=%d"
                        + " repeats=%d passed_on=%d connection_errors=%d timeouts=%d sign_in_redirects=%d"
                        + " server_errors=%d conflicts=%d registration_conflicts=%d%n",
                outcomes.size(), acked, refused, outcomes.size() - acked - refused, attempts.sum(), retries,
                statuses.getOrDefault(200, new LongAdder()).sum(), passedOn,
                connectionErrors.sum(), timeouts.sum(), signInRedirects.sum(),
                statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().sum())
                        .sum(), conflicts.sum(), registrationConflicts.sum());
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
