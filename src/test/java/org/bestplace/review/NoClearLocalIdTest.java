package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoClearLocalIdTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noTableHoldsALocalIdInClear() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String localId = "MRN-7391-QZX-4402";
        as(reviewer).body(Map.of("ward", "Ward A", "specialty", "Cardiology", "ageBand", "65-74", "sex", "MALE",
                "admissionDate", "2026-11-01", "localId", localId)).post("/api/audits/" + audit + "/cases")
                .then().statusCode(201);

        List<String[]> columns = new ArrayList<>();
        try (var connection = dataSource.getConnection()) {
            try (var result = connection.createStatement().executeQuery(
                    "select table_name, column_name from information_schema.columns where table_schema = database()")) {
                while (result.next()) {
                    columns.add(new String[] {result.getString(1), result.getString(2)});
                }
            }
            assertTrue(columns.size() > 40, "columns searched: " + columns.size());
            int hashed = 0;
            for (String[] column : columns) {
                String sql = "select count(*) from `" + column[0] + "` where cast(`" + column[1]
                        + "` as char) like ? or cast(`" + column[1] + "` as char) like ?";
                try (var statement = connection.prepareStatement(sql)) {
                    // Q, Z and X are not hex digits, so no hash or UUID can hold this part by chance.
                    statement.setString(1, "%QZX%4402%");
                    statement.setString(2, "%" + localId.toLowerCase() + "%");
                    try (var result = statement.executeQuery()) {
                        result.next();
                        assertEquals(0, result.getLong(1), column[0] + "." + column[1] + " holds the local id");
                    }
                }
            }
            try (var result = connection.createStatement().executeQuery(
                    "select count(*) from patient_case where local_id_hash is not null and audit_id = " + audit)) {
                result.next();
                hashed = result.getInt(1);
            }
            assertEquals(1, hashed);
        }
    }
}
