package org.bestplace.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/** The test service starts as a fresh embedded one does, so the demo audit is there. */
@QuarkusTest
class DemoDataTest {

    @Inject
    AgroalDataSource dataSource;

    long one(String sql) throws Exception {
        return Db.number(dataSource, sql, DemoData.AUDIT_TITLE);
    }

    @Test
    void theDemoAuditHasTwoWardsThreeDaysAndSixtyCases() throws Exception {
        assertEquals(1, one("select count(*) from audit where title = ?"));
        assertEquals(2, one("select count(*) from audit_ward w join audit a on a.id = w.audit_id where a.title = ?"));
        assertEquals(60, one("select count(*) from patient_case c join audit a on a.id = c.audit_id where a.title = ?"));
        assertEquals(3, one("select count(distinct review_date) from review r join audit a on a.id = r.audit_id"
                + " where a.title = ?"));
        assertEquals("COLLECTING", status());
    }

    @Test
    void fiveReviewersFromAllThreeSectorsReviewIt() throws Exception {
        assertEquals(5, one("select count(distinct reviewer_id) from review r join audit a on a.id = r.audit_id"
                + " where a.title = ?"));
        assertEquals(3, one("select count(distinct reviewer_sector) from review r join audit a on a.id = r.audit_id"
                + " where a.title = ?"));
        assertEquals(8, one("select count(*) from audit_member m join audit a on a.id = m.audit_id where a.title = ?"));
    }

    @Test
    void theReviewersHaveTrainedAndOneIsNotYetReady() {
        var readiness = org.bestplace.Api.asAdmin().get("/api/audits/" + org.bestplace.Api.demoAudit() + "/readiness")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(5, readiness.getList("reviewers").size());
        assertEquals(java.util.List.of(true, true, true, true, false), readiness.getList("reviewers.ready"));
        assertEquals(4, readiness.getInt("reviewers.find { it.username == 'reviewer-m1' }.answered"));
    }

    @Test
    void someCasesHaveTwoReviewsByDifferentSectorsAndSomeDisagree() throws Exception {
        long dual = one("select count(*) from (select r.case_id from review r join audit a on a.id = r.audit_id"
                + " where a.title = ? group by r.case_id having count(*) = 2"
                + " and count(distinct r.reviewer_sector) = 2) d");
        long disagreeing = one("select count(*) from (select r.case_id from review r join audit a on a.id = r.audit_id"
                + " where a.title = ? group by r.case_id having count(distinct r.outcome) = 2) d");
        assertTrue(dual >= 8, "dual-reviewed cases: " + dual);
        assertTrue(disagreeing >= 3 && disagreeing < dual, "disagreeing: " + disagreeing + " of " + dual);
        long notQualifying = one("select count(*) from review r join audit a on a.id = r.audit_id"
                + " where a.title = ? and r.outcome = 'DOES_NOT_QUALIFY'");
        long all = one("select count(*) from review r join audit a on a.id = r.audit_id where a.title = ?");
        double share = (double) notQualifying / all;
        assertTrue(share > 0.1 && share < 0.45, "share not qualifying: " + share);
        System.out.printf("demo: %d reviews, %d cases reviewed twice, %d of them disagreeing, %.2f not qualifying%n",
                all, dual, disagreeing, share);
    }

    String status() throws Exception {
        return (String) Db.value(dataSource, "select status from audit where title = ?", DemoData.AUDIT_TITLE);
    }
}
