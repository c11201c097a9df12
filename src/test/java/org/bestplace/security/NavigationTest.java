package org.bestplace.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.bestplace.MovableClock;
import org.bestplace.Pages;
import org.bestplace.TestAudit;
import org.bestplace.TestDatabase;
import org.bestplace.security.RouteAccessTest.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page a person may use is reachable by links from the start page, and no link offers a page
 * they may not use. For each kind of caller the test follows every link from {@code /} (staying on
 * its own audit), and compares the pages it reached with the pages the route walk's table allows
 * that caller.
 */
@QuarkusTest
class NavigationTest {

    /** Pages allowed but not meant to be reached by a link, and why. */
    private static final Map<String, String> NOT_LINKED = Map.of(
            "GET /login", "the sign-in page, which a signed-in person does not need",
            "GET /logout", "signing out ends the walk's session; the layout's link is checked by the session tests",
            "GET /login/oidc", "only with an identity provider switched on",
            "GET /criteria-set.schema.json", "for editors; linked from the README",
            "GET /audits/{auditId}/wards/{ward}/new-case-review", "kept by the tablet's service worker, never a link");

    /** Pages a caller may open but is rightly not offered: the ward list offers a review only to reviewers. */
    private static final Map<Caller, Set<String>> NOT_OFFERED = Map.of(
            Caller.ADMIN, Set.of("GET /audits/{auditId}/cases/{caseId}/review"),
            Caller.LEAD, Set.of("GET /audits/{auditId}/cases/{caseId}/review"),
            Caller.CHAIR, Set.of("GET /audits/{auditId}/cases/{caseId}/review"),
            Caller.COMMISSIONER, Set.of("GET /audits/{auditId}/cases/{caseId}/review"));

    /**
     * Pages the route walk's table keeps from a caller because its audit uses no criteria set of theirs,
     * which this walk's caller may use: the lead of an audit writes and exports its set's training cases.
     */
    private static final Map<Caller, Set<String>> ALSO_ALLOWED_HERE = Map.of(Caller.LEAD, Set.of(
            "GET /criteria-sets/{id}/{version}/training-cases/new",
            "GET /criteria-sets/{id}/{version}/training-cases/export.yaml"));

    private static final String VERSION_ONE = "version: \"1\"";

    private static final Pattern LINK = Pattern.compile("<a [^>]*href=\"(/[^\"#]*)");

    @Inject
    MovableClock clock;

