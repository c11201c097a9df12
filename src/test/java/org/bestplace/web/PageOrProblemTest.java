package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three places that refuse a request (the exception mapper, the Vert.x guards before any
 * resource, the anti-forgery filter) answer the same Accept header the same way: the error page
 * when a page's address is asked for with HTML preferred, problem+json otherwise.
 */
@QuarkusTest
class PageOrProblemTest {

    static String session;

    static HttpResponse<String> send(HttpRequest.Builder request, String accept) throws Exception {
        request.timeout(Duration.ofSeconds(10)).header("Cookie", "quarkus-credential=" + session);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI at(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    static String kind(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("none");
        return response.statusCode() + " " + (type.startsWith("text/html") ? "page"
                : type.startsWith(Problem.MEDIA_TYPE) ? "problem" : type);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | page",
            "text/html | page",
            "application/problem+json;q=0.5, text/html | page",
            "application/json | problem",
            "*/* | problem",
            "'' | problem",
            "application/json, text/html;q=0.5 | problem",
            "text/html;q=0 | problem",
            "text/* | problem"})
    void everyRefusalAnswersTheSameAcceptTheSameWay(String accept, String expected) throws Exception {
        if (session == null) {
            session = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD).cookie();
        }
        String audit = Api.collectingAudit();
        List<String> kinds = new ArrayList<>();
        // The exception mapper: a page that is not there.
        kinds.add(kind(send(HttpRequest.newBuilder(at("/audits/" + audit + "/nothing-here")).GET(), accept)));
        // A Vert.x guard, before any resource: a ';' in the path.
        kinds.add(kind(send(HttpRequest.newBuilder(at("/audits;x")).GET(), accept)));
        // The anti-forgery filter: a form without its token.
        kinds.add(kind(send(HttpRequest.newBuilder(at("/audits/" + audit + "/wards/Ward%20A/cases"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("specialty=Cardiology")), accept)));
        // A form's address cannot answer a caller that takes no HTML at all: 406 before the filter runs.
        String forgery = kinds.get(2).startsWith("406 ") && expected.equals("problem") ? "406 " : "403 ";
        assertEquals(List.of("404 " + expected, "400 " + expected, forgery + expected), kinds);
    }
}
