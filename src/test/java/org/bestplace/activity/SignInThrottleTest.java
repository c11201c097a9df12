package org.bestplace.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInThrottleTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedButAnOpenSessionGoesOn() throws Exception {
        String user = Api.user("target", "HOSPITAL", "REVIEWER");
        String session = ActivityLogTest.formSignIn(user, Api.PASSWORD, 302);
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", user).formParam("j_password", "guess-number-" + i)
                    .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
        }
        long failures = 0;
        for (int i = 0; i < 50 && failures < SignInThrottle.LIMIT; i++) {
            failures = Db.number(dataSource, "select count(*) from activity_log where username = ?"
                    + " and event = 'SIGN_IN_FAILED'", user);
            Thread.sleep(50);
        }
        assertEquals(SignInThrottle.LIMIT, failures);

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
        Api.as(user).get("/api/me").then().statusCode(401);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(200)
                .body(not(containsString("j_password")));

        String other = Api.user("bystander", "HOSPITAL", "REVIEWER");
        Api.as(other).get("/api/me").then().statusCode(200);
    }
}
