package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesAndApiCarryTheSecurityHeaders() {
        for (var response : java.util.List.of(given().get("/login"), given().get("/static/review.js"),
                Api.asAdmin().get("/api/me"), given().redirects().follow(false).get("/"), given().get("/api/me"))) {
            response.then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe-inline'")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
    }
}
