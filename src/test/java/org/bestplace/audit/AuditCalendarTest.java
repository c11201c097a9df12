package org.bestplace.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One calendar: an audit's day is its own time zone's day of the service clock, on every page
 * and in the API. Half past eleven UTC on a summer night is already the next day in London.
 */
@QuarkusTest
class AuditCalendarTest {

    /** 00:30 on 15 July in London (BST), still 14 July in UTC. */
    static final Instant SUMMER_NIGHT = Instant.parse("2026-07-14T23:30:00Z");

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static String summerAudit(String timeZone) {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Summer audit " + UUID.randomUUID()));
        body.put("startDate", "2026-07-10");
        body.put("endDate", "2026-07-20");
        if (timeZone != null) {
            body.put("timeZone", timeZone);
        }
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        return audit;
    }

    static String registerCase(String audit, String reviewer) {
        return Api.as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General medicine", "ageBand", "75-84",
                        "sex", "FEMALE", "admissionDate", "2026-07-13"))
                .post("/api/audits/" + audit + "/cases").then().statusCode(201).extract().path("id");
    }

    /** The sign-in cookie of a form session, as a browser would hold it. */
    static String signIn(String username) {
        return Pages.signIn(username, Api.PASSWORD).cookie();
    }

    static String page(String cookie, String path) {
        return given().urlEncodingEnabled(false).cookie("quarkus-credential", cookie).get(path).then().statusCode(200).extract().asString();
    }

    static List<String> casesOn(String audit, String reviewer, String date) {
        return Api.as(reviewer).get("/api/audits/" + audit + "/cases?date=" + date).then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
    }

    @Test
    void atHalfPastElevenUtcOnASummerNightThePagesAndTheApiAllSayFifteenJuly() {
        clock.set(SUMMER_NIGHT);
        String audit = summerAudit(null);
        Api.asAdmin().get("/api/audits/" + audit).then().statusCode(200).body("timeZone", equalTo("Europe/London"));
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String caseId = registerCase(audit, reviewer);

        // the case list: registered on 15 July, not on 14 July
        assertTrue(casesOn(audit, reviewer, "2026-07-15").contains(caseId), "registered on 15 July");
        assertFalse(casesOn(audit, reviewer, "2026-07-14").contains(caseId), "not on 14 July");

        String cookie = signIn(reviewer);
        String home = page(cookie, "/audits/" + audit);
        assertTrue(home.contains("<h2>Today, 2026-07-15</h2>"), home);
        assertTrue(home.contains(">Ward A</a></td><td>1</td>"), "one registered today on Ward A: " + home);

        String ward = page(cookie, "/audits/" + audit + "/wards/Ward%20A");
        assertTrue(ward.contains("· 2026-07-15</p>"), ward);
        String form = page(cookie, "/audits/" + audit + "/cases/" + caseId + "/review");
        assertTrue(form.contains("name=\"reviewDate\" value=\"2026-07-15\""), form);

        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId,
                "reviewDate", "2026-07-15", "criteriaMet", List.of("MED-01"), "reasons", List.of(),
                "submitted", true)).statusCode(201);
        String chairCookie = signIn(chair);
        String chairHome = page(chairCookie, "/audits/" + audit);
        assertTrue(chairHome.contains("/audits/" + audit + "/debriefs/2026-07-15\""), chairHome);
        String debrief = page(chairCookie, "/audits/" + audit + "/debriefs/2026-07-15");
        assertTrue(debrief.contains("<span class=\"value\" id=\"reviewed\">1</span>"), debrief);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/2026-07-15/opening").then().statusCode(200);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/2026-07-15/sign-off").then().statusCode(200);
        String signedOff = page(chairCookie, "/audits/" + audit + "/debriefs/2026-07-15");
        assertTrue(signedOff.contains("Signed off by Test chair at 15 Jul 2026"), signedOff);
    }

    @Test
    void anAuditKeepsTheDayOfItsOwnTimeZone() {
        clock.set(SUMMER_NIGHT);
        String audit = summerAudit("UTC");
        Api.asAdmin().get("/api/audits/" + audit).then().statusCode(200).body("timeZone", equalTo("UTC"));
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String caseId = registerCase(audit, reviewer);
        assertTrue(casesOn(audit, reviewer, "2026-07-14").contains(caseId), "registered on 14 July in UTC");
        assertTrue(page(signIn(reviewer), "/audits/" + audit).contains("<h2>Today, 2026-07-14</h2>"));
    }

    @Test
    void anUnknownTimeZoneIsRefusedNamingTheField() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Audit on Mars"));
        body.put("timeZone", "Mars/Olympus_Mons");
        Api.asAdmin().body(body).post("/api/audits").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("timeZone"));
        assertEquals(0, Api.asAdmin().get("/api/audits").then().extract().jsonPath()
                .getList("findAll { it.title == 'Audit on Mars' }").size(), "nothing stored");
    }
}
