package org.bestplace.programme;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.criteria.CriteriaApiTest;
import org.junit.jupiter.api.Test;

/**
 * Programmes through the API, on three audits each test makes (see {@link ProgrammeFiguresTest}
 * for the same counts worked by hand): A Newcastle 12 patient-days, 4 not qualifying; B Sunderland
 * 20 and 8; C Durham 9 and 3. Every review is a single first review, so "as agreed" is "as reviewed".
 */
@QuarkusTest
class ProgrammeApiTest {

    static final double TOLERANCE = 5e-6;

    /** The three audits and the team members the tests use. */
    record Census(String a, String b, String c, String commissionerOnA, String reviewerOnA, String programme) {
    }

    /** A collecting audit at {@code site} of {@code patientDays} patients reviewed on 3 November, the first ones not qualifying. */
    static String audit(String site, int patientDays, int notQualifying) {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Census " + site + " " + UUID.randomUUID()));
        body.put("site", site);
        String audit = asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        Api.startCollecting(audit);
        for (int i = 0; i < patientDays; i++) {
            String caseId = Api.registerCase(audit, reviewer);
            Map<String, Object> review = new HashMap<>(Api.submittedReview(caseId, i >= notQualifying, "MED-01"));
            if (i < notQualifying) {
                review.put("reasons", List.of("HP-TESTS"));
            }
            Api.putReview(audit, reviewer, UUID.randomUUID().toString(), review).statusCode(201);
        }
        return audit;
    }

    static Census census() {
        String a = audit("Newcastle", 12, 4);
        String b = audit("Sunderland", 20, 8);
        String c = audit("Durham", 9, 3);
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(a, commissioner, "COMMISSIONER", "COMMISSIONER");
        String reviewer = Api.reviewerOn(a, "COMMUNITY");
        String programme = asAdmin().body(Map.of("title", "North-East census " + UUID.randomUUID(), "auditIds",
                List.of(a, b, c))).post("/api/programmes").then().statusCode(201).extract().path("id");
        return new Census(a, b, c, commissioner, reviewer, programme);
    }

    @Test
    void aProgrammeOfThreeAuditsShowsEachAuditsHeadlineAndThePooledFigure() {
        Census census = census();
        JsonPath view = asAdmin().get("/api/programmes/" + census.programme()).then().statusCode(200)
                // 15 of 41, Wilson 0.235899 to 0.518793 (worked in ProgrammeFiguresTest)
                .body("pooled.reviewed", equalTo(41)).body("pooled.notQualifying", equalTo(15))
                .body("pooled.mode", equalTo("internal"))
                .body("audits.site", equalTo(List.of("Newcastle", "Sunderland", "Durham")))
                .body("alternatives[0].code", equalTo("P1")).body("alternatives[0].count", equalTo(15))
                .body("reasons[0].code", equalTo("HP-TESTS")).body("reasons[0].count", equalTo(15))
                .extract().jsonPath();
        assertEquals(0.365854, view.getDouble("pooled.proportion"), TOLERANCE);
        assertEquals(0.235899, view.getDouble("pooled.ci95.low"), TOLERANCE);
        assertEquals(0.518793, view.getDouble("pooled.ci95.high"), TOLERANCE);
        // Each audit's row is the headline of its own results: the summary "as agreed".
        List<String> ids = List.of(census.a(), census.b(), census.c());
        for (int i = 0; i < 3; i++) {
            JsonPath summary = asAdmin().get("/api/audits/" + ids.get(i) + "/summary").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(ids.get(i), view.getString("audits[" + i + "].id"));
            assertEquals(summary.getInt("asAgreed.reviewed"), view.getInt("audits[" + i + "].reviewed"));
            assertEquals(summary.getInt("asAgreed.notQualifying"), view.getInt("audits[" + i + "].notQualifying"));
            assertEquals(summary.getDouble("asAgreed.proportion"), view.getDouble("audits[" + i + "].proportion"), 1e-9);
        }
        asAdmin().get("/api/programmes").then().statusCode(200)
                .body("find { it.id == '" + census.programme() + "' }.audits", equalTo(3));
    }

