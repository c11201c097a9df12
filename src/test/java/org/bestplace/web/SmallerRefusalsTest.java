package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;

/**
 * The smaller refusals: a control character in the minutes, over-long names in a criteria file,
 * malformed query values, and the refusals that used to come with an empty body.
 */
@QuarkusTest
class SmallerRefusalsTest {

    static final String DAY = "2026-11-03";

    @Test
    void aControlCharacterInTheDebriefNotesStillGivesThePdfMinutes() throws Exception {
        String audit = Api.collectingAudit();
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String debrief = "/api/audits/" + audit + "/debriefs/" + DAY;
        as(chair).post(debrief + "/opening").then().statusCode(200);
        as(chair).body(Map.of("notes", "Before the bell\u0007after the bell\u0000.", "actions",
                List.of("Ring\u000Bthe ward"), "attendees", List.of(Map.of("name", "Dr\u001B Chair", "sector",
                        "HOSPITAL")))).put(debrief).then().statusCode(200);
        String session = Pages.signIn(chair, Api.PASSWORD).cookie();
        byte[] pdf = given().cookie("quarkus-credential", session)
                .get("/audits/" + audit + "/debriefs/" + DAY + "/minutes.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Before the bell"), text);
            assertTrue(text.contains("after the bell"), text);
            assertTrue(text.contains("the ward"), text);
        }
    }

    static String criteriaFile(String id, String version, String title, String code) {
        return """
                id: %s
                version: "%s"
                title: %s
                groups:
                  - code: G1
                    title: Group
                    criteria:
                      - code: %s
                        text: Needs oxygen
                alternatives:
                  - code: HOME
                    title: Home
                reasons:
                  - code: R1
                    title: Awaiting tests
                    group: HOSPITAL_PROCESS
                """.formatted(id, version, title, code);
    }

    @Test
    void aCriteriaFileWithOverLongNamesListsThemAsProblems() {
        String id = "long-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", criteriaFile(id + "x".repeat(100), "1", "Title", "C1")).statusCode(400)
                .contentType("application/problem+json").body("problems", hasSize(1))
                .body("problems[0].detail", containsString("100"));
        Api.uploadYaml("admin", criteriaFile(id, "1".repeat(41), "Title", "C1")).statusCode(400)
                .body("problems", hasSize(1)).body("problems[0].detail", containsString("40"));
        Api.uploadYaml("admin", criteriaFile(id, "1", "T".repeat(301), "C1")).statusCode(400)
                .body("problems", hasSize(1)).body("problems[0].detail", containsString("300"));
        Api.uploadYaml("admin", criteriaFile(id, "1", "Title", "C".repeat(41))).statusCode(400)
                .body("problems", hasSize(1)).body("problems[0].detail", containsString("40"));
        Api.uploadYaml("admin", criteriaFile(id + "x".repeat(100), "1".repeat(41), "T".repeat(301),
                "C".repeat(41))).statusCode(400).body("problems", hasSize(4));
        asAdmin().get("/api/criteria-sets").then().body("id", org.hamcrest.Matchers.not(hasItem(
                org.hamcrest.Matchers.startsWith(id))));
        // Right at the columns' lengths the file is taken.
        Api.uploadYaml("admin", criteriaFile(id + "x".repeat(100 - id.length()), "1".repeat(40), "T".repeat(300),
                "C".repeat(40))).statusCode(201);
    }

    @Test
    void malformedQueryValuesAre400NamingTheParameter() {
        String audit = Api.collectingAudit();
        for (String path : List.of("/api/audits/" + audit + "/summary", "/api/audits/" + audit + "/agreement",
                "/api/audits/" + audit + "/cases")) {
            for (String date : List.of("2026-13-01", "2026-02-30", "yesterday")) {
                asAdmin().queryParam("date", date).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("field", equalTo("date"));
            }
        }
        for (String id : List.of("99999999999999999999", "abc", "1e3")) {
            asAdmin().queryParam("audit", id).get("/api/activity").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("audit"));
        }
        asAdmin().queryParam("limit", "99999999999").get("/api/activity").then().statusCode(400)
                .body("field", equalTo("limit"));
        asAdmin().queryParam("from", "2026-11-31").get("/api/activity").then().statusCode(400)
                .body("field", equalTo("from"));
        // Good values still work.
        asAdmin().queryParam("date", DAY).get("/api/audits/" + audit + "/summary").then().statusCode(200);
        asAdmin().queryParam("audit", audit).get("/api/activity").then().statusCode(200);
    }

    @Test
    void everyRefusalHasAProblemBody() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        as(reviewer).get("/api/users").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("detail", org.hamcrest.Matchers.not(equalTo("")));

        // A body over 1 MB sent in chunks, with no length declared up front.
        byte[] huge = ("{\"note\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString((reviewer + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/audits/" + audit + "/reviews/" + UUID.randomUUID()))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }
}