    @BeforeEach
    void tenthOfNovember() {
        clock.set(Instant.parse("2026-11-10T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void everyPageIsReachableByLinksForThoseAllowedAndNoLinkIsRefused() {
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(Api.day(10));
        // A set with two versions, so a set's page offers what changed between them.
        String setId = "navigation-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = org.bestplace.criteria.CriteriaApiTest.set(setId);
        Api.uploadYaml("admin", first).statusCode(201);
        Api.uploadYaml("admin", first.replace(VERSION_ONE, "version: \"2\"").replace("Needs oxygen",
                "Needs oxygen to keep saturations up")).statusCode(201);
        // A submitted review changed after the chair opened the day, so the debrief links its history.
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        String reviewId = java.util.UUID.randomUUID().toString();
        Map<String, Object> review = new java.util.HashMap<>(Api.submittedReview(caseId, true, Api.firstCriterion()));
        review.put("reviewDate", "2026-11-10");
        Api.putReview(audit.id(), audit.hospital(), reviewId, review).statusCode(201);
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/2026-11-10/opening").then()
                .statusCode(200);
        review.put("criteriaMet", List.of());
        review.put("alternative", "P1");
        review.put("reasons", List.of("HP-TESTS"));
        review.put("changeReason", "Read the drug chart again");
        Api.putReview(audit.id(), audit.hospital(), reviewId, review).statusCode(200);
        // An action on the register, so its page is linked.
        Api.as(audit.chair()).body(Map.of("title", "Daily board round for test results", "finding",
                "Waiting for tests on the day", "reasonCodes", List.of("HP-TESTS"), "ownerSector", "HOSPITAL",
                "owner", "Test chair", "dueDate", "2026-11-30")).post("/api/audits/" + audit.id() + "/actions")
                .then().statusCode(201);
        // A programme of the audit, so its commissioner (and the administrator) reach its page.
        Api.asAdmin().body(Map.of("title", "Navigation programme", "auditIds", List.of(audit.id())))
                .post("/api/programmes").then().statusCode(201);
        Map<Caller, String> callers = new LinkedHashMap<>();
        callers.put(Caller.ADMIN, "admin");
        callers.put(Caller.LEAD, audit.lead());
        callers.put(Caller.CHAIR, audit.chair());
        callers.put(Caller.COMMISSIONER, audit.commissioner());
        callers.put(Caller.REVIEWER, audit.hospital());

        Map<String, RouteAccessTest.Rule> rules = RouteAccessTest.rules();
        StringBuilder wrong = new StringBuilder();
        for (var caller : callers.entrySet()) {
            String password = caller.getKey() == Caller.ADMIN ? TestDatabase.ADMIN_PASSWORD : Api.PASSWORD;
            Pages.Session session = Pages.signIn(caller.getValue(), password);
            Set<String> reached = new TreeSet<>();
            Set<String> refused = new TreeSet<>();
            walk(session, audit.id(), "/criteria-sets/" + setId + "/", rules.keySet(), reached, refused);
            Set<String> expected = new TreeSet<>();
            rules.forEach((route, rule) -> {
                if (route.startsWith("GET /") && !route.startsWith("GET /api/") && rule.allowed().contains(caller.getKey())
                        && !NOT_LINKED.containsKey(route)) {
                    expected.add(route);
                }
            });
            expected.addAll(ALSO_ALLOWED_HERE.getOrDefault(caller.getKey(), Set.of()));
            expected.removeAll(NOT_OFFERED.getOrDefault(caller.getKey(), Set.of()));
            Set<String> unreached = new TreeSet<>(expected);
            unreached.removeAll(reached);
            Set<String> offeredNotAllowed = new TreeSet<>(reached);
            offeredNotAllowed.removeAll(expected);
            offeredNotAllowed.removeAll(NOT_LINKED.keySet());
            System.out.println("navigation: " + caller.getKey() + " reached " + reached.size() + " of "
                    + expected.size() + " pages by links");
            if (!unreached.isEmpty()) {
                wrong.append(caller.getKey()).append(" cannot reach ").append(unreached).append('\n');
            }
            if (!offeredNotAllowed.isEmpty()) {
                wrong.append(caller.getKey()).append(" is offered ").append(offeredNotAllowed).append('\n');
            }
            if (!refused.isEmpty()) {
                wrong.append(caller.getKey()).append(" follows links that are refused: ").append(refused).append('\n');
            }
        }
        assertEquals("", wrong.toString());
    }

    /** Follows every link from the start page that stays on the service and on this audit. */
    private static void walk(Pages.Session session, String auditId, String ours, Set<String> routes,
            Set<String> reached, Set<String> refused) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> perRoute = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            String route = routeOf(path, routes);
            if (route == null) {
                refused.add(path + " (no such page)");
                continue;
            }
            // A few of each kind is enough: thirty debrief days or sixty cases say nothing more.
            if (perRoute.merge(route, 1, Integer::sum) > 3 && !path.contains(ours)) {
                continue;
            }
            Response answer = session.request().urlEncodingEnabled(false).redirects().follow(false).accept("*/*").get(path);
            if (answer.statusCode() != 200) {
                refused.add(path + " " + answer.statusCode());
                continue;
            }
            reached.add(route);
            String type = answer.contentType();
            if (type == null || !type.startsWith("text/html")) {
                continue;
            }
            Matcher link = LINK.matcher(answer.asString());
            while (link.find()) {
                String next = link.group(1).replace("&amp;", "&");
                if (next.startsWith("/logout") || next.startsWith("/static/")) {
                    continue;
                }
                Matcher audit = Pattern.compile("^/(?:api/)?audits/(\\d+)").matcher(next);
                if (audit.find() && !audit.group(1).equals(auditId)) {
                    continue; // other audits are other tests' data, and the demo's
                }
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
    }

    /** The route template a path answers to, the most literal one when several match. */
    static String routeOf(String path, Set<String> routes) {
        String bare = path.replaceAll("\\?.*$", "");
        String best = null;
        int bestLiterals = -1;
        for (String route : routes) {
            if (!route.startsWith("GET ")) {
                continue;
            }
            String template = route.substring(4);
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q");
            if (bare.matches(regex)) {
                int literals = template.replaceAll("\\{[^}]+\\}", "").length();
                if (literals > bestLiterals) {
                    best = route;
                    bestLiterals = literals;
                }
            }
        }
        return best;
    }
}
