package org.bestplace.activity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SignInThrottleTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedButAnOpenSessionGoesOn() throws Exception {
        String user = Api.user("target", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            Pages.signInRefused(user, "guess-number-" + i);
        }
        // The failures are logged by a worker after each answer has gone.
        await().atMost(Duration.ofSeconds(5)).until(() -> failures(user), failures -> failures >= SignInThrottle.LIMIT);
        assertEquals(SignInThrottle.LIMIT, failures(user));

        Pages.signInRefused(user, Api.PASSWORD);
        Api.as(user).get("/api/me").then().statusCode(401);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(200)
                .body(not(containsString("j_password")));

        String other = Api.user("bystander", "HOSPITAL", "REVIEWER");
        Api.as(other).get("/api/me").then().statusCode(200);
    }

    /** The form posted to another spelling of its path, which the test client must send as written. */
    private long failures(String user) throws Exception {
        return Db.number(dataSource, "select count(*) from activity_log where username = ? and event = 'SIGN_IN_FAILED'",
                user);
    }

    private static void formPost(String path, String user, String password, String expectedLocation) {
        given().urlEncodingEnabled(false).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post(path).then().statusCode(302).header("Location", containsString(expectedLocation));
    }

    /** Each other spelling of the form's path reaches the same sign-in, so its wrong guesses count there too. */
    @ParameterizedTest
    @ValueSource(strings = {"/j_security_chec%6B", "//j_security_check", "/./j_security_check",
            "/x/../j_security_check"})
    void wrongGuessesThroughAnotherSpellingOfTheFormPathLockTheUsername(String path) {
        String user = Api.user("spelled", "HOSPITAL", "REVIEWER");
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            formPost(path, user, "guess-number-" + i, "error");
        }
        formPost(path, user, Api.PASSWORD, "error");
        Pages.signInRefused(user, Api.PASSWORD);
        Api.as(user).get("/api/me").then().statusCode(401);
    }

    @Test
    void wrongGuessesThroughHttpBasicLockTheFormAndBasicAlike() {
        String user = Api.user("basic", "HOSPITAL", "REVIEWER");
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            given().auth().preemptive().basic(user, "guess-number-" + i).get("/api/me").then().statusCode(401);
        }
        Api.as(user).get("/api/me").then().statusCode(401);
        Pages.signInRefused(user, Api.PASSWORD);
    }
}
