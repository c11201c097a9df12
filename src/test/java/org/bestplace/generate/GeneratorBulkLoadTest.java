package org.bestplace.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator loads with the cells' triggers standing aside and rebuilds the audit's cells and
 * case rows set-based at the end (sql/cells/rebuild.sql). The same seed loaded through the
 * triggers, row by row, gives the same summary, place, pair and decision cells, rolled-up cells
 * and case rows: summed over the slots the triggers spread the rolled-up rows across, and with the
 * audit's own ids (its number in the case numbers, the review ids) left out.
 */
@QuarkusTest
class GeneratorBulkLoadTest {

    @Inject
    Generator generator;

    @Inject
    AgroalDataSource dataSource;

    /** Every table the rebuild writes, read without the audit's ids and summed over slots. */
    static final List<String> CELLS = List.of("""
            select review_date, ward, specialty, reviewer_sector, age_band, stay_band, sum(reviewed),
                   sum(not_qualifying), sum(reviews), sum(overrides)
            from summary_cell where audit_id = ? group by 1, 2, 3, 4, 5, 6 having sum(reviews) <> 0
            order by 1, 2, 3, 4, 5, 6""", """
            select review_date, kind, code, sum(tally) from place_cell where audit_id = ?
            group by 1, 2, 3 having sum(tally) <> 0 order by 1, 2, 3""", """
            select review_date, first_outcome, second_outcome, first_sector, second_sector, sum(pairs)
            from pair_cell where audit_id = ? group by 1, 2, 3, 4, 5 having sum(pairs) <> 0
            order by 1, 2, 3, 4, 5""", """
            select review_date, dimension, label, sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides)
            from summary_margin where audit_id = ? group by 1, 2, 3 having sum(reviews) <> 0 order by 1, 2, 3""", """
            select dimension, label, sum(reviewed), sum(not_qualifying), sum(reviews), sum(overrides)
            from audit_summary_margin where audit_id = ? group by 1, 2 having sum(reviews) <> 0 order by 1, 2""", """
            select kind, code, sum(tally) from audit_place_cell where audit_id = ?
            group by 1, 2 having sum(tally) <> 0 order by 1, 2""", """
            select first_outcome, second_outcome, first_sector, second_sector, sum(pairs) from audit_pair_cell
            where audit_id = ? group by 1, 2, 3, 4 having sum(pairs) <> 0 order by 1, 2, 3, 4""", """
            select first_outcome, decided_outcome, sum(decided), sum(settled) from audit_decision_cell
            where audit_id = ? group by 1, 2 having sum(decided) <> 0 order by 1, 2""", """
            select substring_index(case_number, '-', -1) as case_in_audit, review_date, listed, review_number,
                   criteria_met, reasons, agreed_outcome, decided_first, decided_outcome, settled, ward, specialty,
                   age_band, stay_band, reviewer_sector, outcome, overridden, alternative
            from case_row where audit_id = ? order by 1, 2, 3, 4""");

    List<String> tables(long audit) throws Exception {
        List<String> tables = new ArrayList<>();
        try (var connection = dataSource.getConnection()) {
            for (String sql : CELLS) {
                List<String> rows = new ArrayList<>();
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, audit);
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
                tables.add(String.join("\n", rows));
            }
        }
        return tables;
    }

    @Test
    void theBulkLoadGivesTheCellsAndCaseRowsTheTriggersGive() throws Exception {
        Generator.Generated bulk = generator.generate(new Generator.Options(1, 3000, 11, true), null);
        Generator.Generated triggered = generator.generate(new Generator.Options(1, 3000, 11, false), null);
        assertEquals(bulk.cases(), triggered.cases());
        assertEquals(bulk.decisions(), triggered.decisions());
        assertTrue(bulk.decisions() > 0, "disagreements settled at debriefs, so decided case rows to compare");

        List<String> viaTriggers = tables(triggered.auditIds().get(0));
        List<String> viaBulk = tables(bulk.auditIds().get(0));
        for (int i = 0; i < CELLS.size(); i++) {
            assertTrue(!viaTriggers.get(i).isEmpty(), "rows to compare: " + CELLS.get(i));
            assertEquals(viaTriggers.get(i), viaBulk.get(i), CELLS.get(i));
        }
        assertEquals(3000, viaBulk.get(CELLS.size() - 1).split("\n").length, "a case row for every review");
    }
}
