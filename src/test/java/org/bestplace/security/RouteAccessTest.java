package org.bestplace.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.bestplace.criteria.CriteriaApiTest;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.Test;

/**
 * Walks every route in the service's own OpenAPI document with every kind of caller and checks
 * the answer against the table below. A route the table does not name fails the test, so a new
 * endpoint cannot arrive without someone deciding who may use it.
 */
@QuarkusTest
class RouteAccessTest {

    /** The callers: an administrator, the four team roles of one audit, and a user on another audit. */
    enum Caller {
        ADMIN, LEAD, CHAIR, COMMISSIONER, REVIEWER, OUTSIDER
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> TEAM = EnumSet.of(Caller.ADMIN, Caller.LEAD, Caller.CHAIR, Caller.COMMISSIONER,
            Caller.REVIEWER);

    /**
     * Who may use a route; everyone else gets {@code refused}: 403 for a caller on the audit (or
     * for a service-wide route), while a caller not on the audit gets 404 for an audit's route.
     * {@code body} is sent with a write; {@code {case}}, {@code {audit}} and the like are filled in.
     */
    record Rule(Set<Caller> allowed, String query, String contentType, String body) {
    }

    private static Rule rule(Set<Caller> allowed) {
        return new Rule(allowed, "", null, null);
    }

    private static Rule json(Set<Caller> allowed, String body) {
        return new Rule(allowed, "", "application/json", body);
    }

    private static Rule form(Set<Caller> allowed, String body) {
        return new Rule(allowed, "", "application/x-www-form-urlencoded", body);
    }

    private static Set<Caller> only(Caller... callers) {
        return EnumSet.copyOf(List.of(callers));
    }

    private static final String ACTION = "{\"title\":\"Walk {random}\",\"finding\":\"Route walk\","
            + "\"reasonCodes\":[\"HP-TESTS\"],\"ownerSector\":\"HOSPITAL\",\"owner\":\"Walker\","
            + "\"dueDate\":\"2026-12-01\"}";

    private static final String SETUP_FORM = "title=Route+walk&question=Who+could+be+elsewhere%3F&site=Test"
            + "&ward=Ward+A&startDate=2026-11-01&endDate=2026-11-30&criteriaSet=acute-adult-day-of-care%7C1.0"
            + "&dualReviewRate=20&timeZone=Europe%2FLondon&action=save";

    private static final String REVIEW = "{\"caseId\":\"{case}\",\"reviewDate\":\"2026-11-05\",\"criteriaMet\":[],"
            + "\"alternative\":\"P1\",\"submitted\":false}";

