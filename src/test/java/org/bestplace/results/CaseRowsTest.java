package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.MixedAudit;
import org.bestplace.generate.Generator;
import org.junit.jupiter.api.Test;

/**
 * The internal export's case rows, read in index order from what the database keeps as reviews,
 * decisions and withdrawals are written (migration V33), are the rows the query that numbered the
 * reviews and worked out the agreed outcome with window functions over the whole audit gave, row
 * for row and in the same order.
 */
@QuarkusTest
class CaseRowsTest {

    @Inject
    AgroalDataSource dataSource;

    /** The case-row query before V33, kept here word for word as the reference. */
    static final String WINDOWED = """
            select c.case_number,
                   r.review_date,
                   r.ward,
                   r.specialty,
                   r.age_band,
                   c.sex,
                   r.stay_band,
                   row_number() over day_of_case as review_number,
                   r.reviewer_sector,
                   r.outcome,
                   case when r.override_outcome is null then 'no' else 'yes' end as overridden,
                   (select group_concat(rc.code order by rc.code separator ';')
                      from review_criterion rc where rc.review_id = r.id) as criteria_met,
                   r.alternative,
                   (select group_concat(rr.code order by rr.code separator ';')
                      from review_reason rr where rr.review_id = r.id) as reasons,
                   coalesce(d.outcome,
                            case when min(r.outcome) over same_day = max(r.outcome) over same_day then r.outcome
                                 else 'UNRESOLVED' end) as agreed_outcome
            from review r
            join patient_case c on c.id = r.case_id
            left join debrief db on db.audit_id = r.audit_id and db.debrief_date = r.review_date
            left join decision d on d.debrief_id = db.id and d.case_id = r.case_id
            where r.audit_id = :audit and r.submitted = true and r.withdrawn = false
            window same_day as (partition by r.case_id, r.review_date),
                   day_of_case as (partition by r.case_id, r.review_date order by r.first_of_day desc, r.submitted_at, r.id)
            order by r.review_date, c.case_number, review_number""";

    List<String> rows(String sql, String audit) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql.replace(":audit", audit))) {
            var meta = result.getMetaData();
            StringBuilder header = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.append(meta.getColumnLabel(i)).append('|');
            }
            rows.add(header.toString());
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void caseRowsAreTheWindowedQuerysRowsAfterEveryKindOfWrite() throws Exception {
        MixedAudit mixed = MixedAudit.made();
        String audit = mixed.audit;
        List<String> reference = rows(WINDOWED, audit);
        assertTrue(reference.size() > 12, "the mixed audit's submitted reviews: " + reference);
        assertTrue(reference.stream().anyMatch(r -> r.endsWith("|UNRESOLVED|")), "an unresolved day");
        assertEquals(String.join("\n", reference), String.join("\n", rows(CaseRows.SQL, audit)));
        // Read in index order, row by row: nothing is sorted or gathered before the first row leaves.
        List<String> plan = rows("explain " + CaseRows.SQL, audit);
        assertTrue(plan.stream().noneMatch(r -> r.contains("filesort") || r.contains("temporary")), String.join("\n", plan));

        // The internal CSV carries the same rows.
        String csv = Api.asAdmin().get("/api/audits/" + audit + "/export?format=csv&mode=internal").then()
                .statusCode(200).extract().asString();
        String cases = csv.substring(csv.indexOf("# table: cases"));
        cases = cases.substring(0, cases.indexOf("\n# table:", 1) < 0 ? cases.length() : cases.indexOf("\n# table:", 1));
        assertEquals(reference.size(), cases.strip().split("\n").length - 1, cases);

        // The long tables, gathered from the same case rows, are the rows of their own queries.
        for (String table : List.of(ExportSchemas.CASE_CRITERIA, ExportSchemas.CASE_REASONS)) {
            List<String> expected = rows(CaseCodeRows.sql(table), audit);
            assertTrue(expected.size() > 3, table + ": " + expected);
            String part = csv.substring(csv.indexOf("# table: " + table + "\r\n") + ("# table: " + table).length());
            part = part.substring(0, part.indexOf("\n# table:") < 0 ? part.length() : part.indexOf("\n# table:")).strip();
            List<String> lines = expected.stream().map(r -> r.substring(0, r.length() - 1).replace('|', ',')).toList();
            // the code's title follows the four columns of the query
            List<String> written = java.util.Arrays.stream(part.split("\r\n"))
                    .map(l -> String.join(",", java.util.Arrays.asList(l.split(",", -1)).subList(0, 4))).toList();
            assertEquals(String.join("\n", lines), String.join("\n", written), table);
        }

        // A correction of a case's sex alone reaches its case rows (V39 keeps the sex on them).
        String sex = rows("select sex from patient_case where id = " + mixed.cases[8], audit).get(1);
        String other = sex.startsWith("FEMALE") ? "MALE" : "FEMALE";
        Api.as(mixed.hospital).body(java.util.Map.of("sex", other, "reason", "Typed from the wrong handover sheet"))
                .post("/api/audits/" + audit + "/cases/" + mixed.cases[8] + "/correction").then().statusCode(200);
        List<String> corrected = rows(WINDOWED, audit);
        assertTrue(corrected.stream().anyMatch(r -> r.contains("|" + other + "|")), String.join("\n", corrected));
        assertTrue(!corrected.equals(reference), "the correction changes a case row");
        assertEquals(String.join("\n", corrected), String.join("\n", rows(CaseRows.SQL, audit)), "after a correction of sex");

        try (var connection = dataSource.getConnection()) {
            Generator.rebuildCells(connection, Long.parseLong(audit));
        }
        assertEquals(String.join("\n", corrected), String.join("\n", rows(CaseRows.SQL, audit)),
                "rebuilt after a bulk load");
    }
}
