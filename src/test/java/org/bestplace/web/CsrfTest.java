package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.review.ReviewPages;
import org.junit.jupiter.api.Test;

/** Form posts and the outbox's JSON writes are refused without the browser's anti-forgery token. */
@QuarkusTest
class CsrfTest {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndChangesNothing() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String session = Pages.signIn(reviewer, Api.PASSWORD).cookie();
        String ward = ReviewPages.wardPath(Long.valueOf(audit), "Ward A");
        Response page = given().urlEncodingEnabled(false).cookie("quarkus-credential", session).get(ward);
        page.then().statusCode(200);
        String cookie = page.getCookie(CsrfToken.COOKIE);
        String setCookie = page.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(CsrfToken.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(!setCookie.contains("Secure"), "no Secure flag over plain HTTP: " + setCookie);
        Matcher field = FIELD.matcher(page.asString());
        assertTrue(field.find(), "the registration form carries the token");
        assertEquals(cookie, field.group(1));

        Map<String, String> form = Map.of("specialty", "Cardiology", "ageBand", "65-74", "sex", "MALE",
                "admissionDate", "2026-11-02");
        long before = Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit);
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", session).cookie(CsrfToken.COOKIE, cookie)
                .accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .post(ward + "/cases").then().statusCode(403).contentType(containsString("text/html")).body(containsString("reload the page"));
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", session).cookie(CsrfToken.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded").formParams(form)
                .formParam(CsrfToken.FIELD, (cookie.startsWith("x") ? "y" : "x") + cookie.substring(1)).post(ward + "/cases").then().statusCode(403);
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", session)
                .contentType("application/x-www-form-urlencoded").formParams(form)
                .formParam(CsrfToken.FIELD, cookie).post(ward + "/cases").then().statusCode(403);
        assertEquals(before, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit),
                "nothing registered without a matching token");

        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", session).cookie(CsrfToken.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded").formParams(form)
                .formParam(CsrfToken.FIELD, cookie).post(ward + "/cases").then().statusCode(303);
        assertEquals(before + 1, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?",
                audit));
    }

    @Test
    void theOutboxPutNeedsTheTokenInItsHeaderTheApiDoesNot() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String caseId = Api.registerCase(audit, reviewer);
        String session = Pages.signIn(reviewer, Api.PASSWORD).cookie();
        String cookie = given().cookie("quarkus-credential", session).get("/").getCookie(CsrfToken.COOKIE);
        Map<String, Object> body = Map.of("caseId", caseId, "reviewDate", "2026-11-03", "submitted", true,
                "criteriaMet", List.of(), "alternative", "P1");
        String path = "/audits/" + audit + "/reviews/" + UUID.randomUUID();
        given().cookie("quarkus-credential", session).cookie(CsrfToken.COOKIE, cookie).contentType("application/json")
                .body(body).put(path).then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo("csrf-token"));
        assertEquals(0, Db.number(dataSource, "select count(*) from review where case_id = ?", caseId));
        given().cookie("quarkus-credential", session).cookie(CsrfToken.COOKIE, cookie).contentType("application/json")
                .header(CsrfToken.HEADER, cookie).body(body).put(path).then().statusCode(201);
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate",
                "2026-11-04", "submitted", true, "criteriaMet", List.of(), "alternative", "P1")).statusCode(201);
    }

    @Test
    void overTlsTheSignInCookieIsSecureToo() {
        String setCookie = Pages.submitSignIn(given().header("X-Forwarded-Proto", "https"), "admin",
                org.bestplace.TestDatabase.ADMIN_PASSWORD).then().statusCode(302).extract().headers()
                .getValues("Set-Cookie").stream().filter(h -> h.startsWith("quarkus-credential=")).findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("; Secure") && setCookie.toLowerCase().contains("httponly")
                && setCookie.contains("SameSite=Strict"), setCookie);
        String plain = Pages.submitSignIn("admin", org.bestplace.TestDatabase.ADMIN_PASSWORD).then().statusCode(302)
                .extract().headers().getValues("Set-Cookie").stream().filter(h -> h.startsWith("quarkus-credential="))
                .findFirst().orElseThrow();
        assertTrue(!plain.contains("Secure"), "not over plain HTTP: " + plain);
    }

    @Test
    void overTlsTheCookieIsSecure() {
        String session = Pages.signIn("admin", org.bestplace.TestDatabase.ADMIN_PASSWORD).cookie();
        String setCookie = given().cookie("quarkus-credential", session).header("X-Forwarded-Proto", "https")
                .get("/").getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(CsrfToken.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("; Secure"), setCookie);
    }

    /** The token a page hands out for this session: the cookie it sets, or the one the browser sent. */
    private static String tokenOf(String session, String heldCookie) {
        var request = given().urlEncodingEnabled(false).cookie("quarkus-credential", session);
        if (heldCookie != null) {
            request = request.cookie(CsrfToken.COOKIE, heldCookie);
        }
        Response page = request.get("/");
        page.then().statusCode(200);
        Matcher meta = Pattern.compile("name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\"").matcher(page.asString());
        assertTrue(meta.find(), "the page carries the token");
        String set = page.getCookie(CsrfToken.COOKIE);
        assertEquals(set == null ? heldCookie : set, meta.group(1), "the page's token is the cookie's");
        return meta.group(1);
    }

    @Test
    void theTokenBelongsToOneSessionAndANewOneComesWithEachSignIn() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String first = Pages.signIn(reviewer, Api.PASSWORD).cookie();
        String firstToken = tokenOf(first, null);
        assertEquals(firstToken, tokenOf(first, firstToken), "the token stays for the session's life");

        // The same browser signs in again, still holding the old session's token cookie.
        String second = Pages.signIn(reviewer, Api.PASSWORD).cookie();
        String secondToken = tokenOf(second, firstToken);
        assertTrue(!secondToken.equals(firstToken), "a new token at sign-in");

        String ward = ReviewPages.wardPath(Long.valueOf(audit), "Ward A");
        Map<String, String> form = Map.of("specialty", "Cardiology", "ageBand", "65-74", "sex", "MALE",
                "admissionDate", "2026-11-02");
        long before = Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit);
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", second)
                .cookie(CsrfToken.COOKIE, firstToken).contentType("application/x-www-form-urlencoded")
                .formParams(form).formParam(CsrfToken.FIELD, firstToken).post(ward + "/cases").then().statusCode(403);
        assertEquals(before, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit),
                "another session's token registers nothing");
        given().urlEncodingEnabled(false).redirects().follow(false).cookie("quarkus-credential", second)
                .cookie(CsrfToken.COOKIE, secondToken).contentType("application/x-www-form-urlencoded")
                .formParams(form).formParam(CsrfToken.FIELD, secondToken).post(ward + "/cases").then().statusCode(303);
    }
}