    static Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        // Sign-in, start page and service-wide reads
        rules.put("GET /login", rule(EVERYONE));
        rules.put("GET /logout", rule(EVERYONE));
        rules.put("GET /login/oidc", rule(EVERYONE));
        rules.put("GET /", rule(EVERYONE));
        rules.put("GET /comparisons", rule(EVERYONE));
        rules.put("GET /guide", rule(EVERYONE));
        rules.put("GET /api/me", rule(EVERYONE));
        rules.put("GET /api/audits", rule(EVERYONE));
        rules.put("GET /api/criteria-sets", rule(EVERYONE));
        rules.put("GET /api/criteria-sets/{id}/{version}", rule(EVERYONE));
        rules.put("POST /api/criteria-sets/{id}/{version}/ratifications",
                json(EVERYONE, "{\"sector\":\"{sector}\"}"));
        rules.put("GET /api/activity", rule(only(Caller.ADMIN)));
        // Administration
        rules.put("GET /api/users", rule(only(Caller.ADMIN)));
        rules.put("POST /api/users", json(only(Caller.ADMIN), "{\"username\":\"u-{random}\",\"displayName\":\"New\","
                + "\"organisation\":\"Trust\",\"sector\":\"HOSPITAL\",\"roles\":[\"REVIEWER\"],"
                + "\"password\":\"a-long-enough-secret\"}"));
        rules.put("POST /api/users/{username}/deactivation", rule(only(Caller.ADMIN)));
        rules.put("POST /api/users/{username}/reactivation", rule(only(Caller.ADMIN)));
        // A wrong old password: each caller reaches the check (400) and keeps the password the walk signs in with.
        rules.put("POST /api/me/password", json(EVERYONE,
                "{\"oldPassword\":\"not-the-password\",\"newPassword\":\"another-long-secret\"}"));
        rules.put("PUT /api/users/{username}/roles", json(only(Caller.ADMIN), "{\"roles\":[\"REVIEWER\"],"
                + "\"sector\":\"HOSPITAL\"}"));
        rules.put("POST /api/users/{username}/temporary-password", json(only(Caller.ADMIN),
                "{\"password\":\"a-temporary-secret\"}"));
        // Not locked: the administrator reaches the check (409).
        rules.put("POST /api/users/{username}/unlock", rule(only(Caller.ADMIN)));
        rules.put("GET /users", rule(only(Caller.ADMIN)));
        rules.put("POST /users", form(only(Caller.ADMIN), "username=u-{random}&displayName=New&organisation=Trust"
                + "&sector=HOSPITAL&roles=REVIEWER&password=a-long-enough-secret"));
        rules.put("GET /users/{username}", rule(only(Caller.ADMIN)));
        rules.put("POST /users/{username}/roles", form(only(Caller.ADMIN), "roles=REVIEWER&sector=HOSPITAL"));
        rules.put("POST /users/{username}/temporary-password", form(only(Caller.ADMIN),
                "password=a-temporary-secret"));
        rules.put("POST /users/{username}/unlock", form(only(Caller.ADMIN), ""));
        rules.put("POST /users/{username}/deactivation", form(only(Caller.ADMIN), ""));
        rules.put("POST /users/{username}/reactivation", form(only(Caller.ADMIN), ""));
        rules.put("GET /account", rule(EVERYONE));
        rules.put("GET /account/password", rule(EVERYONE));
        rules.put("POST /account/password", form(EVERYONE,
                "oldPassword=not-the-password&newPassword=another-long-secret&repeatPassword=another-long-secret"));
        rules.put("POST /api/criteria-sets", new Rule(only(Caller.ADMIN), "", "application/yaml", "{yaml}"));
        rules.put("POST /api/criteria-sets/{id}/{version}/retirement", json(only(Caller.ADMIN),
                "{\"reason\":\"Retired by the route walk\"}"));
        // Criteria set pages: anyone signed in reads and signs for their own sector; an administrator uploads and retires
        rules.put("GET /criteria-set.schema.json", rule(EVERYONE));
        rules.put("GET /criteria-sets", rule(EVERYONE));
        rules.put("GET /criteria-sets/{id}/{version}", rule(EVERYONE));
        rules.put("GET /criteria-sets/{id}/{version}/difference", rule(EVERYONE));
        rules.put("POST /criteria-sets/{id}/{version}/ratifications", form(EVERYONE,
                "name=Route+walk&role=Tester&confirm=yes"));
        rules.put("POST /criteria-sets/{id}/{version}/retirement", form(only(Caller.ADMIN), "reason=Route+walk"));
        rules.put("GET /criteria-sets/upload", rule(only(Caller.ADMIN)));
        rules.put("POST /criteria-sets/upload", new Rule(only(Caller.ADMIN), "", "multipart/form-data", "{yaml}"));
        rules.put("POST /api/audits", json(only(Caller.ADMIN), "{auditBody}"));
        // One audit: reading
        rules.put("GET /api/audits/{auditId}", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/members", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/cases", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/reviews/{reviewId}", rule(TEAM));
        // the walk's review is the reviewer's own
        Set<Caller> history = only(Caller.ADMIN, Caller.LEAD, Caller.CHAIR, Caller.REVIEWER);
        rules.put("GET /api/audits/{auditId}/reviews/{reviewId}/history", rule(history));
        rules.put("GET /audits/{auditId}/reviews/{reviewId}/history", rule(history));
        rules.put("GET /api/audits/{auditId}/summary", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/agreement", rule(TEAM));
        // Variation across days and wards (SPC chart, funnel plot): the summary's readers
        rules.put("GET /api/audits/{auditId}/spc", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/funnel", rule(TEAM));
        Set<Caller> chair = only(Caller.ADMIN, Caller.CHAIR);
        // the walk's day is opened (by the first caller allowed) before anyone reads it
        rules.put("POST /api/audits/{auditId}/debriefs/{date}/opening", rule(chair));
        rules.put("POST /audits/{auditId}/debriefs/{date}/opening", form(chair, ""));
        rules.put("GET /api/audits/{auditId}/debriefs/{date}", rule(TEAM));
        rules.put("GET /api/audits/{auditId}/export", rule(TEAM));
        rules.put("GET /api/comparisons", new Rule(TEAM, "?a={audit}&b={audit}", null, null));
        rules.put("GET /audits/{auditId}", rule(TEAM));
        rules.put("GET /audits/{auditId}/wards/{ward}", rule(TEAM));
        rules.put("GET /audits/{auditId}/cases/{caseId}/review", rule(TEAM));
        rules.put("GET /audits/{auditId}/wards/{ward}/new-case-review", rule(TEAM));
        rules.put("GET /audits/{auditId}/debriefs/{date}", rule(TEAM));
        rules.put("GET /audits/{auditId}/debriefs/{date}/minutes", rule(TEAM));
        rules.put("GET /audits/{auditId}/debriefs/{date}/minutes.pdf", rule(TEAM));
        rules.put("GET /audits/{auditId}/results", rule(TEAM));
        rules.put("GET /audits/{auditId}/guide", rule(TEAM));
        rules.put("GET /audits/{auditId}/results/export", rule(TEAM));
        // One table of the export on its own (publication unless mode=internal, which has the export's rights)
        rules.put("GET /api/audits/{auditId}/tables/{table}.csv", rule(TEAM));
        rules.put("GET /audits/{auditId}/results/tables/{table}.csv", rule(TEAM));
        // One audit: unsuppressed figures and logs
        Set<Caller> internal = only(Caller.ADMIN, Caller.LEAD, Caller.COMMISSIONER);
        rules.put("GET /api/audits/{auditId}/measure-report", rule(internal));
        rules.put("GET /audits/{auditId}/results/measure-report", rule(internal));
        rules.put("GET /api/audits/{auditId}/exports", rule(only(Caller.ADMIN, Caller.LEAD)));
        rules.put("GET /audits/{auditId}/activity", rule(only(Caller.ADMIN, Caller.LEAD)));
        // One audit: the team and its status
        rules.put("POST /api/audits/{auditId}/members", json(only(Caller.ADMIN, Caller.LEAD),
                "{\"username\":\"{reviewer}\",\"role\":\"REVIEWER\",\"sector\":\"HOSPITAL\"}"));
        rules.put("POST /api/audits/{auditId}/status", json(only(Caller.ADMIN, Caller.LEAD),
                "{\"status\":\"COLLECTING\"}"));
        // The audit desk: the list, set-up, lifecycle and team pages, and their API
        rules.put("GET /audits", rule(EVERYONE));
        rules.put("GET /audits/new", rule(only(Caller.ADMIN)));
        rules.put("POST /audits", form(only(Caller.ADMIN), SETUP_FORM));
        Set<Caller> manages = only(Caller.ADMIN, Caller.LEAD);
        rules.put("GET /audits/{auditId}/setup", rule(manages));
        rules.put("POST /audits/{auditId}/setup", form(manages, SETUP_FORM));
        rules.put("PUT /api/audits/{auditId}", json(manages, "{auditBody}"));
        rules.put("GET /audits/{auditId}/status", rule(manages));
        rules.put("POST /audits/{auditId}/status", form(manages, "status=COLLECTING"));
        rules.put("GET /audits/{auditId}/team", rule(manages));
        rules.put("POST /audits/{auditId}/team/members", form(manages, "username={reviewer}&role=REVIEWER"));
        rules.put("POST /audits/{auditId}/team/new-member", form(manages, "username=u-{random}&displayName=New"
                + "&organisation=Trust&sector=HOSPITAL&password=a-long-enough-secret&role=REVIEWER"));
        // {member} is a teammate whose roles are set to what they are; a removal takes off someone added for it
        rules.put("POST /audits/{auditId}/team/members/{member}/roles", form(manages, "roles=REVIEWER"));
        rules.put("PUT /api/audits/{auditId}/members/{member}", json(manages, "{\"roles\":[\"REVIEWER\"]}"));
        rules.put("POST /audits/{auditId}/team/members/{member}/removal", form(manages, ""));
        rules.put("DELETE /api/audits/{auditId}/members/{member}", rule(manages));
        // One audit: cases and reviews
        Set<Caller> registers = only(Caller.ADMIN, Caller.LEAD, Caller.REVIEWER);
        rules.put("POST /api/audits/{auditId}/cases", json(registers, "{\"ward\":\"Ward A\",\"specialty\":\"Cardiology\","
                + "\"ageBand\":\"65-74\",\"sex\":\"MALE\",\"admissionDate\":\"2026-11-02\"}"));
        rules.put("POST /audits/{auditId}/cases", json(registers, "{\"registration\":{\"ward\":\"Ward A\","
                + "\"specialty\":\"Cardiology\",\"ageBand\":\"65-74\",\"sex\":\"MALE\",\"admissionDate\":\"2026-11-02\","
                + "\"clientId\":\"{random}\"}}"));
        rules.put("POST /audits/{auditId}/wards/{ward}/cases", form(registers,
                "specialty=Cardiology&ageBand=65-74&sex=MALE&admissionDate=2026-11-02"));
        Set<Caller> reviews = only(Caller.ADMIN, Caller.REVIEWER);
        rules.put("PUT /api/audits/{auditId}/reviews/{reviewId}", json(reviews, REVIEW));
        rules.put("PUT /audits/{auditId}/reviews/{reviewId}", json(reviews, REVIEW));
        rules.put("POST /audits/{auditId}/cases/{caseId}/review", form(reviews,
                "reviewId={random}&reviewDate=2026-11-05&alternative=P1&action=draft"));
        // One audit: the chair's debrief
        rules.put("PUT /api/audits/{auditId}/debriefs/{date}", json(chair, "{\"notes\":\"Discussed\"}"));
        rules.put("POST /api/audits/{auditId}/debriefs/{date}/decisions", json(chair,
                "{\"caseId\":\"{case}\",\"outcome\":\"QUALIFIES\",\"reason\":\"Agreed\"}"));
        rules.put("POST /audits/{auditId}/debriefs/{date}/decisions", form(chair,
                "caseId={case}&outcome=QUALIFIES&reason=Agreed"));
        rules.put("POST /audits/{auditId}/debriefs/{date}/record", form(chair, "attendees=&notes=Discussed&actions="));
        rules.put("POST /api/audits/{auditId}/debriefs/{date}/sign-off", rule(chair));
        rules.put("POST /audits/{auditId}/debriefs/{date}/sign-off", form(chair, "confirm=yes"));
        rules.put("POST /audits/{auditId}/debriefs/{date}/reopenings", form(only(Caller.ADMIN),
                "reason=Reopened+from+the+page"));
        rules.put("POST /api/audits/{auditId}/debriefs/{date}/reopenings", json(only(Caller.ADMIN),
                "{\"reason\":\"Reopened to check a case\"}"));
        // One audit: correcting and withdrawing a case (its registrar, the lead, an administrator); the walk's
        // case was registered by the reviewer. The withdrawal comes last of the writes about the case.
        Set<Caller> corrects = only(Caller.ADMIN, Caller.LEAD, Caller.REVIEWER);
        rules.put("GET /api/audits/{auditId}/cases/{caseId}/history", rule(TEAM));
        rules.put("GET /audits/{auditId}/cases/{caseId}/correction", rule(corrects));
        rules.put("POST /api/audits/{auditId}/cases/{caseId}/correction", json(corrects,
                "{\"ageBand\":\"{random-band}\",\"reason\":\"Age band was mistyped\"}"));
        rules.put("POST /audits/{auditId}/cases/{caseId}/correction", form(corrects,
                "ward=Ward+A&specialty=General+medicine&ageBand={random-band}&sex=FEMALE&admissionDate=2026-11-02"
                        + "&reason=Age+band+was+mistyped"));
        rules.put("POST /api/audits/{auditId}/cases/{caseId}/withdrawal", json(corrects,
                "{\"reason\":\"Registered twice\"}"));
        rules.put("POST /audits/{auditId}/cases/{caseId}/withdrawal", form(corrects, "reason=Registered+twice"));
        // Training: a criteria set's cases (the walk's set is used by no audit, so only administrators write)
        rules.put("POST /api/criteria-sets/{id}/{version}/training-cases", json(only(Caller.ADMIN),
                "{\"title\":\"Walk {random}\",\"notes\":\"Day 2\",\"reference\":{\"criteriaMet\":[\"C1\"]}}"));
        rules.put("GET /api/criteria-sets/{id}/{version}/training-cases", rule(EVERYONE));
        rules.put("GET /api/criteria-sets/{id}/{version}/training-cases.yaml", rule(only(Caller.ADMIN)));
        rules.put("PUT /api/criteria-sets/{id}/{version}/training-cases/{trainingCaseId}/answer", json(EVERYONE,
                "{\"criteriaMet\":[\"C1\"]}"));
        rules.put("GET /criteria-sets/{id}/{version}/training-cases/new", rule(only(Caller.ADMIN)));
        rules.put("GET /criteria-sets/{id}/{version}/training-cases/export.yaml", rule(only(Caller.ADMIN)));
        rules.put("POST /criteria-sets/{id}/{version}/training-cases", form(only(Caller.ADMIN),
                "title=Walk+{random}&notes=Day+2&criteriaMet=C1"));
        // Training in one audit: practice for the team, readiness for its lead (and chair, reading)
        rules.put("GET /audits/{auditId}/training", rule(TEAM));
        rules.put("GET /audits/{auditId}/training/{trainingCase}", rule(TEAM));
        rules.put("POST /audits/{auditId}/training/{trainingCase}", form(TEAM, "criteriaMet=MED-01"));
        Set<Caller> readiness = only(Caller.ADMIN, Caller.LEAD, Caller.CHAIR);
        rules.put("GET /api/audits/{auditId}/readiness", rule(readiness));
        rules.put("GET /audits/{auditId}/readiness", rule(readiness));
        Set<Caller> lead = only(Caller.ADMIN, Caller.LEAD);
        rules.put("PUT /api/audits/{auditId}/readiness-rule", json(lead,
                "{\"minCases\":10,\"minKappa\":0.6,\"minAgreement\":0.8,\"required\":false}"));
        rules.put("POST /audits/{auditId}/readiness-rule", form(lead, "minCases=10&minKappa=0.6&minAgreement=0.8"));
        rules.put("POST /api/audits/{auditId}/training-rounds", rule(lead));
        rules.put("POST /audits/{auditId}/training-rounds", form(lead, ""));
        // The action register: the whole team reads it, the chair, lead and commissioners change it
        Set<Caller> actions = only(Caller.ADMIN, Caller.LEAD, Caller.CHAIR, Caller.COMMISSIONER);
        rules.put("GET /api/audits/{auditId}/actions", rule(TEAM));
        rules.put("POST /api/audits/{auditId}/actions", json(actions, ACTION));
        rules.put("POST /api/audits/{auditId}/actions/{actionId}/updates", json(actions, "{\"note\":\"Walked\"}"));
        rules.put("GET /audits/{auditId}/actions", rule(TEAM));
        rules.put("GET /audits/{auditId}/actions/new", rule(actions));
        rules.put("POST /audits/{auditId}/actions", form(actions, "title=Walk+{random}&finding=Route+walk"
                + "&reasonCodes=HP-TESTS&ownerSector=HOSPITAL&owner=Walker&dueDate=2026-12-01"));
        rules.put("GET /audits/{auditId}/actions/{actionId}", rule(TEAM));
        rules.put("POST /audits/{auditId}/actions/{actionId}/updates", form(actions, "note=Walked"));
        // The commissioning brief: read by the team like the results; unit costs are the lead's or a commissioner's
        rules.put("GET /api/audits/{auditId}/commissioning-brief", new Rule(TEAM, "?beds=540&reasons=HP-TESTS", null,
                null));
        rules.put("GET /audits/{auditId}/brief", new Rule(TEAM, "?beds=540&reasons=HP-TESTS", null, null));
        rules.put("GET /audits/{auditId}/brief/paper", rule(TEAM));
        // A re-audit's change against the audit it repeats: read by the team, like the results
        rules.put("GET /api/audits/{auditId}/reaudit", rule(TEAM));
        rules.put("GET /audits/{auditId}/brief/paper.pdf", rule(TEAM));
        Set<Caller> costs = only(Caller.ADMIN, Caller.LEAD, Caller.COMMISSIONER);
        rules.put("PUT /api/audits/{auditId}/unit-costs", json(costs, "{\"currency\":\"GBP\",\"source\":\"Route walk\","
                + "\"acuteBedDay\":400,\"alternatives\":{\"P1\":60}}"));
        rules.put("POST /audits/{auditId}/brief/unit-costs", form(costs,
                "currency=GBP&source=Route+walk&acuteBedDay=400&alternative=P1&costPerDay=60"));
        // Programmes: an administrator makes them and their team; their leads (the walk makes the outsider the
        // lead of a programme of the walk's audit) and the commissioners on any of their audits read them
        Set<Caller> programme = only(Caller.ADMIN, Caller.COMMISSIONER, Caller.OUTSIDER);
        rules.put("GET /programmes", rule(EVERYONE));
        rules.put("GET /api/programmes", rule(EVERYONE));
        rules.put("POST /programmes", form(only(Caller.ADMIN), "title=Walk+{random}&auditIds={auditId}"));
        rules.put("POST /api/programmes", json(only(Caller.ADMIN),
                "{\"title\":\"Walk {random}\",\"auditIds\":[\"{auditId}\"]}"));
        rules.put("GET /programmes/{programmeId}", rule(programme));
        rules.put("GET /api/programmes/{programmeId}", rule(programme));
        rules.put("GET /api/programmes/{programmeId}/funnel", rule(programme));
        // The walk's programme keeps its title and its one audit, from the API and from the page's edit form
        rules.put("PUT /api/programmes/{programmeId}", json(only(Caller.ADMIN),
                "{\"title\":\"Walk programme\",\"auditIds\":[\"{auditId}\"]}"));
        rules.put("POST /programmes/{programmeId}", form(only(Caller.ADMIN), "title=Walk+programme&auditIds={auditId}"));
        // {username} joins the walk's programme, leaves it, joins again from the page and leaves from it
        rules.put("PUT /api/programmes/{programmeId}/members/{username}", json(only(Caller.ADMIN),
                "{\"role\":\"LEAD\"}"));
        rules.put("DELETE /api/programmes/{programmeId}/members/{username}", rule(only(Caller.ADMIN)));
        rules.put("POST /programmes/{programmeId}/members", form(only(Caller.ADMIN), "username={username}"));
        rules.put("POST /programmes/{programmeId}/members/{username}/removal", form(only(Caller.ADMIN), ""));
        // Last: signing out now ends the caller's session at the server, which every page after it would see.
        rules.put("GET /logout", rules.remove("GET /logout"));
        return rules;
    }

    private final Map<Caller, String> usernames = new LinkedHashMap<>();
    private final Map<Caller, String> sectors = new LinkedHashMap<>();
    private final Map<Caller, Pages.Session> sessions = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() {
        Map<String, Map<String, Object>> paths = given().auth().preemptive()
                .basic("admin", TestDatabase.ADMIN_PASSWORD).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        Map<String, Rule> rules = rules();
        Set<String> unruled = new TreeSet<>(routes);
        unruled.removeAll(rules.keySet());
        assertEquals(Set.of(), unruled, "routes with no access rule: add them to RouteAccessTest.rules()");
        Set<String> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), stale, "rules for routes the service no longer has");

        setUp();
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int requests = 0;
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            for (Caller caller : Caller.values()) {
                String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
                String template = entry.getKey().substring(method.length() + 1);
                Rule rule = entry.getValue();
                Response response = send(caller, method, template, rule);
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                if (!secureHeaders(response)) {
                    wrong.add(entry.getKey() + " as " + caller + ": security headers missing");
                }
                requests++;
                boolean auditRoute = template.contains("{auditId}") || rule.query().contains("{audit}");
                if (rule.allowed().contains(caller)) {
                    if (status == 401 || status == 403 || status == 404 || status >= 500) {
                        wrong.add(entry.getKey() + " as " + caller + ": " + status + ", expected it to be allowed");
                    }
                } else {
                    int expected = caller == Caller.OUTSIDER && auditRoute ? 404 : 403;
                    if (status != expected) {
                        wrong.add(entry.getKey() + " as " + caller + ": " + status + ", expected " + expected);
                    }
                }
            }
        }
        System.out.printf("route access: %d routes x %d callers = %d requests, %d answers wrong; statuses %s%n",
                rules.size(), Caller.values().length, requests, wrong.size(), statuses);
        assertEquals(List.of(), wrong);