    /**
     * The funnel across the three audits, worked by hand: overall 15 / 41 = 0.365854, so
     * overall × (1 − overall) = 0.232005; at each audit's n the standard error √(0.232005 / n) and
     * the limits overall ± 1.959964 se (95%) and ± 3.090232 se (99.8%), clipped to [0, 1]:
     *
     * <pre>
     * audit  n   not q.  p       se        95%                 99.8%
     * A      12  4       0.3333  0.139046  0.093329 0.638378   0        0.795537
     * B      20  8       0.4000  0.107704  0.154757 0.576950   0.033022 0.698685
     * C       9  3       0.3333  0.160556  0.051169 0.680538   0        0.862010
     * </pre>
     *
     * Every audit lies inside both. Someone on A's team only is shown B's and C's not-qualifying
     * counts as hidden, so only A is drawn for them, around its own proportion.
     */
    @Test
    void theFunnelAcrossTheAuditsHasTheLimitsAtEachAuditsPatientDays() {
        Census census = census();
        JsonPath funnel = asAdmin().get("/api/programmes/" + census.programme() + "/funnel").then().statusCode(200)
                .body("points.n", equalTo(List.of(12, 20, 9))).body("points.notQualifying", equalTo(List.of(4, 8, 3)))
                .body("points.inside95", equalTo(List.of(true, true, true)))
                .body("points.inside998", equalTo(List.of(true, true, true)))
                .extract().jsonPath();
        assertEquals(0.365854, funnel.getDouble("overall"), TOLERANCE);
        double[][] expected = {{12, 0.093329, 0.638378, 0, 0.795537}, {20, 0.154757, 0.576950, 0.033022, 0.698685},
            {9, 0.051169, 0.680538, 0, 0.862010}};
        for (double[] row : expected) {
            String limit = "limits.find { it.n == " + (int) row[0] + " }";
            assertEquals(row[1], funnel.getDouble(limit + ".low95"), TOLERANCE, "95% low at " + row[0]);
            assertEquals(row[2], funnel.getDouble(limit + ".high95"), TOLERANCE, "95% high at " + row[0]);
            assertEquals(row[3], funnel.getDouble(limit + ".low998"), TOLERANCE, "99.8% low at " + row[0]);
            assertEquals(row[4], funnel.getDouble(limit + ".high998"), TOLERANCE, "99.8% high at " + row[0]);
        }
        assertEquals(funnel.getList("points.key"), asAdmin().get("/api/programmes/" + census.programme()).then()
                .extract().jsonPath().getList("audits.title"), "a point per audit, named by its title");
        as(census.commissionerOnA()).get("/api/programmes/" + census.programme() + "/funnel").then().statusCode(200)
                .body("points.n", equalTo(List.of(12))).body("overall", equalTo((float) (4.0 / 12)));
        as(census.reviewerOnA()).get("/api/programmes/" + census.programme() + "/funnel").then().statusCode(403);
    }

    @Test
    void aPersonOnOneAuditsTeamSeesTheOtherAuditsOnlyInPublicationMode() {
        Census census = census();
        // A exact; B's 8 not qualifying hidden beside C's 3 (ProgrammeFiguresTest works it); pooled as published.
        as(census.commissionerOnA()).get("/api/programmes/" + census.programme()).then().statusCode(200)
                .body("audits[0].mode", equalTo("internal")).body("audits[0].reviewed", equalTo(12))
                .body("audits[0].notQualifying", equalTo(4))
                .body("audits[1].mode", equalTo("publication")).body("audits[1].reviewed", equalTo(20))
                .body("audits[1].notQualifying", nullValue()).body("audits[1].proportion", nullValue())
                .body("audits[2].mode", equalTo("publication")).body("audits[2].reviewed", equalTo(10))
                .body("audits[2].notQualifying", nullValue())
                .body("pooled.mode", equalTo("publication")).body("pooled.reviewed", equalTo(40))
                .body("pooled.notQualifying", equalTo(15)).body("pooled.proportion", equalTo(0.375f))
                .body("alternatives[0].count", equalTo(15));
        as(census.commissionerOnA()).get("/api/programmes").then().statusCode(200)
                .body("find { it.id == '" + census.programme() + "' }.readAs", equalTo("commissioner on an audit"));
        // A programme lead on none of the teams sees every audit as published.
        String lead = Api.user("programme-lead", "COMMISSIONER", "COMMISSIONER");
        asAdmin().body(Map.of("role", "LEAD")).put("/api/programmes/" + census.programme() + "/members/" + lead)
                .then().statusCode(200).body("username", equalTo(lead)).body("role", equalTo("LEAD"));
        as(lead).get("/api/programmes/" + census.programme()).then().statusCode(200)
                .body("audits.mode", equalTo(List.of("publication", "publication", "publication")))
                .body("audits.reviewed", equalTo(List.of(10, 20, 10)))
                .body("audits[1].notQualifying", equalTo(10)).body("audits[0].notQualifying", nullValue())
                .body("members.username", equalTo(List.of(lead)));
        // A reviewer on A is no reader of the programme; neither is someone on none of its audits.
        as(census.reviewerOnA()).get("/api/programmes/" + census.programme()).then().statusCode(403);
        as(Api.user("outsider", "HOSPITAL", "REVIEWER")).get("/api/programmes/" + census.programme()).then()
                .statusCode(403);
        asAdmin().get("/api/programmes/999999999").then().statusCode(404);
    }

