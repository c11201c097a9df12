package org.bestplace.review;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.Locale;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.security.AdminBootstrap;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite. {@code mvn -B test -Dtest=ReviewFormBenchmark} signs in as a demo
 * reviewer and fetches the review form 1,000 times over loopback, printing p50/p95 of the time
 * from request to last byte (server render plus local HTTP).
 */
@QuarkusTest
class ReviewFormBenchmark {

    @Test
    void reviewFormRenderTime() {
        String audit = Api.demoAudit();
        String caseId = Api.asAdmin().get("/api/audits/" + audit + "/cases").then().extract().path("[0].id");
        String cookie = Pages.signIn("reviewer-c1", AdminBootstrap.DEMO_PASSWORD).cookie();
        String path = "/audits/" + audit + "/cases/" + caseId + "/review";
        for (int i = 0; i < 100; i++) {
            given().cookie("quarkus-credential", cookie).get(path).then().statusCode(200);
        }
        int runs = 1000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            given().cookie("quarkus-credential", cookie).get(path).then().statusCode(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%nreview form over %d requests: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", runs,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[(int) (runs * 0.99)] / 1e6);
    }
}
