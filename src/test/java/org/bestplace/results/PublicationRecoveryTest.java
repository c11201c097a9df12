package org.bestplace.results;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * A publication export of a small audit, attacked by arithmetic on what it shows: a total less a
 * shown part, a column total less the shown rows, kappa and PABAK against the published counts.
 * None of them may give back a hidden count.
 */
@QuarkusTest
class PublicationRecoveryTest {

    static final String HIDDEN = "*";

    static boolean hidden(String cell) {
        return HIDDEN.equals(cell);
    }

    static boolean number(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A total and the parts that make it up: none hidden, or at least two hidden. */
    static void noLoneHidden(String what, String... cells) {
        long shownHidden = java.util.Arrays.stream(cells).filter(PublicationRecoveryTest::hidden).count();
        assertTrue(shownHidden != 1, what + " hides one count its neighbours give back: " + List.of(cells));
    }

    @Test
    void noHiddenCountCanBeWorkedOutFromWhatIsShown() {
        String criterion = Api.firstCriterion();
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        // Ward A: 12 patient-days, 9 not qualifying; 8 reviewed twice, 6 of them agreeing. Ward B: 2, qualifying.
        for (int i = 0; i < 14; i++) {
            String ward = i < 12 ? "Ward A" : "Ward B";
            String caseId = Api.as(hospital).body(Map.of("ward", ward, "specialty", "General medicine", "ageBand",
                    "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02")).post("/api/audits/" + audit + "/cases")
                    .then().statusCode(201).extract().path("id");
            boolean qualifies = i >= 9;
            Api.putReview(audit, hospital, UUID.randomUUID().toString(), Api.submittedReview(caseId, qualifies, criterion))
                    .statusCode(201);
            if (i < 8) {
                Api.putReview(audit, community, UUID.randomUUID().toString(),
                        Api.submittedReview(caseId, i < 6 ? qualifies : !qualifies, criterion)).statusCode(201);
            }
        }
        String csv = asAdmin().get("/api/audits/" + audit + "/export?format=csv&mode=publication").then()
                .statusCode(200).extract().asString();
        List<String> comments = new ArrayList<>();
        Map<String, List<Map<String, String>>> tables = ExportApiTest.tables(csv, comments);
        assertTrue(comments.get(0).toLowerCase(java.util.Locale.ROOT).contains("secondary suppression"), "the rule names the secondary suppression: " + comments);

        Map<String, String> s = new HashMap<>();
        tables.get("summary").forEach(row -> s.put(row.get("measure"), row.get("value")));
        noLoneHidden("reviewed = qualifying + not qualifying", s.get("reviewed"), s.get("qualifying"),
                s.get("not_qualifying"));
        noLoneHidden("reviewed = settled + unresolved", s.get("reviewed"), s.get("agreed_reviewed"),
                s.get("unresolved"));
        if (!hidden(s.get("reviewed")) && !hidden(s.get("qualifying"))) {
            assertEquals(Long.parseLong(s.get("reviewed")),
                    Long.parseLong(s.get("qualifying")) + Long.parseLong(s.get("not_qualifying")),
                    "published parts add up to the published total");
        }
        if (hidden(s.get("reviewed"))) {
            assertTrue(hidden(s.get("qualifying")) && hidden(s.get("not_qualifying")),
                    "no zero or other part beside a hidden total");
        }

        for (String table : List.of("by_ward", "by_specialty", "by_sector", "by_stay_band", "by_age_band",
                "by_day")) {
            for (String column : List.of("reviewed", "not_qualifying")) {
                String total = s.get(column);
                List<String> cells = new ArrayList<>(List.of(total));
                tables.get(table).forEach(row -> cells.add(row.get(column)));
                noLoneHidden(table + " " + column + " against the total", cells.toArray(String[]::new));
            }
            for (Map<String, String> row : tables.get(table)) {
                if (hidden(row.get("reviewed"))) {
                    assertTrue(hidden(row.get("not_qualifying")), table + ": a part beside a hidden total " + row);
                }
            }
        }
        partsAddUpAndProportionsFollow(tables, s);
        List<String> alternatives = new ArrayList<>(List.of(s.get("not_qualifying")));
        tables.get("alternatives").forEach(row -> alternatives.add(row.get("count")));
        noLoneHidden("alternatives against not qualifying", alternatives.toArray(String[]::new));

        for (Map<String, String> row : tables.get("agreement")) {
            assertFalse(number(row.get("kappa")), "kappa needs the exact table: " + row);
            assertFalse(number(row.get("ci95_low")) || number(row.get("fleiss_kappa")), row.toString());
            if (number(row.get("pabak"))) {
                double pairs = Double.parseDouble(row.get("pairs"));
                double agreed = Double.parseDouble(row.get("agreed"));
                assertEquals(2 * agreed / pairs - 1, Double.parseDouble(row.get("pabak")), 1e-9,
                        "PABAK from the published counts: " + row);
                assertEquals(agreed / pairs, Double.parseDouble(row.get("percent_agreement")), 1e-9, row.toString());
            } else {
                assertFalse(number(row.get("percent_agreement")), row.toString());
            }
        }
    }

    /**
     * Specialties of 8, 8 and 9 patient-days, each rounded on its own, would show 10 + 10 + 10 = 30
     * beside a total of 25; rounded together they add up. The first is all not qualifying, the
     * second all qualifying, the third all not qualifying, so the not-qualifying column (8 + 0 + 9
     * = 17, shown 15) would not add up on its own either; nor would it across the two wards (16
     * with 8 not qualifying, and 9 with 9).
     */
    @Test
    void partsShownInFullAddUpToTheirPublishedTotal() {
        String criterion = asAdmin().get("/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION).then().extract()
                .path("groups[0].criteria[0].code");
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        for (int i = 0; i < 25; i++) {
            String specialty = i < 8 ? "Cardiology" : i < 16 ? "Care of older people" : "Respiratory";
            String caseId = Api.as(hospital).body(Map.of("ward", i < 16 ? "Ward A" : "Ward B", "specialty", specialty,
                    "ageBand", "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02"))
                    .post("/api/audits/" + audit + "/cases").then().statusCode(201).extract().path("id");
            Api.putReview(audit, hospital, UUID.randomUUID().toString(),
                    Api.submittedReview(caseId, "Care of older people".equals(specialty), criterion)).statusCode(201);
        }
        String csv = asAdmin().get("/api/audits/" + audit + "/export?format=csv&mode=publication").then()
                .statusCode(200).extract().asString();
        List<String> comments = new ArrayList<>();
        Map<String, List<Map<String, String>>> tables = ExportApiTest.tables(csv, comments);
        Map<String, String> s = new HashMap<>();
        tables.get("summary").forEach(row -> s.put(row.get("measure"), row.get("value")));
        assertEquals(List.of("25", "15", "10"), List.of(s.get("reviewed"), s.get("not_qualifying"), s.get("qualifying")));
        partsAddUpAndProportionsFollow(tables, s);
        Map<String, Map<String, String>> specialties = ExportApiTest.byKey(tables.get("by_specialty"));
        List<String> keys = List.of("Cardiology", "Care of older people", "Respiratory");
        assertEquals(List.of("5", "10", "10"), keys.stream().map(k -> specialties.get(k).get("reviewed")).toList(),
                "specialties " + specialties);
        assertEquals(List.of("5", "0", "10"), keys.stream().map(k -> specialties.get(k).get("not_qualifying"))
                .toList(), "specialties " + specialties);
        assertTrue(comments.get(0).contains("add up to"), "the rule says parts add up to their total: " + comments);
    }

    static long sum(List<String> cells) {
        return cells.stream().mapToLong(Long::parseLong).sum();
    }

    /**
     * Wherever a total and every part of it are shown, the published parts sum to the published
     * total; and a row's proportion is its published not-qualifying over its published reviewed.
     */
    static void partsAddUpAndProportionsFollow(Map<String, List<Map<String, String>>> tables, Map<String, String> s) {
        for (String table : List.of("by_ward", "by_specialty", "by_sector", "by_stay_band", "by_age_band",
                "by_day")) {
            for (String column : List.of("reviewed", "not_qualifying")) {
                List<String> parts = tables.get(table).stream().map(row -> row.get(column)).toList();
                if (!hidden(s.get(column)) && parts.stream().noneMatch(PublicationRecoveryTest::hidden)) {
                    assertEquals(Long.parseLong(s.get(column)), sum(parts), table + " " + column + " add up: " + parts);
                }
            }
            for (Map<String, String> row : tables.get(table)) {
                if (!hidden(row.get("not_qualifying")) && Long.parseLong(row.get("reviewed")) > 0) {
                    assertEquals(Double.parseDouble(row.get("not_qualifying")) / Double.parseDouble(row.get("reviewed")),
                            Double.parseDouble(row.get("proportion")), 1e-6, table + " proportion " + row);
                }
            }
        }
        List<String> alternatives = tables.get("alternatives").stream().map(row -> row.get("count")).toList();
        if (!hidden(s.get("not_qualifying")) && alternatives.stream().noneMatch(PublicationRecoveryTest::hidden)) {
            assertEquals(Long.parseLong(s.get("not_qualifying")), sum(alternatives), "alternatives add up");
        }
        List<Map<String, String>> agreement = tables.get("agreement");
        for (String column : List.of("pairs", "agreed")) {
            List<String> parts = agreement.subList(1, agreement.size()).stream().map(row -> row.get(column)).toList();
            if (!hidden(agreement.get(0).get(column)) && parts.stream().noneMatch(PublicationRecoveryTest::hidden)) {
                assertEquals(Long.parseLong(agreement.get(0).get(column)), sum(parts), "sector pairs " + column);
            }
        }
    }

}