        for (String status : List.of("CLOSED", "PUBLISHED")) {
            wrong.addAll(walkFinishedAudit(rules, status));
        }
        assertEquals(List.of(), wrong);
    }

    /** Why the action register still takes changes once the audit is finished (ActionApiTest checks it does). */
    private static final String REGISTER_STAYS_OPEN = "commissioners act on a finished audit's findings: the"
            + " register is where they record what was done and decided";

    /**
     * The state-changing routes that still do something on a closed or published audit, and why.
     * Every other write on such an audit answers 409.
     */
    static final Map<String, String> WORK_ON_FINISHED_AUDITS = Map.of(
            "POST /api/audits/{auditId}/status",
            "a closed audit is published, or reopened for collection with a reason; the lifecycle is its own check",
            "POST /audits/{auditId}/status", "the same lifecycle, from its page",
            "POST /audits/{auditId}/training/{trainingCase}",
            "a practice answer belongs to the criteria set's training case, not to the audit: practice goes on",
            "PUT /api/audits/{auditId}/unit-costs",
            "unit costs price the findings, they change none: a commissioner prices a published audit's brief",
            "POST /audits/{auditId}/brief/unit-costs",
            "the same unit costs, from the brief's page",
            "POST /api/audits/{auditId}/actions", REGISTER_STAYS_OPEN,
            "POST /audits/{auditId}/actions", REGISTER_STAYS_OPEN,
            "POST /api/audits/{auditId}/actions/{actionId}/updates", REGISTER_STAYS_OPEN,
            "POST /audits/{auditId}/actions/{actionId}/updates", REGISTER_STAYS_OPEN);

