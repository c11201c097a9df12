package org.bestplace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.web.CsrfToken;

/** The sign-in form as a browser uses it, and the pages read with the session it gives. */
public final class Pages {

    public static final String SESSION_COOKIE = "quarkus-credential";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\"");

    private Pages() {
    }

    /** A signed-in browser: its session cookie, and the anti-forgery token its pages hand out. */
    public record Session(String cookie, String csrfCookie, String csrfToken) {

        /** A request carrying the session cookie only, as a browser's first visit to a page does. */
        public RequestSpecification request() {
            return given().cookie(SESSION_COOKIE, cookie);
        }

        /** The page at {@code path}, which must answer 200. */
        public String page(String path) {
            return request().accept("text/html").get(path).then().statusCode(200).extract().asString();
        }
    }

    /** Posts the sign-in form and returns the answer unchecked, its redirect not followed. */
    public static Response submitSignIn(RequestSpecification request, String username, String password) {
        return request.redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    public static Response submitSignIn(String username, String password) {
        return submitSignIn(given(), username, password);
    }

    /** Signs in through the form, which must succeed, and reads the token from the start page. */
    public static Session signIn(String username, String password) {
        String cookie = submitSignIn(username, password).then().statusCode(302)
                .header("Location", not(containsString("error"))).extract().cookie(SESSION_COOKIE);
        assertNotNull(cookie, "no session for " + username);
        Response start = given().cookie(SESSION_COOKIE, cookie).get("/");
        start.then().statusCode(200);
        Matcher token = TOKEN.matcher(start.asString());
        assertTrue(token.find(), "the start page carries the anti-forgery token");
        return new Session(cookie, start.getCookie(CsrfToken.COOKIE), token.group(1));
    }

    /** A sign-in the form must refuse: back to the form with an error, and no session. */
    public static void signInRefused(String username, String password) {
        Response refused = submitSignIn(username, password);
        refused.then().statusCode(302).header("Location", containsString("error"));
        assertNull(refused.getCookie(SESSION_COOKIE), "a session for a refused sign-in of " + username);
    }
}
