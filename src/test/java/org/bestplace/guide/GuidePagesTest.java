package org.bestplace.guide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.bestplace.MovableClock;
import org.bestplace.Pages;
import org.bestplace.TestAudit;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guide shows the method's eight steps, and for an audit how far it has got with each, from its own data. */
@QuarkusTest
class GuidePagesTest {

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
    void anAuditsGuideFollowsItsTeamCollectionAndDebriefs() {
        TestAudit audit = TestAudit.create();
        Pages.Session lead = Pages.signIn(audit.lead(), Api.PASSWORD);
        String before = lead.page("/audits/" + audit.id() + "/guide");
        assertStep(before, "question", "done", "the team has 3 of 3 organisations.");
        assertStep(before, "criteria", "done", Api.SET_ID + " " + Api.SET_VERSION + " is ratified");
        assertStep(before, "training", "to do", "0 of 2 reviewers meet the readiness rule (at least 10 training cases,"
                + " kappa at least 0.6, agreement at least 80%).");
        assertStep(before, "collect", "under way", "The audit is collecting: 0 patients registered, 0 reviews written.");
        assertStep(before, "debrief", "to do", "0 of 10 audit days so far signed off by the chair.");
        assertStep(before, "brief", "to do", "0 exports of the results made so far.");
        assertStep(before, "reaudit", "to do", "An administrator sets one up.");
        assertStep(before, "act", "to do", "0 actions in the action register.");

        var cases = audit.dayOfReviews(Api.day(10));
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/2026-11-10/opening").then()
                .statusCode(200);
        for (String caseId : cases.subList(0, 1)) {
            Api.as(audit.chair()).body(Map.of("caseId", caseId, "outcome", "QUALIFIES", "reason", "Settled"))
                    .post("/api/audits/" + audit.id() + "/debriefs/2026-11-10/decisions").then().statusCode(201);
        }
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/2026-11-10/sign-off").then()
                .statusCode(200);

        String after = lead.page("/audits/" + audit.id() + "/guide");
        assertStep(after, "collect", "under way", "The audit is collecting: 4 patients registered, 5 reviews written.");
        assertStep(after, "debrief", "under way", "1 of 10 audit days so far signed off by the chair.");
        assertTrue(after.contains("href=\"/audits/" + audit.id() + "/debriefs/2026-11-10\""), after);
        Map<String, Object> action = new java.util.HashMap<>(Map.of("title", "Weekend scans", "finding",
                "Tests wait for Monday", "ownerSector", "HOSPITAL", "owner", "Radiology lead", "dueDate", "2026-11-30"));
        action.put("reasonCodes", java.util.List.of("HP-TESTS"));
        Api.as(audit.chair()).body(action).post("/api/audits/" + audit.id() + "/actions").then().statusCode(201);
        String acting = lead.page("/audits/" + audit.id() + "/guide");
        assertStep(acting, "act", "under way", "1 action in the action register, 1 still open or in progress.");
        assertTrue(acting.contains("href=\"/audits/" + audit.id() + "/actions\""), acting);
    }

    @Test
    void aPlannedAuditWithoutATeamHasItsFirstStepsToDo() {
        String audit = Api.asAdmin().body(Api.auditBody("Guide audit " + UUID.randomUUID())).post("/api/audits")
                .then().statusCode(201).extract().path("id");
        String page = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD).page("/audits/" + audit + "/guide");
        assertStep(page, "question", "under way", "the team has 0 of 3 organisations (missing: COMMISSIONER,"
                + " COMMUNITY, HOSPITAL).");
        assertStep(page, "collect", "to do", "The audit is planned");
        assertStep(page, "reaudit", "to do", "No later audit of Test General Hospital yet.");
        assertTrue(page.contains("href=\"/audits/new\""), "an administrator is offered a new audit: " + page);
    }

    @Test
    void theGeneralGuideListsTheStepsWithoutProgressAndOffersOnlyWhatTheReaderMayDo() {
        TestAudit audit = TestAudit.create();
        String reviewer = Pages.signIn(audit.hospital(), Api.PASSWORD).page("/guide");
        assertTrue(reviewer.contains("Agree the question across the three organisations"), reviewer);
        assertTrue(reviewer.contains("Audit again"), reviewer);
        assertFalse(reviewer.contains("class=\"progress"), "no audit, no progress: " + reviewer);
        assertFalse(reviewer.contains("/audits/new"), "a reviewer is not offered a new audit: " + reviewer);
        String admin = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD).page("/guide");
        assertTrue(admin.contains("href=\"/audits/new\""), admin);
    }

    @Test
    void someoneOffTheTeamDoesNotSeeAnAuditsGuide() {
        TestAudit audit = TestAudit.create();
        TestAudit other = TestAudit.create();
        Pages.signIn(other.hospital(), Api.PASSWORD).request().accept("text/html")
                .get("/audits/" + audit.id() + "/guide").then().statusCode(404);
    }

    private static final Pattern STEP = Pattern.compile("<li id=\"([a-z]+)\" class=\"guide-step\">(.*?)</li>",
            Pattern.DOTALL);

    private static void assertStep(String page, String anchor, String progress, String standing) {
        Matcher step = STEP.matcher(page);
        while (step.find()) {
            if (step.group(1).equals(anchor)) {
                String body = step.group(2);
                assertTrue(body.contains(">" + progress + "</span>"), anchor + " should be " + progress + ": " + body);
                assertTrue(body.contains(standing), anchor + " should say '" + standing + "': " + body);
                return;
            }
        }
        throw new AssertionError("no step " + anchor + " on " + page);
    }
}
