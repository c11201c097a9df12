package org.bestplace.debrief;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.statistics.CohenKappa;
import org.junit.jupiter.api.Test;

/**
 * Every kind of edit a review can take, each through the API, and after each one the summary,
 * breakdowns, alternatives and reasons, agreement, "as agreed" figures and the internal export's
 * case rows are compared with the same figures worked out here from the review and decision
 * tables alone: the first review of a patient-day is its earliest submission (then the lower id),
 * never the stored first-of-day flag or the cells.
 */
@QuarkusTest
class EditedReviewsFiguresTest {

    static final String DNQ = "DOES_NOT_QUALIFY";

    @Inject
    AgroalDataSource dataSource;

    String audit;
    String hospital;
    String community;
    String chair;
    String criterion;
    List<String> reasons;

    Map<String, Object> review(String caseId, String date, boolean qualifies, boolean submitted, int variant) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", date);
        body.put("submitted", submitted);
        body.put("criteriaMet", qualifies ? List.of(criterion) : List.of());
        if (!qualifies) {
            body.put("alternative", variant == 0 ? "P1" : "P2");
            body.put("reasons", List.of(reasons.get(variant)));
        }
        return body;
    }

    Map<String, Object> change(Map<String, Object> body) {
        body.put("changeReason", "Corrected after the debrief discussion");
        return body;
    }

    void put(String reviewer, String id, Map<String, Object> body, int status) {
        Api.putReview(audit, reviewer, id, body).statusCode(status);
    }

    @Test
    void everyFigureFollowsTheReviewsAfterEveryKindOfEdit() throws Exception {
        audit = Api.collectingAudit();
        hospital = Api.reviewerOn(audit, "HOSPITAL");
        community = Api.reviewerOn(audit, "COMMUNITY");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        JsonPath set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        reasons = set.getList("reasons.code");
        String[] cases = new String[7];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = Api.registerCase(audit, hospital);
        }

        // The first review is corrected after the second is in.
        String h0 = UUID.randomUUID().toString();
        put(hospital, h0, review(cases[0], "2026-11-03", false, true, 0), 201);
        put(community, UUID.randomUUID().toString(), review(cases[0], "2026-11-03", true, true, 0), 201);
        check("before any edit");
        put(hospital, h0, change(review(cases[0], "2026-11-03", true, true, 0)), 200);
        check("first review changed");

        // The second review is corrected.
        String c1 = UUID.randomUUID().toString();
        put(hospital, UUID.randomUUID().toString(), review(cases[1], "2026-11-03", true, true, 0), 201);
        put(community, c1, review(cases[1], "2026-11-03", false, true, 1), 201);
        put(community, c1, change(review(cases[1], "2026-11-03", true, true, 0)), 200);
        check("second review changed");

        // Both are corrected.
        String h2 = UUID.randomUUID().toString();
        String c2 = UUID.randomUUID().toString();
        put(hospital, h2, review(cases[2], "2026-11-04", false, true, 0), 201);
        put(community, c2, review(cases[2], "2026-11-04", true, true, 0), 201);
        put(hospital, h2, change(review(cases[2], "2026-11-04", false, true, 1)), 200);
        put(community, c2, change(review(cases[2], "2026-11-04", false, true, 0)), 200);
        check("both reviews changed");

        // The first review moves to the next day, then back onto the day its pair stayed on.
        String h3 = UUID.randomUUID().toString();
        put(hospital, h3, review(cases[3], "2026-11-03", true, true, 0), 201);
        put(community, UUID.randomUUID().toString(), review(cases[3], "2026-11-03", false, true, 1), 201);
        put(hospital, h3, change(review(cases[3], "2026-11-04", true, true, 0)), 200);
        check("first review moved to the next day");
        put(hospital, h3, change(review(cases[3], "2026-11-03", true, true, 0)), 200);
        check("first review moved back");

        // A review submitted earlier moves onto a day whose only review came later.
        String h4 = UUID.randomUUID().toString();
        put(hospital, h4, review(cases[4], "2026-11-04", false, true, 0), 201);
        put(community, UUID.randomUUID().toString(), review(cases[4], "2026-11-05", true, true, 0), 201);
        put(hospital, h4, change(review(cases[4], "2026-11-05", false, true, 0)), 200);
        check("earlier review moved onto a later one's day");

        // A draft is submitted after the other sector's review.
        String h5 = UUID.randomUUID().toString();
        put(hospital, h5, review(cases[5], "2026-11-05", false, false, 0), 201);
        put(community, UUID.randomUUID().toString(), review(cases[5], "2026-11-05", true, true, 0), 201);
        put(hospital, h5, review(cases[5], "2026-11-05", false, true, 0), 200);
        check("draft submitted after the other review");

        // A decision is recorded on a disagreement, then replaced.
        put(hospital, UUID.randomUUID().toString(), review(cases[6], "2026-11-06", false, true, 1), 201);
        put(community, UUID.randomUUID().toString(), review(cases[6], "2026-11-06", true, true, 0), 201);
        as(chair).post("/api/audits/" + audit + "/debriefs/2026-11-06/opening").then().statusCode(200);
        String decisions = "/api/audits/" + audit + "/debriefs/2026-11-06/decisions";
        as(chair).body(Map.of("caseId", cases[6], "outcome", "QUALIFIES", "reason", "On IV antibiotics"))
                .post(decisions).then().statusCode(201);
        check("decision recorded");
        as(chair).body(Map.of("caseId", cases[6], "outcome", DNQ, "alternative", "P1", "reason",
                "Antibiotics were stopped")).post(decisions).then().statusCode(201);
        check("decision replaced");
    }

    /** One submitted review as the tables hold it, with its rank in its patient-day by the rule. */
    record Row(String caseNumber, long caseId, String date, String sector, String outcome, String alternative,
            String ward, String reasons, String decided, long rank) {
    }

    List<Row> reviews() throws Exception {
        String sql = """
                select c.case_number, r.case_id, r.review_date, r.reviewer_sector, r.outcome, r.alternative, r.ward,
                       (select group_concat(rr.code order by rr.code) from review_reason rr where rr.review_id = r.id),
                       (select d.outcome from decision d join debrief db on db.id = d.debrief_id
                        where db.audit_id = r.audit_id and db.debrief_date = r.review_date and d.case_id = r.case_id),
                       row_number() over (partition by r.case_id, r.review_date order by r.submitted_at, r.id)
                from review r join patient_case c on c.id = r.case_id
                where r.audit_id = ? and r.submitted = true""";
        List<Row> rows = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, Long.parseLong(audit));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getLong(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8), result.getString(9), result.getLong(10)));
                }
            }
        }
        return rows;
    }

    void check(String step) throws Exception {
        List<Row> all = reviews();
        List<String> days = all.stream().map(Row::date).distinct().sorted().toList();
        for (String day : days) {
            checkFigures(step + ", " + day, all.stream().filter(r -> r.date().equals(day)).toList(), "?date=" + day);
        }
        checkFigures(step + ", cumulative", all, "");
        checkCaseRows(step, all);
    }

    void checkFigures(String step, List<Row> rows, String query) {
        Map<String, List<Row>> patientDays = new TreeMap<>();
        rows.forEach(r -> patientDays.computeIfAbsent(r.caseId() + "/" + r.date(), k -> new ArrayList<>()).add(r));
        long reviewed = 0;
        long notQualifying = 0;
        Map<String, Long> bySector = new TreeMap<>();
        Map<String, Long> bySectorNo = new TreeMap<>();
        Map<String, Long> alternatives = new TreeMap<>();
        Map<String, Long> reasonCounts = new TreeMap<>();
        long[] table = new long[4];
        long settled = 0;
        long agreedNo = 0;
        long unresolved = 0;
        for (List<Row> day : patientDays.values()) {
            day.sort((x, y) -> Long.compare(x.rank(), y.rank()));
            Row first = day.get(0);
            reviewed++;
            bySector.merge(first.sector(), 1L, Long::sum);
            if (DNQ.equals(first.outcome())) {
                notQualifying++;
                bySectorNo.merge(first.sector(), 1L, Long::sum);
                alternatives.merge(first.alternative(), 1L, Long::sum);
                if (first.reasons() != null) {
                    for (String reason : first.reasons().split(",")) {
                        reasonCounts.merge(reason, 1L, Long::sum);
                    }
                }
            }
            if (day.size() == 2) {
                boolean a = DNQ.equals(first.outcome());
                boolean b = DNQ.equals(day.get(1).outcome());
                table[a ? (b ? 0 : 1) : (b ? 2 : 3)]++;
            }
            String agreed = agreedOutcome(day);
            if (agreed == null) {
                unresolved++;
            } else {
                settled++;
                agreedNo += DNQ.equals(agreed) ? 1 : 0;
            }
        }
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary" + query).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(reviewed, summary.getLong("reviewed"), step + ": reviewed");
        assertEquals(notQualifying, summary.getLong("notQualifying"), step + ": not qualifying");
        assertEquals(rows.size(), summary.getLong("reviews"), step + ": reviews");
        Map<String, String> sectors = new TreeMap<>();
        bySector.forEach((k, v) -> sectors.put(k, v + "/" + bySectorNo.getOrDefault(k, 0L)));
        Map<String, String> shownSectors = new TreeMap<>();
        for (Map<String, Object> row : summary.<Map<String, Object>>getList("bySector")) {
            if (((Number) row.get("reviewed")).longValue() > 0) {
                shownSectors.put((String) row.get("key"), row.get("reviewed") + "/" + row.get("notQualifying"));
            }
        }
        assertEquals(sectors, shownSectors, step + ": by sector");
        assertEquals(alternatives, counts(summary, "alternatives"), step + ": alternatives");
        assertEquals(reasonCounts, counts(summary, "reasons"), step + ": reasons");
        assertEquals(settled, summary.getLong("asAgreed.reviewed"), step + ": settled");
        assertEquals(agreedNo, summary.getLong("asAgreed.notQualifying"), step + ": agreed not qualifying");
        assertEquals(unresolved, summary.getLong("asAgreed.unresolved"), step + ": unresolved");

        JsonPath agreement = asAdmin().get("/api/audits/" + audit + "/agreement" + query).then().statusCode(200)
                .extract().jsonPath();
        CohenKappa.Result expected = CohenKappa.of(table[0], table[1], table[2], table[3]);
        assertEquals(expected.pairs(), agreement.getLong("pairs"), step + ": pairs");
        assertEquals(expected.agreed(), agreement.getLong("agreed"), step + ": agreed pairs");
        Double kappa = agreement.get("kappa") == null ? null : agreement.getDouble("kappa");
        if (expected.kappa() == null) {
            assertEquals(null, kappa, step + ": kappa");
        } else {
            assertEquals(expected.kappa(), kappa, 1e-6, step + ": kappa");
        }
    }

    static Map<String, Long> counts(JsonPath summary, String list) {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : summary.<Map<String, Object>>getList(list)) {
            counts.put((String) row.get("code"), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    /** The chair's decision, else the outcome every review shares, else null (unresolved). */
    static String agreedOutcome(List<Row> day) {
        if (day.get(0).decided() != null) {
            return day.get(0).decided();
        }
        return day.stream().map(Row::outcome).distinct().count() == 1 ? day.get(0).outcome() : null;
    }

    void checkCaseRows(String step, List<Row> all) {
        Map<String, List<Row>> patientDays = new TreeMap<>();
        all.forEach(r -> patientDays.computeIfAbsent(r.caseId() + "/" + r.date(), k -> new ArrayList<>()).add(r));
        List<String> expected = new ArrayList<>();
        for (List<Row> day : patientDays.values()) {
            String agreed = Objects.requireNonNullElse(agreedOutcome(day), "UNRESOLVED");
            for (Row r : day) {
                expected.add(r.caseNumber() + "|" + r.date() + "|" + r.rank() + "|" + r.sector() + "|" + r.outcome()
                        + "|" + agreed);
            }
        }
        List<String> exported = new ArrayList<>();
        JsonPath export = asAdmin().get("/api/audits/" + audit + "/export?format=json&mode=internal").then()
                .statusCode(200).extract().jsonPath();
        for (Map<String, Object> row : export.<Map<String, Object>>getList("tables.cases")) {
            exported.add(row.get("case_number") + "|" + row.get("review_date") + "|" + row.get("review_number") + "|"
                    + row.get("reviewer_sector") + "|" + row.get("outcome") + "|" + row.get("agreed_outcome"));
        }
        expected.sort(null);
        exported.sort(null);
        assertEquals(expected, exported, step + ": case rows");
        long firstRows = exported.stream().filter(r -> r.split("\\|")[2].equals("1")).count();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        assertEquals(firstRows, summary.getLong("reviewed"), step + ": case rows numbered 1 and the summary");
    }
}
