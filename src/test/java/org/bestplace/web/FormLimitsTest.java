package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain forms (no script) take text up to each field's own maximum, however many bytes it
 * takes, and refuse longer text the way the JSON API does: the form comes back with the text
 * kept and the message beside the field, and nothing is stored.
 */
@QuarkusTest
class FormLimitsTest {

    static final String DAY = "2026-11-03";
    /** Two bytes in UTF-8 and six once URL-encoded, so a short text is already a long form field. */
    static final String WIDE = "é";

    @Inject
    AgroalDataSource dataSource;

    String audit;
    String reviewer;
    String chair;
    String caseId;
    String criterion;
    String alternative;

    @BeforeEach
    void setUp() {
        audit = Api.collectingAudit();
        reviewer = Api.reviewerOn(audit, "HOSPITAL");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        caseId = Api.registerCase(audit, reviewer);
        var set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        alternative = set.getString("alternatives[1].code");
    }

    /** A signed-in browser: its session cookie and its anti-forgery token. */
    record Browser(String session, String csrf) {
        static Browser of(String username) {
            String session = Pages.signIn(username, Api.PASSWORD).cookie();
            String csrf = given().cookie("quarkus-credential", session).get("/").getCookie(CsrfToken.COOKIE);
            return new Browser(session, csrf);
        }

        Response post(String path, Map<String, ?> form) {
            return given().redirects().follow(false).cookie("quarkus-credential", session)
                    .cookie(CsrfToken.COOKIE, csrf).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(form).formParam(CsrfToken.FIELD, csrf).post(path);
        }
    }

    Map<String, Object> review(Object... keysAndValues) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("reviewId", UUID.randomUUID().toString());
        form.put("reviewDate", DAY);
        form.put("criteriaMet", criterion);
        form.put("action", "submit");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                form.remove((String) keysAndValues[i]);
            } else {
                form.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return form;
    }

    String reviewPath() {
        return "/audits/" + audit + "/cases/" + caseId + "/review";
    }

    long rows(String table) throws Exception {
        return Db.number(dataSource, "select count(*) from " + table);
    }

    /**
     * The form came back with 400, the text kept in the field, and the message in an element
     * beside it that the field names as its description.
     */
    static void refusedBeside(Response response, String fieldId, String text, String message) {
        String html = response.asString();
        assertEquals(400, response.statusCode(), html);
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        Matcher field = Pattern.compile("<textarea id=\"" + Pattern.quote(fieldId) + "\"([^>]*)>([^<]*)</textarea>")
                .matcher(html);
        assertTrue(field.find(), "no field " + fieldId + " in " + html);
        assertEquals(text, field.group(2).replace("&#39;", "'").replace("&amp;", "&"), "the text is kept");
        assertTrue(field.group(1).contains("aria-invalid=\"true\""), field.group(0).substring(0, 120));
        Matcher error = Pattern.compile("<p class=\"error\"[^>]*id=\"([^\"]+)\"[^>]*>([^<]*)</p>").matcher(html);
        boolean beside = false;
        while (error.find()) {
            Matcher describedBy = Pattern.compile("aria-describedby=\"([^\"]*)\"").matcher(field.group(1));
            if (describedBy.find() && List.of(describedBy.group(1).split(" ")).contains(error.group(1))
                    && Math.abs(error.start() - field.start()) < 400) {
                assertTrue(error.group(2).contains(message), error.group(2));
                beside = true;
            }
        }
        assertTrue(beside, "no message beside " + fieldId);
    }

    @Test
    void theReviewFormKeepsLongTextAndRefusesTooLongTextBesideTheField() throws Exception {
        Browser browser = Browser.of(reviewer);
        long before = rows("review");

        String tooLong = "n".repeat(2001);
        refusedBeside(browser.post(reviewPath(), review("note", tooLong)), "note", tooLong, "2,000");
        String reason = "r".repeat(2001);
        refusedBeside(browser.post(reviewPath(), review("overrideOutcome", "DOES_NOT_QUALIFY", "alternative",
                alternative, "overrideReason", reason)), "overrideReason", reason, "2,000");
        assertEquals(before, rows("review"), "nothing stored");

        // No review id (a form cut short): the form again with a message, and a fresh id to send it with.
        Response noId = browser.post(reviewPath(), review("reviewId", null, "note", "kept"));
        assertEquals(400, noId.statusCode(), noId.asString());
        assertTrue(noId.asString().contains("id=\"form-error\""), noId.asString());
        assertTrue(noId.asString().contains(">kept</textarea>"), noId.asString());
        assertTrue(Pattern.compile("name=\"reviewId\" value=\"[0-9a-f-]{36}\"").matcher(noId.asString()).find(),
                noId.asString());
        assertEquals(before, rows("review"), "nothing stored");

        // The longest note allowed, 2,000 characters of 4,000 bytes (12,000 once URL-encoded), is taken.
        String longest = WIDE.repeat(2000);
        String id = UUID.randomUUID().toString();
        browser.post(reviewPath(), review("reviewId", id, "note", longest)).then().statusCode(303);
        assertEquals(longest, Db.value(dataSource, "select note from review where id = ?", id));
    }

    /** Opens the day with a flagged review on the queue, so the chair can decide and record. */
    String openDay() {
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate", DAY,
                "criteriaMet", List.of(criterion), "submitted", true, "flagged", true)).statusCode(201);
        Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        return "/audits/" + audit + "/debriefs/" + DAY;
    }

    @Test
    void theDebriefFormsKeepLongTextAndRefuseTooLongTextBesideTheField() throws Exception {
        String day = openDay();
        Browser browser = Browser.of(chair);
        long decisions = rows("decision");

        String reason = "d".repeat(2001);
        refusedBeside(browser.post(day + "/decisions", Map.of("caseId", caseId, "outcome", "QUALIFIES", "reason",
                reason)), "reason-" + caseId, reason, "2,000");
        assertEquals(decisions, rows("decision"), "no decision stored");

        String action = "a".repeat(1001);
        refusedBeside(browser.post(day + "/record", Map.of("notes", "kept", "actions", "First action\n" + action)),
                "actions", "First action\n" + action + "\n", "1,000");
        String name = "N".repeat(201);
        refusedBeside(browser.post(day + "/record", Map.of("attendees", name + ", HOSPITAL", "notes", "kept")),
                "attendees", name + ", HOSPITAL", "200");
        String notes = "x".repeat(10_001);
        refusedBeside(browser.post(day + "/record", Map.of("notes", notes)), "notes", notes, "10,000");
        assertEquals(null, Db.value(dataSource, "select notes from debrief where audit_id = ?", audit),
                "nothing recorded");

        // A learning point of 3,000 bytes (well under the notes' 10,000 characters) is taken.
        String learning = (WIDE + "learning point ").repeat(188);
        assertTrue(learning.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 3000);
        browser.post(day + "/record", Map.of("attendees", "Dr Chair, HOSPITAL", "notes", learning, "actions",
                "Ring the care home")).then().statusCode(303);
        assertEquals(learning.strip(), Db.value(dataSource, "select notes from debrief where audit_id = ?", audit));
        String decided = WIDE.repeat(2000);
        browser.post(day + "/decisions", Map.of("caseId", caseId, "outcome", "QUALIFIES", "reason", decided))
                .then().statusCode(303);
        assertEquals(decided, Db.value(dataSource, "select d.reason from decision d join debrief b on b.id ="
                + " d.debrief_id where b.audit_id = ?", audit));
    }
}
