package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/**
 * The summary cells the database keeps on every review write agree with counting the reviews
 * themselves, after drafts, submissions, second reviews, changed outcomes, moved dates and overrides.
 */
@QuarkusTest
class SummaryCellsTest {

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> review(String caseId, String date, boolean qualifies, boolean submitted) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", date);
        body.put("submitted", submitted);
        body.put("criteriaMet", qualifies ? List.of(criterion()) : List.of());
        if (!qualifies) {
            body.put("alternative", "P1");
            body.put("reasons", List.of(reasons.get(0)));
        }
        return body;
    }

    static String criterion;
    static List<String> reasons;

    static String criterion() {
        return criterion;
    }

    List<String> rows(String sql, String audit) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setString(i, audit);
            }
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.append(result.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    // Each cell family read from its cells and counted from the reviews themselves; the stay band
    // is the review's own column (migration V20), so the thresholds are not restated here.
    static final String SUMMARY_FROM_CELLS = """
            select review_date, ward, specialty, reviewer_sector, age_band, stay_band,
                   sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides)
            from summary_cell where audit_id = ?
            group by 1, 2, 3, 4, 5, 6 having sum(reviews) > 0 order by 1, 2, 3, 4, 5, 6""";
    static final String SUMMARY_FROM_REVIEWS = """
            select review_date, ward, specialty, reviewer_sector, age_band, stay_band,
                   sum(first_of_day), sum(first_of_day and outcome = 'DOES_NOT_QUALIFY'), count(*),
                   sum(override_outcome is not null)
            from review where audit_id = ? and submitted = true
            group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6""";
    static final String PLACES_FROM_CELLS = """
            select review_date, kind, code, sum(tally) from place_cell where audit_id = ?
            group by 1, 2, 3 having sum(tally) <> 0 order by 1, 2, 3""";
    static final String PLACES_FROM_REVIEWS = """
            select review_date, kind, code, count(*) from (
              select r.review_date, 'alternative' as kind, r.alternative as code from review r where %1$s
              union all
              select r.review_date, 'reason', rr.code from review r join review_reason rr on rr.review_id = r.id
              where %1$s) p
            group by 1, 2, 3 order by 1, 2, 3""".formatted(
            "r.audit_id = ? and r.submitted and r.first_of_day and r.outcome = 'DOES_NOT_QUALIFY'");
    static final String PAIRS_FROM_CELLS = """
            select review_date, first_outcome, second_outcome, first_sector, second_sector, sum(pairs)
            from pair_cell where audit_id = ?
            group by 1, 2, 3, 4, 5 having sum(pairs) <> 0 order by 1, 2, 3, 4, 5""";
    static final String PAIRS_FROM_REVIEWS = """
            select s.review_date, r.outcome, s.outcome, r.reviewer_sector, s.reviewer_sector, count(*)
            from review s
            join review r on r.case_id = s.case_id and r.review_date = s.review_date and r.first_of_day
            where s.audit_id = ? and s.submitted and not s.first_of_day
            group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5""";

    void assertCellsMatchReviews(String audit, String after) throws Exception {
        assertEquals(rows(SUMMARY_FROM_REVIEWS, audit), rows(SUMMARY_FROM_CELLS, audit), "summary cells " + after);
        assertEquals(rows(PLACES_FROM_REVIEWS, audit), rows(PLACES_FROM_CELLS, audit), "place cells " + after);
        assertEquals(rows(PAIRS_FROM_REVIEWS, audit), rows(PAIRS_FROM_CELLS, audit), "pair cells " + after);
    }

    /** A collecting audit, a hospital and a community reviewer on it, and four registered patients. */
    record Team(String audit, String hospital, String community, String[] cases) {
    }

    static Team team() {
        var set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        reasons = set.getList("reasons.code");
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String[] cases = new String[4];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = Api.registerCase(audit, hospital);
        }
        return new Team(audit, hospital, Api.reviewerOn(audit, "COMMUNITY"), cases);
    }

    @Test
    void cellsMatchTheReviewsAfterEveryKindOfWrite() throws Exception {
        Team team = team();
        String audit = team.audit();
        String hospital = team.hospital();
        String community = team.community();
        String[] cases = team.cases();
        String r1 = UUID.randomUUID().toString();
        Api.putReview(audit, hospital, r1, review(cases[0], "2026-11-03", false, false)).statusCode(201);
        Api.putReview(audit, hospital, r1, review(cases[0], "2026-11-03", false, true)).statusCode(200);
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(cases[0], "2026-11-03", true, true))
                .statusCode(201);
        String r3 = UUID.randomUUID().toString();
        Api.putReview(audit, hospital, r3, review(cases[1], "2026-11-03", false, true)).statusCode(201);
        Map<String, Object> changed = review(cases[1], "2026-11-03", true, true);
        changed.put("changeReason", "Misread the chart");
        Api.putReview(audit, hospital, r3, changed).statusCode(200);
        String r4 = UUID.randomUUID().toString();
        Api.putReview(audit, hospital, r4, review(cases[2], "2026-11-03", false, true)).statusCode(201);
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(cases[2], "2026-11-03", false, true))
                .statusCode(201);
        Map<String, Object> moved = review(cases[2], "2026-11-04", false, true);
        moved.put("changeReason", "Wrong day");
        moved.put("alternative", "P2");
        moved.put("reasons", List.of(reasons.get(1), reasons.get(2)));
        Api.putReview(audit, hospital, r4, moved).statusCode(200);
        Map<String, Object> overridden = review(cases[3], "2026-11-05", false, true);
        overridden.remove("alternative");
        overridden.remove("reasons");
        overridden.put("override", Map.of("outcome", "QUALIFIES", "reason", "Palliative, moving would harm"));
        Api.putReview(audit, hospital, UUID.randomUUID().toString(), overridden).statusCode(201);

        List<String> places = rows(PLACES_FROM_REVIEWS, audit);
        assertEquals(places, rows(PLACES_FROM_CELLS, audit));
        // The 3rd: P1 and the first reason, twice (cases 1 and 3); the 4th: P2 and two other reasons.
        assertEquals(5, places.size(), "alternatives and reasons: " + places);
        List<String> truth = rows(SUMMARY_FROM_REVIEWS, audit);
        assertEquals(truth, rows(SUMMARY_FROM_CELLS, audit));
        assertEquals(4, truth.size(), "cells for two sectors on the 3rd, and the 4th and 5th: " + truth);
        var summary = Api.asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        // The 3rd: cases 1, 2 and 3 (whose community review became first when the hospital one moved);
        // the 4th: case 3; the 5th: case 4.
        assertEquals(5, summary.getInt("reviewed"));
        assertEquals(3, summary.getInt("notQualifying"), "case 1 on the 3rd, case 3 on the 3rd and the 4th");
        assertEquals(6, summary.getInt("reviews"));
        assertEquals(1, summary.getInt("overrides"));
    }

    /**
     * The pair cells agree with pairing the reviews themselves after a second review, a draft that
     * is submitted after another sector's review, a changed outcome, a review moved to another day
     * (handing "first" to the review left behind) and a review moved onto a day that has one.
     */
    @Test
    void pairCellsMatchTheReviewsAfterEveryKindOfWrite() throws Exception {
        Team team = team();
        String audit = team.audit();
        String hospital = team.hospital();
        String community = team.community();
        String[] cases = team.cases();
        // Case 0 on the 3rd: hospital says no, community says yes.
        Api.putReview(audit, hospital, UUID.randomUUID().toString(), review(cases[0], "2026-11-03", false, true))
                .statusCode(201);
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(cases[0], "2026-11-03", true, true))
                .statusCode(201);
        // Case 1 on the 3rd: a hospital draft, community submits first, then the draft is submitted.
        String draft = UUID.randomUUID().toString();
        Api.putReview(audit, hospital, draft, review(cases[1], "2026-11-03", false, false)).statusCode(201);
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(cases[1], "2026-11-03", true, true))
                .statusCode(201);
        Api.putReview(audit, hospital, draft, review(cases[1], "2026-11-03", false, true)).statusCode(200);
        // Case 2 on the 4th: both say no, then the second changes its mind.
        Api.putReview(audit, hospital, UUID.randomUUID().toString(), review(cases[2], "2026-11-04", false, true))
                .statusCode(201);
        String second = UUID.randomUUID().toString();
        Api.putReview(audit, community, second, review(cases[2], "2026-11-04", false, true)).statusCode(201);
        Map<String, Object> changed = review(cases[2], "2026-11-04", true, true);
        changed.put("changeReason", "Misread the chart");
        Api.putReview(audit, community, second, changed).statusCode(200);
        // Case 3: a pair on the 5th, then the first review moves to the 6th, where it is alone.
        String first = UUID.randomUUID().toString();
        Api.putReview(audit, hospital, first, review(cases[3], "2026-11-05", true, true)).statusCode(201);
        Api.putReview(audit, community, UUID.randomUUID().toString(), review(cases[3], "2026-11-05", false, true))
                .statusCode(201);
        Map<String, Object> moved = review(cases[3], "2026-11-06", true, true);
        moved.put("changeReason", "Wrong day");
        Api.putReview(audit, hospital, first, moved).statusCode(200);

        List<String> truth = rows(PAIRS_FROM_REVIEWS, audit);
        assertEquals(List.of(
                "2026-11-03|DOES_NOT_QUALIFY|QUALIFIES|HOSPITAL|COMMUNITY|1|",
                "2026-11-03|QUALIFIES|DOES_NOT_QUALIFY|COMMUNITY|HOSPITAL|1|",
                "2026-11-04|DOES_NOT_QUALIFY|QUALIFIES|HOSPITAL|COMMUNITY|1|"), truth);
        assertEquals(truth, rows(PAIRS_FROM_CELLS, audit));
        var agreement = Api.asAdmin().get("/api/audits/" + audit + "/agreement").then().extract().jsonPath();
        assertEquals(3, agreement.getInt("pairs"));
        assertEquals(0, agreement.getInt("agreed"));
    }

    /**
     * Statements no service method runs (a statement that changes nothing, one that moves a review
     * to another day, a delete) still leave the cells equal to the reviews: the triggers count
     * whatever writes the row.
     */
    @Test
    void cellsFollowAnyStatementOnTheReviews() throws Exception {
        Team team = team();
        String audit = team.audit();
        String[] cases = team.cases();
        String first = UUID.randomUUID().toString();
        Api.putReview(audit, team.hospital(), first, review(cases[0], "2026-11-03", false, true)).statusCode(201);
        Api.putReview(audit, team.community(), UUID.randomUUID().toString(), review(cases[0], "2026-11-03", true, true))
                .statusCode(201);
        String alone = UUID.randomUUID().toString();
        Api.putReview(audit, team.hospital(), alone, review(cases[1], "2026-11-03", false, true)).statusCode(201);
        assertCellsMatchReviews(audit, "after the reviews");
        assertEquals(1, rows(PAIRS_FROM_CELLS, audit).size(), "the pair of case 0");
        assertEquals(2, rows(PLACES_FROM_CELLS, audit).size(), "P1 and the first reason, for cases 0 and 1");

        Db.execute(dataSource, "update review set outcome = outcome where audit_id = ?", audit);
        assertCellsMatchReviews(audit, "after an update that changes nothing");

        Db.execute(dataSource, "update review set review_date = '2026-11-09' where id = ?", first);
        Db.execute(dataSource, "call rank_patient_day(?, '2026-11-03')", cases[0]);
        Db.execute(dataSource, "call rank_patient_day(?, '2026-11-09')", cases[0]);
        assertCellsMatchReviews(audit, "after a review moved to another day");

        for (String child : List.of("review_reason", "review_criterion", "review_history")) {
            Db.execute(dataSource, "delete from " + child + " where review_id = ?", alone);
        }
        Db.execute(dataSource, "delete from review where id = ?", alone);
        assertCellsMatchReviews(audit, "after a review was deleted");
        assertEquals(1, rows(SUMMARY_FROM_CELLS, audit).stream().filter(r -> r.startsWith("2026-11-03")).count(),
                "only the community review is left on the 3rd: " + rows(SUMMARY_FROM_CELLS, audit));
    }

    /**
     * One trigger per kind of write, each handing the row with its sign to the one counting procedure
     * (the export's case rows have triggers of their own, migration V33).
     */
    @Test
    void eachCellFamilyIsCountedByOneProcedureWithASign() throws Exception {
        List<String> triggers = rows("""
                select action_timing, event_manipulation, action_statement from information_schema.triggers
                where event_object_schema = database() and event_object_table = ?
                  and trigger_name not like 'review\\_case\\_row\\_%' order by 2, 1""", "review");
        assertEquals(List.of(
                "BEFORE|DELETE|CALL count_review_cells(OLD.id, -1)|",
                "AFTER|INSERT|CALL count_review_cells(NEW.id, 1)|",
                "AFTER|UPDATE|CALL count_review_cells(NEW.id, 1)|",
                "BEFORE|UPDATE|CALL count_review_cells(OLD.id, -1)|"), triggers);
    }
}
