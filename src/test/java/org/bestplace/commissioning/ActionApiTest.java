package org.bestplace.commissioning;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The action register through the API: what the chair, lead and commissioners agreed to do, and what became of it. */
@QuarkusTest
class ActionApiTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static Map<String, Object> action(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("finding", "Patients wait in hospital for their tests");
        body.put("reasonCodes", List.of("HP-TESTS"));
        body.put("ownerSector", "HOSPITAL");
        body.put("owner", "Dr Ada Morgan, clinical director");
        body.put("dueDate", "2026-12-15");
        return body;
    }

    static String create(String auditId, String username, Map<String, Object> body) {
        return Api.as(username).body(body).post("/api/audits/" + auditId + "/actions").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
    }

    static JsonPath register(String auditId, String username) {
        return Api.as(username).get("/api/audits/" + auditId + "/actions").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void anActionFromTheDebriefAndOneFromTheBriefGoThroughTheirStepsAndKeepEachOne() {
        clock.set(Instant.parse("2026-11-05T12:00:00Z"));
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(Api.day(3));
        String debrief = "/api/audits/" + audit.id() + "/debriefs/2026-11-03";
        Api.as(audit.chair()).post(debrief + "/opening").then().statusCode(200);
        Api.as(audit.chair()).body(Map.of("notes", "Tests wait for the weekend",
                "actions", List.of("Ask radiology for weekend slots"))).put(debrief).then().statusCode(200);

        // From the debrief's learning point, by the chair
        Map<String, Object> fromDebrief = action("Ask radiology for weekend slots");
        fromDebrief.put("finding", "From the debrief of 2026-11-03");
        fromDebrief.put("debriefDate", "2026-11-03");
        String first = create(audit.id(), audit.chair(), fromDebrief);
        // From a finding on the brief, by the commissioner
        Map<String, Object> fromBrief = action("Commission 20 more home-care packages");
        fromBrief.put("finding", "Waiting for a package of home care");
        fromBrief.put("reasonCodes", List.of("CC-HOME-CARE", "SC-FUNDING"));
        fromBrief.put("ownerSector", "COMMISSIONER");
        fromBrief.put("owner", "Integrated care board, community services lead");
        String second = create(audit.id(), audit.commissioner(), fromBrief);

        String updates = "/api/audits/" + audit.id() + "/actions/" + second + "/updates";
        Api.as(audit.commissioner()).body(Map.of("status", "IN_PROGRESS", "note", "Tender drafted")).post(updates)
                .then().statusCode(201).body("status", equalTo("IN_PROGRESS"));
        clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        Api.as(audit.commissioner()).body(Map.of("note", "Board agreed the funding", "decision", Map.of("text",
                "Fund 20 packages of home care from January", "decidedBy", "ICB finance committee", "decidedOn",
                "2026-11-19"))).post(updates).then().statusCode(201);
        Api.as(audit.lead()).body(Map.of("status", "DONE", "note", "Packages in place")).post(updates).then()
                .statusCode(201).body("status", equalTo("DONE"));

        // every member reads the register, a reviewer too
        JsonPath read = register(audit.id(), audit.hospital());
        assertEquals(List.of(first, second), read.getList("id"));
        assertEquals("2026-11-03", read.getString("find { it.id == '" + first + "' }.debriefDate"));
        assertEquals("OPEN", read.getString("find { it.id == '" + first + "' }.status"));
        Map<String, Object> done = read.getMap("find { it.id == '" + second + "' }");
        assertEquals("DONE", done.get("status"));
        assertEquals(List.of("CC-HOME-CARE", "SC-FUNDING"), done.get("reasonCodes"));
        assertEquals("COMMISSIONER", done.get("ownerSector"));
        assertEquals(Map.of("text", "Fund 20 packages of home care from January", "decidedBy",
                "ICB finance committee", "decidedOn", "2026-11-19"), done.get("decision"));
        List<Map<String, Object>> history = read.getList("find { it.id == '" + second + "' }.history");
        assertEquals(4, history.size(), "created, two status changes and the decision: " + history);
        assertEquals(List.of(audit.commissioner(), audit.commissioner(), audit.commissioner(), audit.lead()),
                history.stream().map(h -> h.get("by")).toList());
        assertNull(history.get(0).get("statusBefore"));
        assertEquals("OPEN", history.get(0).get("statusAfter"));
        assertEquals("OPEN", history.get(1).get("statusBefore"));
        assertEquals("IN_PROGRESS", history.get(1).get("statusAfter"));
        assertEquals("Tender drafted", history.get(1).get("note"));
        assertEquals("IN_PROGRESS", history.get(2).get("statusBefore"));
        assertEquals("IN_PROGRESS", history.get(2).get("statusAfter"));
        assertEquals("Fund 20 packages of home care from January",
                ((Map<?, ?>) history.get(2).get("decision")).get("text"));
        assertEquals("2026-11-20T09:00:00Z", history.get(2).get("at"));
        assertEquals("IN_PROGRESS", history.get(3).get("statusBefore"));
        assertEquals("DONE", history.get(3).get("statusAfter"));
        assertEquals("Packages in place", history.get(3).get("note"));
    }

    @Test
    void aReviewerReadsTheRegisterButCannotChangeIt() {
        TestAudit audit = TestAudit.create();
        String id = create(audit.id(), audit.lead(), action("Review the weekend discharge rota"));
        Api.as(audit.hospital()).body(action("A reviewer's action")).post("/api/audits/" + audit.id() + "/actions")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as(audit.community()).body(Map.of("status", "DONE", "note", "Done, I think"))
                .post("/api/audits/" + audit.id() + "/actions/" + id + "/updates").then().statusCode(403)
                .contentType("application/problem+json");
        JsonPath read = register(audit.id(), audit.community());
        assertEquals(1, read.getList("$").size());
        assertEquals("OPEN", read.getString("[0].status"));
        assertEquals(1, read.getList("[0].history").size());
        // someone not on the audit does not learn it exists
        String outsider = Api.reviewerOn(Api.collectingAudit(), "HOSPITAL");
        Api.as(outsider).get("/api/audits/" + audit.id() + "/actions").then().statusCode(404);
    }

    @Test
    void overdueIsCountedInTheAuditsOwnCalendar() {
        // 11:30 UTC on 10 November is already 11 November in Auckland (UTC+13) and still the 10th in London
        clock.set(Instant.parse("2026-11-01T12:00:00Z"));
        String auckland = auditIn("Pacific/Auckland");
        String london = auditIn("Europe/London");
        for (String audit : List.of(auckland, london)) {
            Map<String, Object> body = action("Daily board round on every ward");
            body.put("dueDate", "2026-11-10");
            create(audit, "admin", body);
            Map<String, Object> finished = action("Discharge lounge open at weekends");
            finished.put("dueDate", "2026-11-09");
            String done = create(audit, "admin", finished);
            Api.asAdmin().body(Map.of("status", "DROPPED", "note", "Not funded"))
                    .post("/api/audits/" + audit + "/actions/" + done + "/updates").then().statusCode(201);
        }
        clock.set(Instant.parse("2026-11-10T11:30:00Z"));
        assertTrue(register(auckland, "admin").getBoolean("find { it.title == 'Daily board round on every ward' }"
                + ".overdue"), "Auckland is on the 11th: due on the 10th is overdue");
        assertFalse(register(london, "admin").getBoolean("find { it.title == 'Daily board round on every ward' }"
                + ".overdue"), "London is on the 10th: due today is not overdue");
        assertFalse(register(auckland, "admin").getBoolean("find { it.title == 'Discharge lounge open at weekends' }"
                + ".overdue"), "a dropped action is never overdue");
        clock.set(Instant.parse("2026-11-11T00:30:00Z"));
        assertTrue(register(london, "admin").getBoolean("find { it.title == 'Daily board round on every ward' }"
                + ".overdue"));
    }

    @Test
    void commissionersActOnAClosedOrPublishedAuditsFindings() {
        TestAudit audit = TestAudit.create();
        Api.asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit.id() + "/status").then()
                .statusCode(200);
        String id = create(audit.id(), audit.commissioner(), action("Commission a discharge-to-assess service"));
        Api.asAdmin().body(Map.of("status", "PUBLISHED")).post("/api/audits/" + audit.id() + "/status").then()
                .statusCode(200);
        Api.as(audit.commissioner()).body(Map.of("status", "IN_PROGRESS", "note", "Out to tender"))
                .post("/api/audits/" + audit.id() + "/actions/" + id + "/updates").then().statusCode(201);
        assertEquals("IN_PROGRESS", register(audit.id(), audit.hospital()).getString("[0].status"));
    }

    static String auditIn(String zone) {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Audit in " + zone));
        body.put("timeZone", zone);
        return Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachBadFieldIsRefusedNamingItAndNothingIsKept() {
        TestAudit audit = TestAudit.create();
        String path = "/api/audits/" + audit.id() + "/actions";
        Map<String, Object> unknownReason = action("Unknown reason");
        unknownReason.put("reasonCodes", List.of("HP-TESTS", "NOT-A-REASON"));
        refused(audit.chair(), path, unknownReason, "reasonCodes", "NOT-A-REASON");
        Map<String, Object> twice = action("Twice");
        twice.put("reasonCodes", List.of("HP-TESTS", "HP-TESTS"));
        refused(audit.chair(), path, twice, "reasonCodes", "HP-TESTS");
        Map<String, Object> noTitle = action(" ");
        refused(audit.chair(), path, noTitle, "title", "title");
        Map<String, Object> noFinding = action("No finding");
        noFinding.remove("finding");
        refused(audit.chair(), path, noFinding, "finding", "finding");
        Map<String, Object> sector = action("Sector");
        sector.put("ownerSector", "SOCIAL_CARE");
        refused(audit.chair(), path, sector, "ownerSector", "SOCIAL_CARE");
        Map<String, Object> owner = action("Owner");
        owner.put("owner", "");
        refused(audit.chair(), path, owner, "owner", "owner");
        Map<String, Object> due = action("Due");
        due.put("dueDate", "next week");
        refused(audit.chair(), path, due, "dueDate", "date");
        Map<String, Object> early = action("Early");
        early.put("dueDate", "2026-10-01");
        refused(audit.chair(), path, early, "dueDate", "before the audit");
        Map<String, Object> debrief = action("From a debrief never held");
        debrief.put("debriefDate", "2026-11-09");
        refused(audit.chair(), path, debrief, "debriefDate", "2026-11-09");
        Map<String, Object> identifying = action("Call Mrs Jones about 943 476 5919");
        refused(audit.chair(), path, identifying, "title", "could identify");
        Map<String, Object> long_ = action("x".repeat(1001));
        refused(audit.chair(), path, long_, "title", "1,000");
        assertEquals(0, register(audit.id(), audit.chair()).getList("$").size());

        String id = create(audit.id(), audit.chair(), action("Weekend therapy cover"));
        String updates = path + "/" + id + "/updates";
        refused(audit.chair(), updates, Map.of("status", "FINISHED", "note", "x"), "status", "FINISHED");
        refused(audit.chair(), updates, Map.of("status", "DONE"), "note", "note");
        refused(audit.chair(), updates, Map.of("note", "Decided", "decision", Map.of("text", "Fund it",
                "decidedOn", "2026-11-03")), "decision.decidedBy", "who");
        refused(audit.chair(), updates, Map.of("note", "Decided", "decision", Map.of("text", "Fund it",
                "decidedBy", "Board", "decidedOn", "2027-01-01")), "decision.decidedOn", "future");
        refused(audit.chair(), updates, Map.of("note", "Decided", "decision", Map.of("decidedBy", "Board",
                "decidedOn", "2026-11-03")), "decision.text", "decided");
        JsonPath after = register(audit.id(), audit.chair());
        assertEquals("OPEN", after.getString("[0].status"));
        assertEquals(1, after.getList("[0].history").size());
        Api.as(audit.chair()).body(Map.of("status", "DONE", "note", "x"))
                .post(path + "/999999999/updates").then().statusCode(404);
    }

    static void refused(String username, String path, Map<String, Object> body, String field, String words) {
        Api.as(username).body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)).body("detail", containsString(words));
    }
}
