package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.database.ClusterLocks;
import org.junit.jupiter.api.Test;

/**
 * The write locks on a case and on an audit change their row, so that on a Galera cluster, where
 * SELECT ... FOR UPDATE holds only on the node that runs it, two writes of one case (or of one
 * audit) on two nodes conflict at certification and the loser runs again (deploy/galera). A new
 * review's quick path changes the case's row only on a Galera node (database/ClusterLocks); the
 * test takes that path on the embedded server by switching it on.
 */
@QuarkusTest
class LocksAreWritesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theEmbeddedServerIsNotAGaleraNode() {
        assertFalse(ClusterLocks.rowWrites(), "one server: SELECT ... FOR UPDATE is the lock, nothing more is sent");
    }

    @Test
    void everyWriteOfAReviewChangesTheRowOfItsCaseOnAGaleraNode() throws Exception {
        boolean was = ClusterLocks.rowWrites(true);
        try {
            everyWriteChangesTheRow();
        } finally {
            ClusterLocks.rowWrites(was);
        }
    }

    private void everyWriteChangesTheRow() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String patient = Api.registerCase(audit, reviewer);
        long before = Db.number(dataSource, "select lock_count from patient_case where id = ?", patient);
        Map<String, Object> review = Map.of("caseId", patient, "reviewDate", "2026-11-03",
                "criteriaMet", List.of(Api.firstCriterion()), "submitted", true);
        String id = UUID.randomUUID().toString();
        Api.putReview(audit, reviewer, id, review).statusCode(201);
        assertEquals(before + 1, Db.number(dataSource, "select lock_count from patient_case where id = ?", patient),
                "the review's write locked its case by changing the row");
        // A repeat changes no review, but takes the same lock: it may be the second copy of a send.
        Api.putReview(audit, reviewer, id, review).statusCode(200);
        assertEquals(before + 2, Db.number(dataSource, "select lock_count from patient_case where id = ?", patient));
    }

    @Test
    void aRegistrationChangesTheRowOfItsAudit() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        long before = Db.number(dataSource, "select lock_count from audit where id = ?", audit);
        Api.registerCase(audit, reviewer);
        assertEquals(before + 1, Db.number(dataSource, "select lock_count from audit where id = ?", audit),
                "the registration locked its audit by changing the row");
    }
}
