package org.bestplace;

import static org.bestplace.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An audit that has taken every kind of write the figures and the export must follow, each
 * through the API: drafts submitted later, second reviews that agree and that disagree, edits of
 * a first and of a second review, a review moved to another day and one moved back, an override,
 * a debrief decision made and replaced, a corrected case and a withdrawn one with its pair.
 */
public final class MixedAudit {

    public final String audit;
    public final String hospital;
    public final String community;
    public final String chair;
    public final String[] cases = new String[9];
    private final String criterion;
    private final List<String> reasons;

    private MixedAudit() {
        audit = Api.collectingAudit();
        hospital = Api.reviewerOn(audit, "HOSPITAL");
        community = Api.reviewerOn(audit, "COMMUNITY");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        var set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        reasons = set.getList("reasons.code");
        for (int i = 0; i < cases.length; i++) {
            cases[i] = Api.registerCase(audit, hospital);
        }
    }

    Map<String, Object> review(int i, String date, boolean qualifies, boolean submitted, int variant) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", cases[i]);
        body.put("reviewDate", date);
        body.put("submitted", submitted);
        body.put("criteriaMet", qualifies ? List.of(criterion) : List.of());
        if (!qualifies) {
            body.put("alternative", variant == 0 ? "P1" : "P2");
            body.put("reasons", variant == 0 ? List.of(reasons.get(0)) : List.of(reasons.get(1), reasons.get(2)));
        }
        return body;
    }

    static Map<String, Object> change(Map<String, Object> body) {
        body.put("changeReason", "Corrected after the debrief discussion");
        return body;
    }

    void put(String reviewer, String id, Map<String, Object> body, int status) {
        Api.putReview(audit, reviewer, id, body).statusCode(status);
    }

    String fresh() {
        return UUID.randomUUID().toString();
    }

    /** Makes the audit and its writes. */
    public static MixedAudit made() {
        MixedAudit m = new MixedAudit();
        m.write();
        return m;
    }

    private void write() {
        // Case 0: a hospital draft, the community review submitted first, then the draft submitted: a disagreement.
        String draft = fresh();
        put(hospital, draft, review(0, "2026-11-03", false, false, 0), 201);
        put(community, fresh(), review(0, "2026-11-03", true, true, 0), 201);
        put(hospital, draft, review(0, "2026-11-03", false, true, 0), 200);
        // Case 1: a review that does not qualify, changed to qualify.
        String edited = fresh();
        put(hospital, edited, review(1, "2026-11-03", false, true, 0), 201);
        put(hospital, edited, change(review(1, "2026-11-03", true, true, 0)), 200);
        // Case 2: two that agree, then the first moves to the next day with another place and two reasons.
        String moved = fresh();
        put(hospital, moved, review(2, "2026-11-03", false, true, 0), 201);
        put(community, fresh(), review(2, "2026-11-03", false, true, 0), 201);
        put(hospital, moved, change(review(2, "2026-11-04", false, true, 1)), 200);
        // Case 3: an override.
        Map<String, Object> overridden = review(3, "2026-11-05", false, true, 0);
        overridden.remove("alternative");
        overridden.remove("reasons");
        overridden.put("override", Map.of("outcome", "QUALIFIES", "reason", "Palliative, moving would harm"));
        put(hospital, fresh(), overridden, 201);
        // Case 4: a disagreement on the 6th, decided at the debrief, and the decision replaced.
        put(hospital, fresh(), review(4, "2026-11-06", false, true, 1), 201);
        put(community, fresh(), review(4, "2026-11-06", true, true, 0), 201);
        // Case 5: a pair that is withdrawn with its case.
        put(hospital, fresh(), review(5, "2026-11-04", false, true, 0), 201);
        put(community, fresh(), review(5, "2026-11-04", true, true, 0), 201);
        // Case 6: a second review changed to agree; case 7 a pair whose first moves away and back.
        put(hospital, fresh(), review(6, "2026-11-05", true, true, 0), 201);
        String second = fresh();
        put(community, second, review(6, "2026-11-05", false, true, 1), 201);
        put(community, second, change(review(6, "2026-11-05", true, true, 0)), 200);
        String away = fresh();
        put(hospital, away, review(7, "2026-11-04", true, true, 0), 201);
        put(community, fresh(), review(7, "2026-11-04", false, true, 0), 201);
        put(hospital, away, change(review(7, "2026-11-05", true, true, 0)), 200);
        put(hospital, away, change(review(7, "2026-11-04", true, true, 0)), 200);
        // Case 8: reviewed on two days, then corrected to another ward and age band.
        put(hospital, fresh(), review(8, "2026-11-03", false, true, 0), 201);
        put(community, fresh(), review(8, "2026-11-06", false, true, 1), 201);

        as(chair).post("/api/audits/" + audit + "/debriefs/2026-11-06/opening").then().statusCode(200);
        String decisions = "/api/audits/" + audit + "/debriefs/2026-11-06/decisions";
        as(chair).body(Map.of("caseId", cases[4], "outcome", "QUALIFIES", "reason", "On IV antibiotics"))
                .post(decisions).then().statusCode(201);
        as(chair).body(Map.of("caseId", cases[4], "outcome", "DOES_NOT_QUALIFY", "alternative", "P1", "reason",
                "Antibiotics were stopped")).post(decisions).then().statusCode(201);
        as(chair).body(Map.of("caseId", cases[8], "outcome", "QUALIFIES", "reason", "Needs daily bloods"))
                .post(decisions).then().statusCode(201);
        as(hospital).body(Map.of("reason", "Registered twice: the same patient as another case"))
                .post("/api/audits/" + audit + "/cases/" + cases[5] + "/withdrawal").then().statusCode(200);
        as(hospital).body(Map.of("ward", "Ward B", "ageBand", "85+", "reason", "Typed from the wrong handover sheet"))
                .post("/api/audits/" + audit + "/cases/" + cases[8] + "/correction").then().statusCode(200);
    }
}
