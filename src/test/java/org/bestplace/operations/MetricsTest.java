package org.bestplace.operations;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.putReview;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/** Submits, signs off and exports over HTTP, then reads the figures back from the Prometheus endpoint. */
@QuarkusTest
class MetricsTest {

    static final String DAY = "2026-11-12";

    // The management URL already ends in its root path, /q.
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void reviewsSignOffsAndExportsAreCountedOnTheManagementPort() {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String lead = Api.user("lead", "HOSPITAL", "REVIEWER");
        Api.member(audit, lead, "LEAD", "HOSPITAL");
        String criterion = Api.firstCriterion();
        String first = Api.registerCase(audit, reviewer);
        String second = Api.registerCase(audit, reviewer);

        String before = scrape();
        double submittedBefore = value(before, "bestplace_reviews_submitted_total", "");
        double signOffsBefore = value(before, "bestplace_debrief_signoffs_total", "");
        double csvBefore = value(before, "bestplace_export_duration_seconds_count", "format=\"csv\"");
        double jsonBefore = value(before, "bestplace_export_duration_seconds_count", "format=\"json\"");

        // A submitted review counts once, a repeat of it not again; a draft counts when it is submitted.
        String submittedId = UUID.randomUUID().toString();
        putReview(audit, reviewer, submittedId, review(first, criterion, true)).statusCode(201);
        putReview(audit, reviewer, submittedId, review(first, criterion, true)).statusCode(200);
        String draftId = UUID.randomUUID().toString();
        putReview(audit, reviewer, draftId, review(second, criterion, false)).statusCode(201);
        assertEquals(submittedBefore + 1, value(scrape(), "bestplace_reviews_submitted_total", ""));
        putReview(audit, reviewer, draftId, review(second, criterion, true)).statusCode(200);

        String debrief = "/api/audits/" + audit + "/debriefs/" + DAY;
        as(chair).post(debrief + "/opening").then().statusCode(200);
        as(chair).post(debrief + "/sign-off").then().statusCode(200);
        as(chair).post(debrief + "/sign-off").then().statusCode(409);

        as(lead).get("/api/audits/" + audit + "/export?format=csv").then().statusCode(200);
        as(lead).get("/api/audits/" + audit + "/export?format=csv&mode=internal").then().statusCode(200);
        as(lead).get("/api/audits/" + audit + "/export?format=json").then().statusCode(200);

        String after = scrape();
        assertEquals(submittedBefore + 2, value(after, "bestplace_reviews_submitted_total", ""));
        assertEquals(signOffsBefore + 1, value(after, "bestplace_debrief_signoffs_total", ""));
        assertEquals(csvBefore + 2, value(after, "bestplace_export_duration_seconds_count", "format=\"csv\""));
        assertEquals(jsonBefore + 1, value(after, "bestplace_export_duration_seconds_count", "format=\"json\""));
        assertTrue(value(after, "bestplace_export_duration_seconds_sum", "format=\"csv\"") > 0, after);
        // HTTP latency as histogram buckets, by route template: no identifier in a label.
        assertTrue(value(after, "http_server_requests_seconds_bucket",
                "uri=\"/api/audits/{auditId}/export\"") > 0, () -> "no latency buckets for the export route in "
                + after.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList());
        // Labels hold route templates, whose braces the line pattern must allow.
        assertTrue(!after.contains(audit + "/export"), "an audit id leaked into a label");
    }

    @Test
    void requestsAreLabelledByRouteTemplateOnlyWhateverTheirPath() {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        List<String> reviewIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> junk = new java.util.ArrayList<>();
        for (String review : reviewIds) {
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + review).then().statusCode(404);
            given().get("/api/audits/" + audit + "/reviews/" + review).then().statusCode(401);
            as(reviewer).body("{}").put("/api/audits/" + audit + "/reviews/" + review).then().statusCode(400);
        }
        for (int i = 0; i < 50; i++) {
            String path = "/junk" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            junk.add(path);
            given().redirects().follow(false).get(path).then().statusCode(302);
            given().get("/api" + path).then().statusCode(401);
            Api.asAdmin().get("/api" + path).then().statusCode(404);
            given().urlEncodingEnabled(false).redirects().follow(false).get(path + ";x").then().statusCode(400);
        }
        String after = scrape();
        List<String> requests = after.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
        assertTrue(value(after, "http_server_requests_seconds_count",
                "uri=\"/api/audits/{auditId}/reviews/{reviewId}\"") >= 4, requests::toString);
        for (String review : reviewIds) {
            assertTrue(!after.contains(review), "a review id in a label: " + requests);
        }
        for (String path : junk) {
            assertTrue(!after.contains(path), "a junk path in a label: " + path + " in " + requests);
        }
    }

    @Test
    void theManagementPortServesEveryMeterAndTheServicePortNone() {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String criterion = Api.firstCriterion();
        double submittedBefore = value(scrape(), "bestplace_reviews_submitted_total", "");
        putReview(audit, reviewer, UUID.randomUUID().toString(), review(Api.registerCase(audit, reviewer), criterion,
                true)).statusCode(201);
        Api.asAdmin().get("/api/audits/" + audit + "/export?format=csv").then().statusCode(200);

        String exposition = given().get(metrics).then().statusCode(200)
                .contentType(either(startsWith("text/plain")).or(startsWith("application/openmetrics-text")))
                .extract().asString();
        // OpenMetrics names a counter without its _total suffix; its samples carry it.
        assertTrue(exposition.contains("# TYPE bestplace_reviews_submitted counter"), exposition);
        assertTrue(exposition.contains("# TYPE bestplace_debrief_signoffs counter"), exposition);
        assertTrue(exposition.contains("# TYPE bestplace_export_duration_seconds histogram"), exposition);
        assertTrue(exposition.contains("# TYPE http_server_requests_seconds histogram"), exposition);
        assertEquals(submittedBefore + 1, value(exposition, "bestplace_reviews_submitted_total", ""));
        assertTrue(value(exposition, "bestplace_export_duration_seconds_bucket", "format=\"csv\"") > 0, exposition);
        assertTrue(value(exposition, "http_server_requests_seconds_count", "uri=\"/api/audits/{auditId}/export\"") > 0,
                exposition);

        // The service port treats the path as a page: the anonymous go to sign in, and no figure is shown.
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302)
                .header("Location", containsString("/login"))
                .body(not(containsString("bestplace_reviews_submitted_total")));
        Api.asAdmin().redirects().follow(false).get("/q/metrics").then().statusCode(302)
                .body(not(containsString("# TYPE")));
    }

    static Map<String, Object> review(String caseId, String criterion, boolean submitted) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", DAY);
        body.put("criteriaMet", List.of(criterion));
        body.put("submitted", submitted);
        return body;
    }

    String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }

    /**
     * The sum of a series' samples whose labels contain {@code labels} (0 when there is none
     * yet, as before a first export of a format).
     */
    static double value(String exposition, String name, String labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(exposition);
        double sum = 0;
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            if (found.contains(labels)) {
                sum += Double.parseDouble(matcher.group(2));
            }
        }
        return sum;
    }
}
