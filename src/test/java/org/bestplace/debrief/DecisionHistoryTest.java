package org.bestplace.debrief;

import static org.bestplace.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/** A changed decision keeps the earlier one: the debrief shows both, and the database refuses to rewrite them. */
@QuarkusTest
class DecisionHistoryTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplacedDecisionStaysInItsHistory() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String caseId = Api.registerCase(audit, reviewer);
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate",
                "2026-11-03", "criteriaMet", List.of(), "alternative", "P1", "submitted", true)).statusCode(201);
        String base = "/api/audits/" + audit + "/debriefs/2026-11-03";
        as(chair).post(base + "/opening").then().statusCode(200);
        as(chair).body(Map.of("caseId", caseId, "outcome", "DOES_NOT_QUALIFY", "alternative", "P1", "reason",
                "Agreed home with support")).post(base + "/decisions").then().statusCode(201);
        as(chair).body(Map.of("caseId", caseId, "outcome", "QUALIFIES", "reason", "New bloods: needs IV fluids"))
                .post(base + "/decisions").then().statusCode(201).body("history", hasSize(2));
        as(chair).get(base).then().statusCode(200)
                .body("decisions", hasSize(1))
                .body("decisions[0].outcome", equalTo("QUALIFIES"))
                .body("decisions[0].history[0].outcome", equalTo("DOES_NOT_QUALIFY"))
                .body("decisions[0].history[0].reason", equalTo("Agreed home with support"))
                .body("decisions[0].history[1].outcome", equalTo("QUALIFIES"));

        long id = Db.number(dataSource, "select min(h.id) from decision_history h join decision d on d.id = h.decision_id"
                + " where d.case_id = ?", caseId);
        SQLException update = assertThrows(SQLException.class,
                () -> Db.execute(dataSource, "update decision_history set reason = 'rewritten' where id = ?", id));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(SQLException.class, () -> Db.execute(dataSource, "delete from decision_history where id = ?", id));
        assertEquals("Agreed home with support", Db.value(dataSource, "select reason from decision_history where id = ?",
                id));
    }
}
