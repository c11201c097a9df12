package org.bestplace.commissioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.TestAudit;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.Test;

/** An update hands an action to another owner or sector or moves its due date, each change kept in its history. */
@QuarkusTest
class ActionHandoverTest {

    static Map<String, Object> update(String note, String... termsAndValues) {
        Map<String, Object> body = new HashMap<>();
        body.put("note", note);
        for (int i = 0; i < termsAndValues.length; i += 2) {
            body.put(termsAndValues[i], termsAndValues[i + 1]);
        }
        return body;
    }

    static JsonPath action(TestAudit audit, String id) {
        return Api.as(audit.hospital()).get("/api/audits/" + audit.id() + "/actions").then().statusCode(200)
                .extract().jsonPath().setRootPath("find { it.id == '" + id + "' }");
    }

    @Test
    void anUpdateChangesTheOwnerSectorAndDueDateAndTheHistorySaysWhoWhenAndWhy() {
        TestAudit audit = TestAudit.create();
        String id = ActionApiTest.create(audit.id(), audit.chair(), ActionApiTest.action("Weekend discharge rota"));
        String updates = "/api/audits/" + audit.id() + "/actions/" + id + "/updates";
        Api.as(audit.commissioner()).body(update("Community services take it on", "owner",
                "Community services lead", "ownerSector", "COMMUNITY", "dueDate", "2027-01-31")).post(updates).then()
                .statusCode(201).body("status", equalTo("OPEN"));
        Api.as(audit.lead()).body(update("Brought forward", "dueDate", "2027-01-15", "owner",
                "Community services lead")).post(updates).then().statusCode(201);

        JsonPath now = action(audit, id);
        assertEquals("Community services lead", now.getString("owner"));
        assertEquals("COMMUNITY", now.getString("ownerSector"));
        assertEquals("2027-01-15", now.getString("dueDate"));
        List<Map<String, Object>> history = now.getList("history");
        assertEquals(3, history.size(), history.toString());
        assertEquals(List.of(), history.get(0).get("changed"), "the creation changes no term");
        assertEquals(audit.commissioner(), history.get(1).get("by"));
        assertEquals("Community services take it on", history.get(1).get("note"));
        assertTrue(history.get(1).get("at") != null, "when it was handed over");
        assertEquals(List.of(
                Map.of("term", "owner", "before", "Dr Ada Morgan, clinical director", "after", "Community services lead"),
                Map.of("term", "ownerSector", "before", "HOSPITAL", "after", "COMMUNITY"),
                Map.of("term", "dueDate", "before", "2026-12-15", "after", "2027-01-31")),
                history.get(1).get("changed"));
        // The same owner again is no change: only the date moved.
        assertEquals(audit.lead(), history.get(2).get("by"));
        assertEquals(List.of(Map.of("term", "dueDate", "before", "2027-01-31", "after", "2027-01-15")),
                history.get(2).get("changed"));
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndAReviewerCannotHandOver() {
        TestAudit audit = TestAudit.create();
        String id = ActionApiTest.create(audit.id(), audit.lead(), ActionApiTest.action("Transport booked earlier"));
        String updates = "/api/audits/" + audit.id() + "/actions/" + id + "/updates";
        Map<String, String> hostile = Map.of(
                "ownerSector", "SOCIAL_SERVICES",
                "dueDate", "2027-02-30",
                "owner", "x".repeat(201));
        hostile.forEach((field, value) -> Api.as(audit.lead()).body(update("Handing over", field, value))
                .post(updates).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)));
        // A due date before the audit began is refused as at creation.
        Api.as(audit.lead()).body(update("Handing over", "dueDate", "2026-10-01")).post(updates).then()
                .statusCode(400).body("field", equalTo("dueDate"));
        Api.as(audit.hospital()).body(update("Mine now", "owner", "A reviewer")).post(updates).then()
                .statusCode(403).contentType("application/problem+json");
        JsonPath now = action(audit, id);
        assertEquals("Dr Ada Morgan, clinical director", now.getString("owner"));
        assertEquals("HOSPITAL", now.getString("ownerSector"));
        assertEquals("2026-12-15", now.getString("dueDate"));
        assertEquals(1, now.getList("history").size(), "nothing was kept of the refused updates");
    }

    @Test
    void theActionsPageHandsItOverAndGivesARefusalBackWithTheValuesTyped() {
        TestAudit audit = TestAudit.create();
        String id = ActionApiTest.create(audit.id(), audit.chair(), ActionApiTest.action("Pharmacy at weekends"));
        Pages.Session chair = Pages.signIn(audit.chair(), Api.PASSWORD);
        String path = "/audits/" + audit.id() + "/actions/" + id;
        String page = chair.page(path);
        assertTrue(page.contains("id=\"owner\" name=\"owner\"") && page.contains("value=\"2026-12-15\""),
                "the form starts from the owner and due date on record");
        String refused = post(chair, path + "/updates", Map.of("status", "OPEN", "note", "Moved", "owner",
                "Chief pharmacist", "ownerSector", "HOSPITAL", "dueDate", "15/01/2027")).then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("id=\"dueDate-error\""), "the message is beside the due date");
        assertTrue(refused.contains("value=\"Chief pharmacist\"") && refused.contains("value=\"15/01/2027\""),
                "the values typed stay");
        post(chair, path + "/updates", Map.of("status", "IN_PROGRESS", "note", "Moved to pharmacy", "owner",
                "Chief pharmacist", "ownerSector", "HOSPITAL", "dueDate", "2027-01-15")).then().statusCode(303);
        String after = chair.page(path);
        assertTrue(after.contains("owner Dr Ada Morgan, clinical director → Chief pharmacist; due 15 Dec 2026 → 15 Jan 2027"),
                "the history shows the hand-over");
        assertEquals("Chief pharmacist", action(audit, id).getString("owner"));
    }

    static io.restassured.response.Response post(Pages.Session session, String path, Map<String, ?> form) {
        return given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, session.cookie())
                .cookie(CsrfToken.COOKIE, session.csrfCookie()).header(CsrfToken.HEADER, session.csrfToken())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .formParam(CsrfToken.FIELD, session.csrfToken()).post(path);
    }
}
