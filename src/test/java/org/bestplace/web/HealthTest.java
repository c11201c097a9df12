package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness answers for the database too; liveness does not, so a database outage restarts nothing. */
@QuarkusTest
class HealthTest {

    static final String DATABASE_CHECK = "Database connections health check";

    @Test
    void readinessIncludesTheDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(DATABASE_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.data.'<default>'", equalTo("UP"));
    }

    @Test
    void livenessLeavesTheDatabaseOut() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem(DATABASE_CHECK)));
    }
}