    /**
     * Every state-changing route of one audit, sent by each caller allowed to use it, on an audit
     * set up like the walk's own (a case, a review, an open debrief and a signed-off one) and then
     * finished: each answers 409 and says the audit is finished, and nothing it had is changed.
     */
    private List<String> walkFinishedAudit(Map<String, Rule> rules, String status) {
        Map<String, String> saved = new LinkedHashMap<>(values);
        String audit = Api.collectingAudit();
        for (Caller caller : List.of(Caller.LEAD, Caller.CHAIR, Caller.COMMISSIONER, Caller.REVIEWER)) {
            Api.member(audit, usernames.get(caller), caller == Caller.LEAD ? "LEAD" : caller.name(),
                    sectors.get(caller));
        }
        String reviewer = usernames.get(Caller.REVIEWER);
        String chair = usernames.get(Caller.CHAIR);
        String caseId = Api.registerCase(audit, reviewer);
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate",
                OPEN_DAY, "criteriaMet", List.of(), "alternative", "P1", "submitted", true)).statusCode(201);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + OPEN_DAY + "/opening").then().statusCode(200);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + SIGNED_DAY + "/opening").then().statusCode(200);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + SIGNED_DAY + "/sign-off").then().statusCode(200);
        Api.asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit + "/status").then()
                .statusCode(200);
        if (status.equals("PUBLISHED")) {
            Api.asAdmin().body(Map.of("status", "PUBLISHED")).post("/api/audits/" + audit + "/status").then()
                    .statusCode(200);
        }
        // the first walk ended by signing everyone out, which ends their sessions at the server
        for (Caller caller : Caller.values()) {
            sessions.put(caller, Pages.signIn(usernames.get(caller), Api.password(usernames.get(caller))));
        }
        values.put("{auditId}", audit);
        values.put("{audit}", audit);
        values.put("{caseId}", caseId);
        values.put("{case}", caseId);
        // a new review each time: a repeat of a stored one is answered 200 so that an outbox can settle
        values.put("{reviewId}", "{random}");
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        try {
            for (Map.Entry<String, Rule> entry : rules.entrySet()) {
                String route = entry.getKey();
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(method.length() + 1);
                if (!template.contains("{auditId}") || method.equals("GET")
                        || WORK_ON_FINISHED_AUDITS.containsKey(route)) {
                    continue;
                }
                // the reopening needs a signed-off day, the opening a day nobody has opened
                values.put("{date}", route.endsWith("/reopenings") ? SIGNED_DAY
                        : route.endsWith("/opening") ? UNOPENED_DAY : OPEN_DAY);
                for (Caller caller : Caller.values()) {
                    boolean allowed = entry.getValue().allowed().contains(caller);
                    if (!allowed || caller == Caller.OUTSIDER) {
                        continue;
                    }
                    Response response = send(caller, method, template, entry.getValue());
                    requests++;
                    if (response.statusCode() != 409 || !response.asString().contains(status)) {
                        wrong.add(route + " as " + caller + " on a " + status + " audit: " + response.statusCode()
                                + ", expected 409 naming the audit's status");
                    }
                }
            }
        } finally {
            values.clear();
            values.putAll(saved);
        }
        var day = Api.as(chair).get("/api/audits/" + audit + "/debriefs/" + OPEN_DAY).then().statusCode(200)
                .extract().jsonPath();
        if (!day.getList("decisions").isEmpty() || day.getString("notes") != null
                || day.getString("signedOffBy") != null) {
            wrong.add("the open debrief of a " + status + " audit was changed");
        }
        var signed = Api.as(chair).get("/api/audits/" + audit + "/debriefs/" + SIGNED_DAY).then().statusCode(200)
                .extract().jsonPath();
        if (signed.getString("signedOffBy") == null || !signed.getList("reopenings").isEmpty()) {
            wrong.add("the signed-off debrief of a " + status + " audit was reopened");
        }
        System.out.printf("route access on a %s audit: %d writes sent%n", status, requests);
        return wrong;
    }

    private static final java.util.concurrent.atomic.AtomicInteger BANDS = new java.util.concurrent.atomic.AtomicInteger();

    private static final String OPEN_DAY = "2026-11-03";
    private static final String SIGNED_DAY = "2026-11-04";
    private static final String UNOPENED_DAY = "2026-11-06";

    /** A CSP with no inline script and no framing, nosniff and a referrer policy, on every answer. */
    static boolean secureHeaders(Response response) {
        String csp = response.header("Content-Security-Policy");
        if (csp == null || !csp.contains("frame-ancestors 'none'")) {
            return false;
        }
        String scripts = java.util.Arrays.stream(csp.split(";")).map(String::strip)
                .filter(d -> d.startsWith("script-src")).findFirst().orElse("");
        return scripts.equals("script-src 'self'") && "nosniff".equals(response.header("X-Content-Type-Options"))
                && response.header("Referrer-Policy") != null;
    }

    private void setUp() {
        String audit = Api.collectingAudit();
        usernames.put(Caller.ADMIN, "admin");
        sectors.put(Caller.ADMIN, "HOSPITAL");
        add(Caller.LEAD, audit, "LEAD", "COMMUNITY");
        add(Caller.CHAIR, audit, "CHAIR", "HOSPITAL");
        add(Caller.COMMISSIONER, audit, "COMMISSIONER", "COMMISSIONER");
        add(Caller.REVIEWER, audit, "REVIEWER", "HOSPITAL");
        String other = Api.collectingAudit();
        add(Caller.OUTSIDER, other, "REVIEWER", "HOSPITAL");
        String reviewer = usernames.get(Caller.REVIEWER);
        String caseId = Api.registerCase(audit, reviewer);
        String reviewId = UUID.randomUUID().toString();
        Api.putReview(audit, reviewer, reviewId, Map.of("caseId", caseId, "reviewDate", "2026-11-03",
                "criteriaMet", List.of(), "alternative", "P1", "submitted", true)).statusCode(201);
        String setId = "access-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(setId)).statusCode(201);
        // a second version, for the page that compares two
        Api.uploadYaml("admin", CriteriaApiTest.set(setId).replace("version: \"1\"", "version: \"2\"")).statusCode(201);
        values.put("{auditId}", audit);
        values.put("{audit}", audit);
        values.put("{caseId}", caseId);
        values.put("{case}", caseId);
        values.put("{reviewId}", reviewId);
        values.put("{date}", "2026-11-03");
        values.put("{ward}", "Ward%20A");
        values.put("{id}", setId);
        values.put("{version}", "1");
        values.put("{reviewer}", reviewer);
        values.put("{table}", "by_ward");
        String teammate = Api.user("teammate", "HOSPITAL", "REVIEWER");
        Api.member(audit, teammate, "REVIEWER", "HOSPITAL");
        values.put("{teammate}", teammate);
        values.put("{username}", Api.user("departing", "HOSPITAL", "REVIEWER"));
        values.put("{trainingCaseId}", Api.asAdmin().body("{\"title\":\"Walk case\",\"notes\":\"Day 2\","
                + "\"reference\":{\"criteriaMet\":[\"C1\"]}}").post("/api/criteria-sets/" + setId
                + "/1/training-cases").then().statusCode(201).extract().path("id"));
        values.put("{trainingCase}", Api.asAdmin().body("{\"title\":\"Walk case " + UUID.randomUUID()
                + "\",\"notes\":\"Day 2\",\"reference\":{\"criteriaMet\":[\"MED-01\"]}}").post(
                "/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION + "/training-cases").then().statusCode(201)
                .extract().path("id"));
        values.put("{actionId}", Api.asAdmin().body(fill(ACTION)).post("/api/audits/" + audit + "/actions").then()
                .statusCode(201).extract().path("id"));
        String programme = Api.asAdmin().body(Map.of("title", "Walk programme", "auditIds", List.of(audit)))
                .post("/api/programmes").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("role", "LEAD")).put("/api/programmes/" + programme + "/members/"
                + usernames.get(Caller.OUTSIDER)).then().statusCode(200);
        values.put("{programmeId}", programme);
        for (Caller caller : Caller.values()) {
            sessions.put(caller, Pages.signIn(usernames.get(caller), Api.password(usernames.get(caller))));
        }
    }

    private void add(Caller caller, String audit, String role, String sector) {
        String username = Api.user(caller.name().toLowerCase(), sector, role.equals("LEAD") ? "REVIEWER" : role);
        Api.member(audit, username, role, sector);
        usernames.put(caller, username);
        sectors.put(caller, sector);
    }

    private Response send(Caller caller, String method, String template, Rule rule) {
        if (template.contains("{member}")) {
            boolean removal = method.equals("DELETE") || template.endsWith("/removal");
            values.put("{member}", removal ? departingMember() : values.get("{teammate}"));
        }
        String path = fill(template) + fill(rule.query());
        boolean api = template.startsWith("/api/");
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        Pages.Session session = sessions.get(caller);
        if (api) {
            request.auth().preemptive().basic(usernames.get(caller), Api.password(usernames.get(caller)));
        } else {
            request.cookie(Pages.SESSION_COOKIE, session.cookie()).cookie(CsrfToken.COOKIE, session.csrfCookie())
                    .header(CsrfToken.HEADER, session.csrfToken());
        }
        if (rule.contentType() != null) {
            String body = fill(rule.body()).replace("{sector}", sectors.get(caller));
            if (rule.contentType().equals("application/x-www-form-urlencoded")) {
                body = (body.isEmpty() ? "" : body + "&") + CsrfToken.FIELD + "=" + session.csrfToken();
            }
            if (rule.contentType().equals("multipart/form-data")) {
                request.multiPart("yaml", body).multiPart(CsrfToken.FIELD, session.csrfToken());
            } else if (rule.contentType().equals("application/x-www-form-urlencoded")) {
                request.contentType(rule.contentType()).body(body);
            } else {
                request.contentType(rule.contentType()).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } else if (!method.equals("GET")) {
            request.contentType("application/json").body("{}");
        }
        return request.request(method, path);
    }

    /** Someone just added to the walk's audit, for a removal to take off (on a finished audit, not added). */
    private String departingMember() {
        String username = Api.user("leaving", "HOSPITAL", "REVIEWER");
        Api.asAdmin().body(Map.of("username", username, "role", "REVIEWER", "sector", "HOSPITAL"))
                .post("/api/audits/" + values.get("{auditId}") + "/members");
        return username;
    }

    private String fill(String text) {
        if (text == null) {
            return "";
        }
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        if (filled.contains("{yaml}")) {
            filled = CriteriaApiTest.set("upload-" + UUID.randomUUID().toString().substring(0, 8));
        }
        if (filled.contains("{auditBody}")) {
            filled = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Api.auditBody("Route walk"))
                    .toString();
        }
        // a correction to another age band each time, so none is refused for changing nothing (and none
        // with a "+", which a form body would read as a space)
        filled = filled.replace("{random-band}", List.of("18-39", "40-64", "65-74").get(BANDS.getAndIncrement() % 3));
        return filled.replace("{random}", UUID.randomUUID().toString());
    }
}
