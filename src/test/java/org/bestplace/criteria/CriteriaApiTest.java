package org.bestplace.criteria;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class CriteriaApiTest {

    public static String set(String id) {
        return CriteriaFileTest.VALID.replace("id: test-set", "id: " + id);
    }

    @Test
    void theShippedSetIsLoadedRatified() {
        asAdmin().get("/api/criteria-sets").then().statusCode(200)
                .body("find { it.id == '" + Api.SET_ID + "' }.status", equalTo("RATIFIED"));
        asAdmin().get("/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION).then().statusCode(200)
                .body("groups[0].criteria[0].guidance", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()))
                .body("alternatives.code", hasItem("P0"));
    }

    @Test
    void anUploadIsADraftAndTheSameUploadAgainIsAccepted() {
        String id = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", set(id)).statusCode(201).body("status", equalTo("DRAFT")).body("id", equalTo(id));
        Api.uploadYaml("admin", set(id)).statusCode(200);
        Api.uploadYaml("admin", set(id).replace("Needs oxygen", "Needs IV fluids")).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aFileWithThreeProblemsGetsOneAnswerListingThemAll() {
        String yaml = """
                id: three-problems
                version: "1"
                title: Three problems
                groups:
                  - code: G1
                    title: Group
                    criteria:
                      - code: C1
                        text: One
                      - code: C1
                        text: Same code again
                      - code: bad code
                        text: Lower case and a space
                reasons:
                  - code: R1
                    title: Awaiting tests
                    group: HOSPITAL_PROCESS
                """;
        Api.uploadYaml("admin", yaml).statusCode(400).contentType("application/problem+json")
                .body("problems", hasSize(3))
                .body("problems.detail", hasItem(containsString("'C1' is used 2 times")))
                .body("problems.detail", hasItem(containsString("'bad code'")))
                .body("problems.detail", hasItem("no alternatives (places of care)"))
                // the second C1 is at line 10, the bad code at line 12; a missing list is placed at the file's start
                .body("problems.find { it.detail.contains('used 2 times') }.line", equalTo(10))
                .body("problems.find { it.detail.contains('used 2 times') }.column", equalTo(15))
                .body("problems.find { it.detail.contains('bad code') }.line", equalTo(12))
                .body("problems.find { it.detail.contains('bad code') }.column", equalTo(15))
                .body("problems.find { it.detail.startsWith('no alternatives') }.line", equalTo(1));
        asAdmin().get("/api/criteria-sets").then().body("id", org.hamcrest.Matchers.not(hasItem("three-problems")));
    }

    @Test
    void aKeyTheServiceDoesNotKnowIsRefusedAtItsLine() {
        String yaml = set("unknown-key").replace("    guidance: Given in the last 24 hours",
                "    guidance: Given in the last 24 hours\n        colour: red");
        Api.uploadYaml("admin", yaml).statusCode(400).body("problems", hasSize(1))
                .body("problems[0].detail", containsString("'colour'")).body("problems[0].line", equalTo(11));
    }

    @Test
    void retiringASetNeedsAReasonAndTheReasonIsLogged() {
        String id = "retire-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", set(id)).statusCode(201);
        String path = "/api/criteria-sets/" + id + "/1/retirement";
        asAdmin().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("reason"));
        asAdmin().body(Map.of("reason", " ")).post(path).then().statusCode(400).body("field", equalTo("reason"));
        asAdmin().get("/api/criteria-sets").then().body("find { it.id == '" + id + "' }.status", equalTo("DRAFT"));
        asAdmin().body(Map.of("reason", "Replaced by the panel's version 2")).post(path).then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("retiredReason", equalTo("Replaced by the panel's version 2"));
        asAdmin().get("/api/activity?event=CRITERIA_RETIRED").then().statusCode(200)
                .body("detail", hasItem("Retired criteria set " + id + " 1: Replaced by the panel's version 2"));
    }

    @Test
    void aSignatorySignsWithTheirNameAndRole() {
        String id = "signatory-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", set(id)).statusCode(201);
        String hospital = Api.user("hosp", "HOSPITAL", "CHAIR");
        as(hospital).body(Map.of("sector", "HOSPITAL", "name", "Dr Ann Ward", "role", "Clinical director"))
                .post("/api/criteria-sets/" + id + "/1/ratifications").then().statusCode(201);
        asAdmin().get("/api/activity?event=CRITERIA_RATIFIED").then().statusCode(200)
                .body("detail", hasItem(containsString(id + " 1 for the HOSPITAL sector as Dr Ann Ward, Clinical director")));
    }

    @Test
    void malformedYamlIsRefused() {
        Api.uploadYaml("admin", "id: [oops\n  - : :").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid input"));
    }

    @Test
    void oneSignOffPerSectorRatifiesTheSet() {
        String id = "ratify-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", set(id)).statusCode(201);
        String path = "/api/criteria-sets/" + id + "/1/ratifications";
        String hospital = Api.user("hosp", "HOSPITAL", "CHAIR");
        String community = Api.user("comm", "COMMUNITY", "REVIEWER");
        String commissioner = Api.user("ccg", "COMMISSIONER", "COMMISSIONER");
        as(hospital).body(Map.of("sector", "COMMUNITY")).post(path).then().statusCode(403);
        as(hospital).body(Map.of("sector", "HOSPITAL")).post(path).then().statusCode(201)
                .body("status", equalTo("DRAFT"));
        as(hospital).body(Map.of("sector", "HOSPITAL")).post(path).then().statusCode(409);
        as(community).body(Map.of("sector", "COMMUNITY")).post(path).then().statusCode(201);
        as(commissioner).body(Map.of("sector", "COMMISSIONER")).post(path).then().statusCode(201)
                .body("status", equalTo("RATIFIED"));
        asAdmin().body(Map.of("reason", "Test over")).post("/api/criteria-sets/" + id + "/1/retirement").then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
    }

    @Test
    void onlyAnAdminUploads() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        Api.uploadYaml(reviewer, set("nope")).statusCode(403);
    }
}
