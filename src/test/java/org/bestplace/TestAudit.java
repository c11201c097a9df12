package org.bestplace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An audit of November 2026 (see {@link Api#auditBody}) with a team of its own, made through the
 * API for one test, so page tests never touch the demo audit and can run again on the same database.
 * Everyone signs in with {@link Api#PASSWORD}.
 */
public record TestAudit(String id, String chair, String lead, String commissioner, String hospital,
        String community) {

    /**
     * A collecting audit with a chair, a lead, a commissioner and reviewers from two sectors: the
     * team is made while it is planned, and is just what an audit needs to start collecting.
     */
    public static TestAudit create() {
        String id = Api.asAdmin().body(Api.auditBody("Test audit " + UUID.randomUUID())).post("/api/audits").then()
                .statusCode(201).extract().path("id");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(id, chair, "CHAIR", "HOSPITAL");
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(id, lead, "LEAD", "COMMUNITY");
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(id, commissioner, "COMMISSIONER", "COMMISSIONER");
        String hospital = Api.reviewerOn(id, "HOSPITAL");
        String community = Api.reviewerOn(id, "COMMUNITY");
        Api.startCollecting(id);
        return new TestAudit(id, chair, lead, commissioner, hospital, community);
    }

    /**
     * A day of reviews on four new patients: the hospital reviewer's, the last two not qualifying,
     * and a community second review of the first that disagrees, so the debrief has a case to
     * discuss. Returns the case ids.
     */
    public List<String> dayOfReviews(LocalDate day) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String caseId = Api.registerCase(id, hospital);
            cases.add(caseId);
            review(hospital, caseId, day, i < 2);
        }
        review(community, cases.get(0), day, false);
        return cases;
    }

    /** A submitted review: one criterion met, or none with an alternative place and a reason. */
    public void review(String reviewer, String caseId, LocalDate day, boolean qualifies) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", day.toString());
        body.put("submitted", true);
        body.put("criteriaMet", qualifies ? List.of("MED-01") : List.of());
        body.put("reasons", qualifies ? List.of() : List.of("HP-TESTS"));
        if (!qualifies) {
            body.put("alternative", "P1");
        }
        Api.putReview(id, reviewer, UUID.randomUUID().toString(), body).statusCode(201);
    }
}