    @Test
    void programmeLeadsAreAssignedAndRemovedByAnAdministrator() {
        Census census = census();
        String path = "/api/programmes/" + census.programme() + "/members/";
        String lead = Api.user("programme-lead", "HOSPITAL", "REVIEWER");
        as(lead).get("/api/programmes/" + census.programme()).then().statusCode(403);
        as(census.commissionerOnA()).body(Map.of()).put(path + lead).then().statusCode(403);
        asAdmin().body(Map.of("role", "CHAIR")).put(path + lead).then().statusCode(400).body("field", equalTo("role"));
        asAdmin().body(Map.of()).put(path + "nobody-" + UUID.randomUUID()).then().statusCode(404)
                .body("field", equalTo("username"));
        asAdmin().body(Map.of()).put(path + lead).then().statusCode(200).body("role", equalTo("LEAD"));
        asAdmin().body(Map.of()).put(path + lead).then().statusCode(200);
        as(lead).get("/api/programmes/" + census.programme()).then().statusCode(200)
                .body("members.size()", equalTo(1));
        as(lead).get("/api/programmes").then().statusCode(200)
                .body("find { it.id == '" + census.programme() + "' }.readAs", equalTo("programme lead"));
        as(census.commissionerOnA()).delete(path + lead).then().statusCode(403);
        asAdmin().delete(path + lead).then().statusCode(204);
        as(lead).get("/api/programmes/" + census.programme()).then().statusCode(403);
        asAdmin().delete(path + lead).then().statusCode(404).body("field", equalTo("member"));
    }

    @Test
    void aProgrammeIsRefusedNamingWhatIsWrongAndNothingIsMade() {
        String a = audit("Gateshead", 1, 0);
        String b = audit("Hexham", 1, 1);
        int before = asAdmin().get("/api/programmes").then().statusCode(200).extract().jsonPath().getList("$").size();
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(a, commissioner, "COMMISSIONER", "COMMISSIONER");
        as(commissioner).body(Map.of("title", "Not mine", "auditIds", List.of(a))).post("/api/programmes").then()
                .statusCode(403);
        refused(Map.of("title", "Empty", "auditIds", List.of()), "auditIds", "at least one audit");
        refused(Map.of("title", "None"), "auditIds", "at least one audit");
        refused(Map.of("title", "Unknown", "auditIds", List.of(a, "999999999")), "auditIds", "no audit 999999999");
        refused(Map.of("title", "Not an id", "auditIds", List.of(a, "north")), "auditIds", "'north' is not an audit id");
        refused(Map.of("title", "Twice", "auditIds", List.of(a, b, a)), "auditIds", "listed twice");
        refused(Map.of("title", " ", "auditIds", List.of(a, b)), "title", "title");
        refused(Map.of("title", "x".repeat(301), "auditIds", List.of(a, b)), "title", "300 characters");
        String other = auditOnAnotherCriteriaSet();
        refused(Map.of("title", "Two sets", "auditIds", List.of(a, other)), "auditIds", "one criteria set");
        assertEquals(before, asAdmin().get("/api/programmes").then().statusCode(200).extract().jsonPath().getList("$")
                .size(), "no programme was made");
        // Numbers are taken as ids as well as text.
        asAdmin().body("{\"title\":\"Numbers\",\"auditIds\":[" + a + "," + b + "]}").post("/api/programmes").then()
                .statusCode(201).body("audits.id", equalTo(List.of(a, b)));
    }

