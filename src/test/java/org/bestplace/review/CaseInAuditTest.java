package org.bestplace.review;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;

/**
 * A case of another audit is answered the same way wherever a request names it: 404 "There is
 * no case N in this audit." naming caseId, by the review PUT, the chair's decision and the
 * review form's page alike, and nothing is stored.
 */
@QuarkusTest
class CaseInAuditTest {

    static final String DAY = "2026-11-03";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCaseOfAnotherAuditIsNotFoundEverywhere() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String own = Api.registerCase(audit, reviewer);
        String other = Api.collectingAudit();
        String elsewhere = Api.registerCase(other, Api.reviewerOn(other, "HOSPITAL"));
        String criterion = Api.asAdmin().get("/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION).then()
                .extract().path("groups[0].criteria[0].code");
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", own, "reviewDate", DAY,
                "criteriaMet", List.of(criterion), "submitted", true, "flagged", true)).statusCode(201);
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        long reviews = Db.number(dataSource, "select count(*) from review");
        long decisions = Db.number(dataSource, "select count(*) from decision");

        Response put = as(reviewer).body(Map.of("caseId", elsewhere, "reviewDate", DAY, "criteriaMet",
                List.of(criterion), "submitted", true)).put("/api/audits/" + audit + "/reviews/" + UUID.randomUUID());
        Response decision = as(chair).body(Map.of("caseId", elsewhere, "outcome", "QUALIFIES", "reason", "seen"))
                .post("/api/audits/" + audit + "/debriefs/" + DAY + "/decisions");
        Response page = Pages.signIn(reviewer, Api.PASSWORD).request().accept("text/html")
                .get("/audits/" + audit + "/cases/" + elsewhere + "/review");
        String detail = "There is no case " + elsewhere + " in this audit.";
        String expected = "404 caseId " + detail;
        assertEquals(List.of(expected, expected), List.of(answer(put), answer(decision)));
        assertEquals(404, page.statusCode());
        assertTrue(page.asString().contains(detail), page.asString());
        assertEquals(reviews, Db.number(dataSource, "select count(*) from review"), "no review stored");
        assertEquals(decisions, Db.number(dataSource, "select count(*) from decision"), "no decision stored");
    }

    static String answer(Response response) {
        return response.statusCode() + " " + response.jsonPath().getString("field") + " "
                + response.jsonPath().getString("detail");
    }
}
