package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who changed a submitted review, when, why and what, read by the people who meet it: its author on
 * the tablet from the review form, the chair and the lead at a laptop from the debrief. The audit
 * keeps Berlin time, so a time shown in UTC or London time would be an hour out.
 */
@QuarkusTest
class ReviewHistoryBrowserTest {

    static final String DAY = "2026-11-12";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @BeforeEach
    void morningOfTheTwelfth() {
        clock.set(Instant.parse("2026-11-12T09:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** An audit in Berlin time with a team whose people have names of their own. */
    record Team(String audit, String chair, String lead, String commissioner, String hospital, String community,
            String caseId, String caseNumber, String reviewId) {
    }

    private static String person(String prefix, String displayName, String sector, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", username, "displayName", displayName, "organisation", "Test Trust",
                "sector", sector, "roles", List.of(role), "password", Api.PASSWORD)).post("/api/users").then()
                .statusCode(201);
        return username;
    }

    /**
     * The hospital reviewer's review, submitted at 10:00 Berlin time, the community's second review
     * at 10:05, and two changes to the first: at 11:15 ("Oxygen stopped this morning") and at 11:40.
     */
    private Team team() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Berlin audit"));
        body.put("timeZone", "Europe/Berlin");
        String audit = asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        String chair = person("chair", "Dr Clara Chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String lead = person("lead", "Lena Lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        String commissioner = person("comm", "Cora Commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(audit, commissioner, "COMMISSIONER", "COMMISSIONER");
        String hospital = person("hosp", "Hana Hospital", "HOSPITAL", "REVIEWER");
        Api.member(audit, hospital, "REVIEWER", "HOSPITAL");
        String community = person("comr", "Kai Community", "COMMUNITY", "REVIEWER");
        Api.member(audit, community, "REVIEWER", "COMMUNITY");
        Api.startCollecting(audit);
        JsonPath registered = as(hospital).body(Map.of("ward", "Ward A", "specialty", "General medicine", "ageBand",
                "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02")).post("/api/audits/" + audit + "/cases")
                .then().statusCode(201).extract().jsonPath();
        String caseId = registered.getString("id");

        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> first = review(caseId, List.of("MED-01"), null, List.of());
        first.put("note", "Seen on the morning round");
        Api.putReview(audit, hospital, reviewId, first).statusCode(201);
        clock.set(Instant.parse("2026-11-12T09:05:00Z"));
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(caseId, List.of(), "P1",
                List.of("HP-TESTS"))).statusCode(201);

        clock.set(Instant.parse("2026-11-12T10:15:40Z"));
        Map<String, Object> change = review(caseId, List.of(), "P1", List.of("HP-TESTS"));
        change.put("note", "Seen again after the ward round");
        change.put("changeReason", "Oxygen stopped this morning");
        Api.putReview(audit, hospital, reviewId, change).statusCode(200);

        clock.set(Instant.parse("2026-11-12T10:40:00Z"));
        Map<String, Object> again = review(caseId, List.of(secondCriterion()), "P1", List.of("HP-TESTS"));
        again.put("note", "Seen again after the ward round");
        again.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", "Observations are routine now"));
        again.put("flagged", true);
        again.put("changeReason", "Discussed with the nurse in charge");
        Api.putReview(audit, hospital, reviewId, again).statusCode(200);
        clock.set(Instant.parse("2026-11-12T17:00:00Z"));
        return new Team(audit, chair, lead, commissioner, hospital, community, caseId,
                registered.getString("caseNumber"), reviewId);
    }

    private static Map<String, Object> review(String caseId, List<String> criteria, String alternative,
            List<String> reasons) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", DAY);
        body.put("submitted", true);
        body.put("criteriaMet", criteria);
        body.put("reasons", reasons);
        if (alternative != null) {
            body.put("alternative", alternative);
        }
        return body;
    }

    private static String secondCriterion() {
        return Api.criteriaSet().getString("groups[1].criteria[0].code");
    }

    private static String criterionText(String code) {
        return Api.criteriaSet().getString("groups.criteria.flatten().find { it.code == '" + code + "' }.text");
    }

    private static String title(String list, String code) {
        return Api.criteriaSet().getString(list + ".find { it.code == '" + code + "' }.title");
    }

    /** Reads the history page the browser is on as a person would: each change, who, when, why, what. */
    private void assertTheHistoryReads(Page page, Team team) {
        assertEquals("History of the review of case " + team.caseNumber(), page.textContent("h1").strip());
        assertTrue(page.textContent("#review-facts").contains("Hana Hospital"), "the author by name");
        assertTrue(page.textContent("#review-facts").contains("Submitted 12 Nov 2026 10:00 CET"),
                page.textContent("#review-facts"));
        Locator changes = page.locator("article.change");
        assertEquals(2, changes.count());
        Locator first = changes.nth(0);
        assertEquals("Change 1: 12 Nov 2026 11:15 CET, by Hana Hospital", first.locator("h2").textContent().strip());
        assertTrue(first.locator(".change-reason").textContent().contains("Oxygen stopped this morning"));
        assertEquals(List.of(
                criterionText("MED-01") + " | Met | Not met",
                "Outcome | Qualifies | Does not qualify",
                "Best alternative place of care | None | " + title("alternatives", "P1"),
                "Why is the patient still in hospital? | None | " + title("reasons", "HP-TESTS"),
                "Note | Seen on the morning round | Seen again after the ward round"), rows(first));
        Locator second = changes.nth(1);
        assertEquals("Change 2: 12 Nov 2026 11:40 CET, by Hana Hospital", second.locator("h2").textContent().strip());
        assertTrue(second.locator(".change-reason").textContent().contains("Discussed with the nurse in charge"));
        assertEquals(List.of(
                criterionText(secondCriterion()) + " | Not met | Met",
                "Override | None | Does not qualify: Observations are routine now",
                "Flagged for the debrief | No | Yes"), rows(second));
        String text = page.textContent("main");
        for (String raw : List.of("MED-01", "HP-TESTS", "DOES_NOT_QUALIFY", team.hospital(), "{", "UTC")) {
            assertFalse(text.contains(raw), "the page speaks in its own words, not '" + raw + "'");
        }
        assertEquals(List.of(), Axe.seriousViolations(page));
    }