    @Test
    void anAdministratorRenamesAProgrammeAndChangesItsAudits() {
        Census census = census();
        String path = "/api/programmes/" + census.programme();
        String title = "North-East census, renamed " + UUID.randomUUID();
        asAdmin().body(Map.of("title", "  " + title + " ", "auditIds", List.of(census.c(), census.a()))).put(path)
                .then().statusCode(200).body("title", equalTo(title))
                .body("audits.id", equalTo(List.of(census.a(), census.c())))
                // 7 of 21 (A's 4 of 12 and C's 3 of 9)
                .body("pooled.reviewed", equalTo(21)).body("pooled.notQualifying", equalTo(7));
        asAdmin().get(path).then().statusCode(200).body("title", equalTo(title))
                .body("audits.id", equalTo(List.of(census.a(), census.c())));
        // Numbers are taken as ids, and an audit can come back.
        asAdmin().body("{\"title\":\"" + title + "\",\"auditIds\":[" + census.a() + "," + census.b() + ","
                + census.c() + "]}").put(path).then().statusCode(200).body("audits.size()", equalTo(3));
    }

    @Test
    void anEditIsRefusedNamingWhatIsWrongAndNothingChanges() {
        Census census = census();
        String path = "/api/programmes/" + census.programme();
        String before = asAdmin().get(path).then().statusCode(200).extract().asString();
        String title = asAdmin().get(path).then().extract().path("title");
        List<String> all = List.of(census.a(), census.b(), census.c());
        Map<String, Object> good = Map.of("title", "Renamed", "auditIds", List.of(census.a()));
        as(census.commissionerOnA()).body(good).put(path).then().statusCode(403);
        as(census.reviewerOnA()).body(good).put(path).then().statusCode(403);
        asAdmin().body(good).put("/api/programmes/999999999").then().statusCode(404);
        editRefused(path, Map.of("title", " ", "auditIds", all), "title", "title");
        editRefused(path, Map.of("auditIds", all), "title", "title");
        editRefused(path, Map.of("title", "x".repeat(301), "auditIds", all), "title", "300 characters");
        editRefused(path, Map.of("title", "Empty", "auditIds", List.of()), "auditIds", "at least one audit");
        editRefused(path, Map.of("title", "None"), "auditIds", "at least one audit");
        editRefused(path, Map.of("title", "Unknown", "auditIds", List.of(census.a(), "999999999")), "auditIds",
                "no audit 999999999");
        editRefused(path, Map.of("title", "Not an id", "auditIds", List.of(census.a(), "north")), "auditIds",
                "'north' is not an audit id");
        editRefused(path, Map.of("title", "Twice", "auditIds", List.of(census.a(), census.b(), census.a())),
                "auditIds", "listed twice");
        editRefused(path, Map.of("title", "Two sets", "auditIds", List.of(census.a(), auditOnAnotherCriteriaSet())),
                "auditIds", "one criteria set");
        assertEquals(before, asAdmin().get(path).then().statusCode(200).extract().asString(), "nothing changed");
        assertEquals(title, asAdmin().get(path).then().extract().path("title"));
    }

    private static void editRefused(String path, Map<String, Object> body, String field, String detail) {
        asAdmin().body(body).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field))
                .body("detail", containsString(detail));
    }

    private static void refused(Map<String, Object> body, String field, String detail) {
        asAdmin().body(body).post("/api/programmes").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo(field))
                .body("detail", containsString(detail));
    }

    /** An audit on a criteria set of its own, ratified by one signer of each sector. */
    static String auditOnAnotherCriteriaSet() {
        String setId = "programme-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(setId)).statusCode(201);
        for (String sector : List.of("HOSPITAL", "COMMUNITY", "COMMISSIONER")) {
            as(Api.user("signer", sector, "REVIEWER")).body(Map.of("sector", sector))
                    .post("/api/criteria-sets/" + setId + "/1/ratifications").then().statusCode(201);
        }
        Map<String, Object> body = new HashMap<>(Api.auditBody("Other set " + setId));
        body.put("criteriaSet", Map.of("id", setId, "version", "1"));
        return asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
    }
}
