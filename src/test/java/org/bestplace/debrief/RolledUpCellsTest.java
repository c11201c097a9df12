package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.MixedAudit;
import org.bestplace.generate.Generator;
import org.junit.jupiter.api.Test;

/**
 * The rolled-up cells (migration V33) the cumulative summary reads, per audit and day and per
 * audit, equal the fine summary, place and pair cells summed over what they leave out, and the
 * decision cells equal the decisions joined to their reviews, after every kind of write; and
 * rebuilding the audit's cells after a bulk load gives the same rows.
 */
@QuarkusTest
class RolledUpCellsTest {

    @Inject
    AgroalDataSource dataSource;

    static final List<String> DIMENSIONS = List.of("ward", "specialty", "sector", "age_band", "stay_band");

    /** The fine summary cells summed by one dimension, per day ({@code day} a column) or over the audit. */
    static String fineMargins(String day) {
        List<String> parts = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            String column = dimension.equals("sector") ? "reviewer_sector" : dimension;
            parts.add("select " + day + "'" + dimension + "' as dimension, " + column + " as label,"
                    + " sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides) from summary_cell"
                    + " where audit_id = ? group by " + day + column + " having sum(reviews) <> 0");
        }
        return "select * from (" + String.join(" union all ", parts) + ") m order by 1, 2, 3"
                + (day.isEmpty() ? "" : ", 4");
    }

    static final String DAY_MARGINS = """
            select review_date, dimension, label, sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides)
            from summary_margin where audit_id = ? group by 1, 2, 3 having sum(reviews) <> 0 order by 1, 2, 3""";
    static final String AUDIT_MARGINS = """
            select dimension, label, sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides)
            from audit_summary_margin where audit_id = ? group by 1, 2 having sum(reviews) <> 0 order by 1, 2""";
    static final String FINE_PLACES = """
            select kind, code, sum(tally) from place_cell where audit_id = ?
            group by 1, 2 having sum(tally) <> 0 order by 1, 2""";
    static final String AUDIT_PLACES = """
            select kind, code, sum(tally) from audit_place_cell where audit_id = ?
            group by 1, 2 having sum(tally) <> 0 order by 1, 2""";
    static final String FINE_PAIRS = """
            select first_outcome, second_outcome, first_sector, second_sector, sum(pairs) from pair_cell
            where audit_id = ? group by 1, 2, 3, 4 having sum(pairs) <> 0 order by 1, 2, 3, 4""";
    static final String AUDIT_PAIRS = """
            select first_outcome, second_outcome, first_sector, second_sector, sum(pairs) from audit_pair_cell
            where audit_id = ? group by 1, 2, 3, 4 having sum(pairs) <> 0 order by 1, 2, 3, 4""";

    /** The decisions as the "as agreed" figures counted them before V33, joined to their reviews. */
    static final String DECIDED_FROM_REVIEWS = """
            select r.outcome, d.outcome, count(distinct d.id), count(s.id)
            from decision d
            join debrief db on db.id = d.debrief_id
            join review r on r.case_id = d.case_id and r.review_date = db.debrief_date and r.first_of_day = true
                 and r.withdrawn = false
            left join review s on s.case_id = d.case_id and s.review_date = db.debrief_date
                 and s.submitted = true and s.first_of_day = false and s.outcome <> r.outcome
            where db.audit_id = ?
            group by r.outcome, d.outcome order by 1, 2""";
    static final String AUDIT_DECIDED = """
            select first_outcome, decided_outcome, sum(decided), sum(settled) from audit_decision_cell
            where audit_id = ? group by 1, 2 having sum(decided) <> 0 order by 1, 2""";

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

    List<String> rolledUp(String audit) throws Exception {
        List<String> all = new ArrayList<>();
        for (String sql : List.of(DAY_MARGINS, AUDIT_MARGINS, AUDIT_PLACES, AUDIT_PAIRS, AUDIT_DECIDED)) {
            all.add(String.join("\n", rows(sql, audit)));
        }
        return all;
    }

    @Test
    void rolledUpCellsEqualTheFineCellsAfterEveryKindOfWrite() throws Exception {
        String audit = MixedAudit.made().audit;

        List<String> perDay = rows(fineMargins("review_date, "), audit);
        assertFalse(perDay.isEmpty());
        assertEquals(perDay, rows(DAY_MARGINS, audit), "per audit and day");
        assertEquals(rows(fineMargins(""), audit), rows(AUDIT_MARGINS, audit), "per audit");
        assertEquals(rows(FINE_PLACES, audit), rows(AUDIT_PLACES, audit), "alternatives and reasons per audit");
        assertEquals(rows(FINE_PAIRS, audit), rows(AUDIT_PAIRS, audit), "pairs per audit");
        List<String> decided = rows(DECIDED_FROM_REVIEWS, audit);
        assertEquals(2, decided.size(), "two patient-days decided: " + decided);
        assertEquals(decided, rows(AUDIT_DECIDED, audit), "decisions per audit");

        // The cumulative summary's breakdowns are the fine cells' margins.
        var summary = Api.asAdmin().get("/api/audits/" + audit + "/summary").then().statusCode(200).extract()
                .jsonPath();
        Map<String, String> fields = Map.of("ward", "byWard", "specialty", "bySpecialty", "sector", "bySector",
                "age_band", "byAgeBand", "stay_band", "byStayBand");
        for (String dimension : DIMENSIONS) {
            List<String> fromCells = rows(fineMargins(""), audit).stream().filter(r -> r.startsWith(dimension + "|"))
                    .filter(r -> !r.split("\\|")[2].equals("0"))
                    .map(r -> r.split("\\|")[1] + ":" + r.split("\\|")[2] + ":" + r.split("\\|")[3]).sorted().toList();
            List<Map<String, Object>> shown = summary.getList(fields.get(dimension));
            assertEquals(fromCells, shown.stream().map(row -> row.get("key") + ":" + row.get("reviewed") + ":"
                    + row.get("notQualifying")).sorted().toList(), dimension);
        }

        List<String> before = rolledUp(audit);
        try (var connection = dataSource.getConnection()) {
            Generator.rebuildCells(connection, Long.parseLong(audit));
        }
        assertEquals(before, rolledUp(audit), "rebuilt after a bulk load");
    }
}