    private static List<String> rows(Locator change) {
        Locator rows = change.locator("table tbody tr");
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < rows.count(); i++) {
            Locator row = rows.nth(i);
            lines.add(row.locator("th").textContent().strip() + " | " + row.locator("td").nth(0).textContent().strip()
                    + " | " + row.locator("td").nth(1).textContent().strip());
        }
        return lines;
    }

    @Test
    void theChairAndTheLeadFollowTheDebriefsChangedReviewToItsHistory() {
        Team team = team();
        as(team.chair()).post("/api/audits/" + team.audit() + "/debriefs/" + DAY + "/opening").then()
                .statusCode(200);
        for (String who : List.of(team.chair(), team.lead())) {
            try (BrowserContext context = chromium.context(1280, 800)) {
                Page page = Chromium.signIn(context, base.toString(), who, Api.PASSWORD);
                page.navigate(base + "audits/" + team.audit() + "/debriefs/" + DAY);
                Locator links = page.locator("#case-" + team.caseId() + " .not-blind a");
                assertEquals(2, links.count(), "each change on the queue leads to the review's history");
                links.first().click();
                page.waitForURL("**/audits/" + team.audit() + "/reviews/" + team.reviewId() + "/history");
                assertTheHistoryReads(page, team);
                Chromium.screenshot(page, "review-history-" + (who.equals(team.chair()) ? "chair" : "lead"));
            }
        }
    }

    @Test
    void theAuthorOpensTheHistoryFromTheReviewFormOnTheTablet() {
        Team team = team();
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), team.hospital(), Api.PASSWORD);
            page.navigate(base + "audits/" + team.audit() + "/cases/" + team.caseId() + "/review?date=" + DAY);
            page.click("#history-link");
            page.waitForURL("**/audits/" + team.audit() + "/reviews/" + team.reviewId() + "/history");
            assertTheHistoryReads(page, team);
            Chromium.screenshot(page, "review-history-author-tablet");
            page.click("text=Back to the review");
            page.waitForURL("**/cases/" + team.caseId() + "/review?date=" + DAY);
        }
    }

    @Test
    void othersOnTheTeamAreRefusedAndOutsidersAreToldThereIsNoSuchAudit() {
        Team team = team();
        String path = "audits/" + team.audit() + "/reviews/" + team.reviewId() + "/history";
        String outsider = Api.reviewerOn(Api.collectingAudit(), "HOSPITAL");
        for (Map.Entry<String, Integer> who : Map.of(team.commissioner(), 403, team.community(), 403, outsider, 404)
                .entrySet()) {
            try (BrowserContext context = chromium.context(1280, 800)) {
                Page page = Chromium.signIn(context, base.toString(), who.getKey(), Api.PASSWORD);
                assertEquals(who.getValue(), page.navigate(base + path).status(), who.getKey());
                assertFalse(page.textContent("body").contains("Oxygen stopped"), "nothing of the history shows");
            }
        }
        as(team.commissioner()).get("/api/" + path).then().statusCode(403);
        as(team.lead()).get("/api/" + path).then().statusCode(200);
    }

    @Test
    void theLeadReadsTheActivityLogInTheAuditsTimeToTheMinute() {
        Team team = team();
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), team.lead(), Api.PASSWORD);
            page.navigate(base + "audits/" + team.audit() + "/activity");
            assertFalse(page.textContent("#activity thead").contains("UTC"), "no longer in UTC");
            Locator changes = page.locator("#activity tbody tr", new Page.LocatorOptions()
                    .setHasText("Changed the submitted review of case " + team.caseNumber()));
            assertEquals(2, changes.count(), "one entry for each change");
            assertEquals("12 Nov 2026 11:40 CET", changes.nth(0).locator("td").nth(0).textContent().strip());
            assertEquals("12 Nov 2026 11:15 CET", changes.nth(1).locator("td").nth(0).textContent().strip());
            Locator submitted = page.locator("#activity tbody tr", new Page.LocatorOptions()
                    .setHasText("Submitted a review of case " + team.caseNumber()));
            assertEquals(2, submitted.count(), "the first review and the second");
            assertEquals("12 Nov 2026 10:00 CET", submitted.nth(1).locator("td").nth(0).textContent().strip());
            String log = page.textContent("#activity");
            assertFalse(log.contains("morning round") || log.contains("Oxygen stopped"), "no note, no reason");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "activity-local-times");
        }
    }
}
