package org.bestplace.results;

import static org.bestplace.Api.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;

/**
 * The audit of {@link VariationApiTest}'s worked table, made through the API: 50 patients with one
 * first review each, on ten days from 3 November ({@link #DAYS}: reviewed, not qualifying) and three
 * wards (the first day's four are Ward C, the last day's ten Ward B, everyone else Ward A).
 */
record VariationAudit(String id, String chair, String commissioner, String reviewer) {

    static final long[][] DAYS = {{4, 4}, {4, 0}, {6, 0}, {4, 0}, {5, 0}, {4, 0}, {4, 0}, {4, 0}, {5, 2}, {10, 4}};
    static final LocalDate FIRST = LocalDate.of(2026, 11, 3);

    static VariationAudit create() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Variation audit " + UUID.randomUUID()));
        body.put("wards", List.of("Ward A", "Ward B", "Ward C"));
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(audit, commissioner, "COMMISSIONER", "COMMISSIONER");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        Api.reviewerOn(audit, "COMMUNITY");
        Api.startCollecting(audit);
        for (int d = 0; d < DAYS.length; d++) {
            for (int i = 0; i < DAYS[d][0]; i++) {
                boolean notQualifying = i < DAYS[d][1];
                String ward = d == 0 ? "Ward C" : d == DAYS.length - 1 ? "Ward B" : "Ward A";
                String caseId = as(reviewer).body(Map.of("ward", ward, "specialty", "General medicine",
                        "ageBand", "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02"))
                        .post("/api/audits/" + audit + "/cases").then().statusCode(201).extract().path("id");
                Map<String, Object> review = new HashMap<>(Api.submittedReview(caseId, !notQualifying, "MED-01"));
                review.put("reviewDate", FIRST.plusDays(d).toString());
                Api.putReview(audit, reviewer, UUID.randomUUID().toString(), review).statusCode(201);
            }
        }
        return new VariationAudit(audit, chair, commissioner, reviewer);
    }
}
