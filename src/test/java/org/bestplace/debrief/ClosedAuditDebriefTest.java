package org.bestplace.debrief;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.bestplace.Api.putReview;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * Once an audit is closed or published its "as agreed" figures are what was agreed: no debrief
 * write reaches it, not even opening a day's debrief for the first time.
 */
@QuarkusTest
class ClosedAuditDebriefTest {

    static final String OPEN_DAY = "2026-11-12";
    static final String SIGNED_DAY = "2026-11-13";
    static final String UNOPENED_DAY = "2026-11-14";

    @Test
    void everyDebriefWriteOnAClosedOrPublishedAuditIsRefusedAndTheAgreedFiguresStay() {
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String caseId = Api.registerCase(audit, hospital);
        // the two reviews disagree, so the day has one unresolved patient-day
        review(audit, hospital, caseId, OPEN_DAY, "P1");
        String criterion = Api.firstCriterion();
        putReview(audit, community, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate", OPEN_DAY,
                "criteriaMet", List.of(criterion), "submitted", true)).statusCode(201);
        review(audit, hospital, Api.registerCase(audit, hospital), SIGNED_DAY, "P1");
        String base = "/api/audits/" + audit + "/debriefs/";
        as(chair).post(base + OPEN_DAY + "/opening").then().statusCode(200);
        as(chair).post(base + SIGNED_DAY + "/opening").then().statusCode(200);
        as(chair).post(base + SIGNED_DAY + "/sign-off").then().statusCode(200);

        for (String status : List.of("CLOSED", "PUBLISHED")) {
            asAdmin().body(Map.of("status", status)).post("/api/audits/" + audit + "/status").then().statusCode(200);

            refused(status, as(chair).body(Map.of("caseId", caseId, "outcome", "DOES_NOT_QUALIFY", "alternative",
                    "P1", "reason", "Agreed after the audit closed")).post(base + OPEN_DAY + "/decisions"));
            refused(status, as(chair).body(Map.of("notes", "Written after closing")).put(base + OPEN_DAY));
            refused(status, as(chair).post(base + OPEN_DAY + "/sign-off"));
            refused(status, asAdmin().body(Map.of("reason", "Reopened after closing"))
                    .post(base + SIGNED_DAY + "/reopenings"));
            refused(status, as(chair).post(base + UNOPENED_DAY + "/opening"));
            as(chair).get(base + UNOPENED_DAY).then().statusCode(200).body("opened", org.hamcrest.Matchers.equalTo(false));

            JsonPath day = as(chair).get(base + OPEN_DAY).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(), day.getList("decisions"), "no decision was recorded");
            assertEquals(null, day.getString("notes"));
            assertEquals(null, day.getString("signedOffBy"));
            assertEquals(1, day.getInt("summary.asAgreed.unresolved"), "the agreed figures did not move");
            JsonPath signed = as(chair).get(base + SIGNED_DAY).then().statusCode(200).extract().jsonPath();
            assertEquals(chair, signed.getString("signedOffBy"), "the signed-off day stays signed off");
            assertEquals(List.of(), signed.getList("reopenings"));
        }
    }

    private static void refused(String status, io.restassured.response.Response response) {
        response.then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(status));
    }

    private static void review(String audit, String reviewer, String caseId, String day, String alternative) {
        putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate", day,
                "criteriaMet", List.of(), "alternative", alternative, "submitted", true)).statusCode(201);
    }
}
