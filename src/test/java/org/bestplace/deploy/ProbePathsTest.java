package org.bestplace.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The paths the Deployment's probes call are answered by the service, readiness with the database. */
@QuarkusTest
class ProbePathsTest {

    @Test
    void theManifestsProbesAnswerOnTheRunningService() {
        JsonNode container = Manifests.read().named("Deployment", "bestplace")
                .path("spec").path("template").path("spec").path("containers").get(0);
        for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            given().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
        given().get(container.path("readinessProbe").path("httpGet").path("path").asText()).then()
                .body("checks.name", hasItem("Database connections health check"));
    }
}
