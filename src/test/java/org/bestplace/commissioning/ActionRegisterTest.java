package org.bestplace.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;

/** The register in the exports, and the migration that turned the debriefs' action lines into entries. */
@QuarkusTest
class ActionRegisterTest {

    @Inject
    DataSource dataSource;

    @Test
    void theRegisterIsExportedInternallyInFullAndPublishedWithoutItsFreeText() {
        TestAudit audit = TestAudit.create();
        Map<String, Object> body = ActionApiTest.action("Weekend physiotherapy on Ward A");
        body.put("reasonCodes", List.of("HP-THERAPY", "HP-TESTS"));
        String id = ActionApiTest.create(audit.id(), audit.commissioner(), body);
        Api.as(audit.commissioner()).body(Map.of("status", "IN_PROGRESS", "note", "Funding asked for", "decision",
                Map.of("text", "Fund two therapists", "decidedBy", "ICB board", "decidedOn", "2026-11-20")))
                .post("/api/audits/" + audit.id() + "/actions/" + id + "/updates").then().statusCode(201);

        JsonPath internal = Api.as(audit.commissioner()).get("/api/audits/" + audit.id()
                + "/export?format=json&mode=internal").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = internal.getMap("tables.actions[0]");
        assertEquals("Weekend physiotherapy on Ward A", row.get("title"));
        assertEquals("Patients wait in hospital for their tests", row.get("finding"));
        assertEquals("HP-THERAPY HP-TESTS", row.get("reason_codes"));
        assertEquals("HOSPITAL", row.get("owner_sector"));
        assertEquals("Dr Ada Morgan, clinical director", row.get("owner"));
        assertEquals("2026-12-15", row.get("due_date"));
        assertEquals("IN_PROGRESS", row.get("status"));
        assertEquals("Fund two therapists", row.get("decision"));
        assertEquals("ICB board", row.get("decided_by"));
        assertEquals("2026-11-20", row.get("decided_on"));

        JsonPath published = Api.as(audit.hospital()).get("/api/audits/" + audit.id()
                + "/export?format=json&mode=publication").then().statusCode(200).extract().jsonPath();
        Map<String, Object> open = published.getMap("tables.actions[0]");
        assertEquals("HP-THERAPY HP-TESTS", open.get("reason_codes"));
        assertEquals("IN_PROGRESS", open.get("status"));
        assertEquals("yes", open.get("decided"));
        for (String text : List.of("title", "finding", "owner", "decision", "decided_by")) {
            assertFalse(open.containsKey(text), "publication export carries no free text: " + text);
        }
        String csv = Api.as(audit.hospital()).get("/api/audits/" + audit.id() + "/export?format=csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("# table: actions"), "the CSV has the actions table");
        assertFalse(csv.contains("Weekend physiotherapy"), "no title in the publication CSV");
    }

    @Test
    void theMigrationTurnsEachDebriefActionLineIntoAnEntryOnceAndTellsWhereItCameFrom()
            throws IOException, SQLException {
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(Api.day(3));
        String debrief = "/api/audits/" + audit.id() + "/debriefs/2026-11-03";
        Api.as(audit.chair()).post(debrief + "/opening").then().statusCode(200);
        Api.as(audit.chair()).body(Map.of("actions", List.of("Ask radiology for weekend slots",
                "Invite social care to the debrief"))).put(debrief).then().statusCode(200);
        // One line is in the register already, as the debrief page's link would have put it.
        Map<String, Object> linked = ActionApiTest.action("Invite social care to the debrief");
        linked.put("debriefDate", "2026-11-03");
        ActionApiTest.create(audit.id(), audit.chair(), linked);

        runCopyOfMigration();
        runCopyOfMigration();

        JsonPath register = ActionApiTest.register(audit.id(), audit.lead());
        assertEquals(List.of("Invite social care to the debrief", "Ask radiology for weekend slots"),
                register.getList("title"), "each line once, the one already there left as it was");
        Map<String, Object> moved = register.getMap("[1]");
        assertEquals("From the debrief of 2026-11-03", moved.get("finding"));
        assertEquals(List.of(), moved.get("reasonCodes"));
        assertEquals("HOSPITAL", moved.get("ownerSector"));
        assertEquals("Test chair", moved.get("owner"));
        assertEquals(audit.chair(), moved.get("createdBy"));
        assertEquals("2026-12-01", moved.get("dueDate"), "four weeks after the debrief");
        assertEquals("OPEN", moved.get("status"));
        assertEquals("2026-11-03", moved.get("debriefDate"));
        List<Map<String, Object>> history = register.getList("[1].history");
        assertEquals(1, history.size());
        assertEquals("Moved from the action lines of the debrief; owner and due date to be confirmed.",
                history.get(0).get("note"));
        assertEquals(1, register.getList("[0].history").size());
        // the debrief keeps its lines: they are part of its minutes
        assertEquals(2, Api.as(audit.chair()).get(debrief).then().statusCode(200).extract().jsonPath()
                .getList("actions").size());
    }

    /** The data part of the register's migration, run again over what the debriefs hold now. */
    private void runCopyOfMigration() throws IOException, SQLException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V30__action_register.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String copy = sql.substring(sql.indexOf("-- Existing debrief action lines"));
        for (String statement : copy.split(";\\s*\\n")) {
            String plain = statement.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b).strip();
            if (!plain.isEmpty()) {
                Db.execute(dataSource, plain);
            }
        }
    }
}
