package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.LogCapture;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A path with a ';' (a path parameter such as ;jsessionid=) is answered at once, signed in or
 * not, with 400 or the way to the sign-in page, and leaves no stack trace in the log.
 */
@QuarkusTest
class PathParameterTest {

    static final List<String> PATHS = List.of("/audits;x", "/;", "/audits/1;jsessionid=x", "/api/audits;x",
            "/login;x", "/static/bestplace.css;x", "/audits/1/debriefs/2026-11-03;x=1");

    static HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(5)).header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", "quarkus-credential=" + cookie);
        }
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(path + " got no answer within 5 seconds", e);
        }
    }

    static void assertPrompt(String path, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean toLogin = status >= 300 && status < 400
                && response.headers().firstValue("Location").orElse("").contains("/login");
        assertTrue(status == 400 || toLogin, path + ": " + status + " " + response.headers().map());
    }

    @Test
    void aSemicolonInThePathIsAnsweredAtOnceAndLogsNoStackTrace() throws Exception {
        String session = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD).cookie();
        try (LogCapture log = LogCapture.start()) {
            for (String path : PATHS) {
                assertPrompt(path, get(path, null));
                HttpResponse<String> signedIn = get(path, session);
                assertEquals(400, signedIn.statusCode(), path + ": " + signedIn.body());
            }
            // A query with characters a cookie cannot hold leads to the sign-in page too.
            for (String query : List.of("/audits?x=a,b", "/audits?x=a;b")) {
                HttpResponse<String> response = get(query, null);
                assertPrompt(query, response);
                assertTrue(response.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("quarkus-redirect-location=") && c.contains("x=a%")),
                        response.headers().map().toString());
            }
            assertEquals(List.of(), log.withStackTraces());
        }
        // The paths themselves still work.
        assertEquals(200, get("/static/bestplace.css", null).statusCode());
        assertEquals(200, get("/", session).statusCode());
        Api.asAdmin().get("/api/audits").then().statusCode(200);
    }
}
