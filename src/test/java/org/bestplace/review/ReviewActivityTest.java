package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * The activity log says that a case was registered and that a review was submitted or changed,
 * naming the case by its case number, and never holds what the reviewer typed about the patient.
 */
@QuarkusTest
class ReviewActivityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRegistrationASubmissionAndAChangeEachLeaveOneEntryByCaseNumberAndNoPatientDetails() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String localId = "LOC-" + UUID.randomUUID().toString().substring(0, 8);
        String note = "Note-words-" + UUID.randomUUID().toString().substring(0, 8);
        String changeNote = "Changed-note-" + UUID.randomUUID().toString().substring(0, 8);
        String changeReason = "Reason-words-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General medicine", "ageBand",
                "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02", "localId", localId))
                .post("/api/audits/" + audit + "/cases").then().statusCode(201).extract().jsonPath();
        String caseId = registered.getString("id");
        String caseNumber = registered.getString("caseNumber");

        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> draft = new HashMap<>(Api.submittedReview(caseId, true, Api.firstCriterion()));
        draft.put("submitted", false);
        draft.put("note", note);
        Api.putReview(audit, reviewer, reviewId, draft).statusCode(201);
        Map<String, Object> submitted = new HashMap<>(draft);
        submitted.put("submitted", true);
        Api.putReview(audit, reviewer, reviewId, submitted).statusCode(200);
        Api.putReview(audit, reviewer, reviewId, submitted).statusCode(200);
        Map<String, Object> changed = new HashMap<>(Api.submittedReview(caseId, false, null));
        changed.put("note", changeNote);
        changed.put("changeReason", changeReason);
        Api.putReview(audit, reviewer, reviewId, changed).statusCode(200);
        // refused: a second change without a reason leaves nothing in the log
        changed.remove("changeReason");
        changed.put("flagged", true);
        Api.putReview(audit, reviewer, reviewId, changed).statusCode(409);

        List<String[]> entries = entries(audit);
        assertEquals(List.of("Registered case " + caseNumber + " on Ward A"), details(entries, "CASE_REGISTERED"));
        assertEquals(List.of("Submitted a review of case " + caseNumber + " for 2026-11-03"),
                details(entries, "REVIEW_SUBMITTED"), "one entry for the submission; the draft and the repeat none");
        assertEquals(List.of("Changed the submitted review of case " + caseNumber + " for 2026-11-03"),
                details(entries, "REVIEW_CHANGED"));
        for (String[] entry : entries) {
            for (String secret : List.of(localId, note, changeNote, changeReason, reviewId)) {
                assertTrue(!entry[1].contains(secret), entry[0] + " holds what it must not: " + entry[1]);
            }
        }
        for (String secret : List.of(localId, note, changeNote, changeReason)) {
            assertEquals(0, org.bestplace.Db.number(dataSource,
                    "select count(*) from activity_log where detail like ?", "%" + secret + "%"), secret);
        }
    }

    /** The audit's entries as {event, detail}, oldest first. */
    private List<String[]> entries(String audit) throws Exception {
        List<String[]> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select event, detail from activity_log where audit_id = ? order by id")) {
            s.setLong(1, Long.parseLong(audit));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return entries;
    }

    private static List<String> details(List<String[]> entries, String event) {
        return entries.stream().filter(e -> e[0].equals(event)).map(e -> e[1]).toList();
    }
}
