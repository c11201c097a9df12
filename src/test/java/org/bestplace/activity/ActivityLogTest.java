package org.bestplace.activity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.criteria.CriteriaApiTest;
import org.bestplace.review.ReviewPages;
import org.junit.jupiter.api.Test;

/** Each listed event lands in the activity log, which the database keeps append-only. */
@QuarkusTest
class ActivityLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void signInsFailuresAndCaseViewsAreRecordedWithWhoAndWhere() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String session = Pages.signIn(reviewer, Api.PASSWORD).cookie();
        assertEquals(1, Db.activity(dataSource, "SIGN_IN", reviewer));
        assertEquals("127.0.0.1", Db.value(dataSource,
                "select remote_address from activity_log where event = 'SIGN_IN' and username = ?", reviewer));

        Pages.signInRefused(reviewer, "not-the-password");
        given().auth().preemptive().basic(reviewer, "also-wrong-password").get("/api/me").then().statusCode(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> Db.activity(dataSource, "SIGN_IN_FAILED", reviewer),
                failures -> failures >= 2);
        assertEquals(2, Db.activity(dataSource, "SIGN_IN_FAILED", reviewer),
                "one failed form sign-in, one failed Basic call");

        given().urlEncodingEnabled(false).cookie("quarkus-credential", session)
                .get(ReviewPages.wardPath(Long.valueOf(audit), "Ward A")).then().statusCode(200);
        String caseId = Api.registerCase(audit, reviewer);
        given().cookie("quarkus-credential", session).get("/audits/" + audit + "/cases/" + caseId + "/review")
                .then().statusCode(200);
        assertEquals(2, Db.number(dataSource,
                "select count(*) from activity_log where event = 'CASE_VIEW' and username = ? and audit_id = ?",
                reviewer, audit));
    }

    @Test
    void exportsSignOffsReopeningsRatificationsAndRoleChangesAreRecorded() throws Exception {
        String audit = Api.collectingAudit();
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'ROLE_CHANGE'"
                + " and audit_id = ? and detail like ?", audit, chair + " joined the team as CHAIR%"));

        String base = "/api/audits/" + audit + "/debriefs/2026-11-03";
        as(chair).post(base + "/opening").then().statusCode(200);
        as(chair).post(base + "/sign-off").then().statusCode(200);
        assertEquals(1, Db.activity(dataSource, "DEBRIEF_OPENED", chair), "the opening is logged");
        asAdmin().body(Map.of("reason", "A case was missed")).post(base + "/reopenings").then().statusCode(201);
        assertEquals(1, Db.activity(dataSource, "DEBRIEF_SIGN_OFF", chair));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'DEBRIEF_REOPENED'"
                + " and audit_id = ? and detail like '%A case was missed%'", audit));

        asAdmin().get("/api/audits/" + audit + "/export?format=csv&mode=internal").then().statusCode(200);
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'EXPORT'"
                + " and audit_id = ? and username = 'admin' and detail = 'CSV export, internal mode'", audit));

        String setId = "logged-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(setId)).statusCode(201);
        String community = Api.user("comm", "COMMUNITY", "REVIEWER");
        as(community).body(Map.of("sector", "COMMUNITY")).post("/api/criteria-sets/" + setId + "/1/ratifications")
                .then().statusCode(201);
        assertEquals(1, Db.activity(dataSource, "CRITERIA_RATIFIED", community));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
        Api.user("logged", "HOSPITAL", "REVIEWER");
        long id = Db.number(dataSource, "select max(id) from activity_log");
        String before = (String) Db.value(dataSource, "select detail from activity_log where id = ?", id);
        SQLException update = assertThrows(SQLException.class,
                () -> Db.execute(dataSource, "update activity_log set detail = 'rewritten' where id = ?", id));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class,
                () -> Db.execute(dataSource, "delete from activity_log where id = ?", id));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        assertEquals(before, Db.value(dataSource, "select detail from activity_log where id = ?", id));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where id = ?", id));
    }

    @Test
    void theLeadBrowsesAndFiltersTheirAuditsLogOthersMayNot() {
        String audit = Api.collectingAudit();
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        asAdmin().get("/api/audits/" + audit + "/export?mode=publication").then().statusCode(200);
        List<Map<String, Object>> exports = as(lead).get("/api/activity?audit=" + audit + "&event=EXPORT").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, exports.size());
        assertEquals("admin", exports.get(0).get("username"));
        List<Map<String, Object>> all = as(lead).get("/api/activity?audit=" + audit).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(all.size() >= 3, "role changes and the export: " + all);
        as(reviewer).get("/api/activity?audit=" + audit).then().statusCode(403);
        as(lead).get("/api/activity").then().statusCode(403);
        as(lead).get("/api/activity?audit=" + audit + "&event=NOPE").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().get("/api/activity?event=ROLE_CHANGE&limit=5").then().statusCode(200);
    }
}
