package org.bestplace.debrief;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * The same reviews entered in another order give the same sector-pair kappa (its table is
 * oriented by sector, not by which review came first) and the same Fleiss' kappa, while the
 * overall Cohen's kappa, first review against second, may differ.
 */
@QuarkusTest
class SectorPairOrientationTest {

    String criterion;


    /**
     * Six patient-days (hospital's answer, community's answer): three (no, yes), two (yes, yes), one
     * (no, no); the hospital reviews first except on the first {@code communityFirst} cases.
     */
    JsonPath agreement(int communityFirst) {
        criterion = Api.firstCriterion();
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        boolean[][] answers = {{false, true}, {false, true}, {false, true}, {true, true}, {true, true},
            {false, false}};
        for (int i = 0; i < answers.length; i++) {
            String caseId = Api.registerCase(audit, hospital);
            Map<String, Object> h = Api.submittedReview(caseId, answers[i][0], criterion);
            Map<String, Object> c = Api.submittedReview(caseId, answers[i][1], criterion);
            if (i < communityFirst) {
                Api.putReview(audit, community, UUID.randomUUID().toString(), c).statusCode(201);
                Api.putReview(audit, hospital, UUID.randomUUID().toString(), h).statusCode(201);
            } else {
                Api.putReview(audit, hospital, UUID.randomUUID().toString(), h).statusCode(201);
                Api.putReview(audit, community, UUID.randomUUID().toString(), c).statusCode(201);
            }
        }
        return asAdmin().get("/api/audits/" + audit + "/agreement").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSameReviewsInAnotherOrderGiveTheSameSectorPairKappa() {
        JsonPath hospitalFirst = agreement(0);
        JsonPath mixed = agreement(1);
        assertEquals("COMMUNITY/HOSPITAL", mixed.getString("bySectorPair[0].sectors"));
        // Oriented community against hospital: a = 1, b = 0, c = 3, d = 2; po 0.5, pe 7/18, kappa 2/11.
        assertEquals(2.0 / 11, hospitalFirst.getDouble("bySectorPair[0].kappa"), 1e-6);
        assertEquals(2.0 / 11, mixed.getDouble("bySectorPair[0].kappa"), 1e-6);
        // Fleiss' kappa pools the two reviews' answers: 5 no of 12, chance 74/144, the same either way.
        double fleiss = (0.5 - 74.0 / 144) / (1 - 74.0 / 144);
        assertEquals(fleiss, hospitalFirst.getDouble("fleissKappa"), 1e-6);
        assertEquals(fleiss, mixed.getDouble("fleissKappa"), 1e-6);
        assertEquals(fleiss, mixed.getDouble("bySectorPair[0].fleissKappa"), 1e-6);
        // Cohen's kappa of first review against second does depend on the order: 2/11 against 0.
        assertNotEquals(hospitalFirst.getDouble("kappa"), mixed.getDouble("kappa"), 1e-3);
    }
}
