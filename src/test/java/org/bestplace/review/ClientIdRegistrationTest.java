package org.bestplace.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.Test;

/**
 * A registration carries the id its tablet made, so the outbox may send it again after a lost
 * answer: the same id with the same content is one case, answered with that case; with other
 * content it is refused and nothing changes. The API and the tablet's door share the rule.
 */
@QuarkusTest
class ClientIdRegistrationTest {

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> registration(String clientId, String specialty) {
        Map<String, Object> body = new HashMap<>();
        body.put("ward", "Ward A");
        body.put("specialty", specialty);
        body.put("ageBand", "65-74");
        body.put("sex", "MALE");
        body.put("admissionDate", "2026-11-02");
        body.put("localId", "H" + UUID.randomUUID().toString().substring(0, 8));
        if (clientId != null) {
            body.put("clientId", clientId);
        }
        return body;
    }

    long casesWith(String clientId) throws Exception {
        return Db.number(dataSource, "select count(*) from patient_case where client_id = ?", clientId);
    }

    long casesIn(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", Long.parseLong(audit));
    }

    Response post(String audit, String reviewer, Map<String, Object> body) {
        return Api.as(reviewer).body(body).post("/api/audits/" + audit + "/cases");
    }

    @Test
    void theSameClientIdTwiceRegistersOneCaseAndAnswersWithIt() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = registration(clientId, "Cardiology");
        Response first = post(audit, reviewer, body);
        assertEquals(201, first.statusCode(), first.asString());
        Response again = post(audit, reviewer, body);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(first.jsonPath().getString("caseNumber"), again.jsonPath().getString("caseNumber"));
        assertEquals(1, casesWith(clientId));
        assertEquals(1, casesIn(audit));
        assertFalse(again.asString().contains((String) body.get("localId")), "the local identifier is not echoed");
    }

    @Test
    void theSameClientIdWithOtherContentIsRefusedAndChangesNothing() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = registration(clientId, "Cardiology");
        String id = post(audit, reviewer, body).then().statusCode(201).extract().path("id");
        Map<String, Object> other = new HashMap<>(body);
        other.put("specialty", "Respiratory");
        Response refused = post(audit, reviewer, other);
        assertEquals(409, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("clientId", refused.jsonPath().getString("field"));
        assertFalse(refused.asString().contains((String) body.get("localId")), refused.asString());
        assertEquals(1, casesIn(audit));
        assertEquals("Cardiology", Db.value(dataSource, "select specialty from patient_case where id = ?",
                Long.parseLong(id)));

        // Another reviewer's tablet cannot claim the case with the same id and content either.
        String colleague = Api.reviewerOn(audit, "COMMUNITY");
        assertEquals(409, post(audit, colleague, body).statusCode());
        assertEquals(1, casesIn(audit));
    }

    @Test
    void aClientIdThatIsNotAUuidIsRefused() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        Response refused = post(audit, reviewer, registration("not-a-uuid", "Cardiology"));
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("clientId", refused.jsonPath().getString("field"));
        assertEquals(0, casesIn(audit));
    }

    @Test
    void theTabletsDoorAndTheApiShareOneRegistration() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> body = registration(clientId, "Cardiology");
        Pages.Session session = Pages.signIn(reviewer, Api.PASSWORD);
        Response fromTablet = given().cookie(Pages.SESSION_COOKIE, session.cookie())
                .cookie(CsrfToken.COOKIE, session.csrfCookie()).header(CsrfToken.HEADER, session.csrfToken())
                .contentType("application/json").accept("application/json")
                .body(Map.of("author", reviewer, "registration", body)).post("/audits/" + audit + "/cases");
        assertEquals(201, fromTablet.statusCode(), fromTablet.asString());
        Response again = post(audit, reviewer, body);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(fromTablet.jsonPath().getString("id"), again.jsonPath().getString("id"));

        // Sent in someone else's session, the tablet's registration is refused and nothing is stored.
        Map<String, Object> second = registration(UUID.randomUUID().toString(), "Respiratory");
        Response wrongAuthor = given().cookie(Pages.SESSION_COOKIE, session.cookie())
                .cookie(CsrfToken.COOKIE, session.csrfCookie()).header(CsrfToken.HEADER, session.csrfToken())
                .contentType("application/json").accept("application/json")
                .body(Map.of("author", "someone-else", "registration", second)).post("/audits/" + audit + "/cases");
        assertEquals(409, wrongAuthor.statusCode(), wrongAuthor.asString());
        assertEquals("author", wrongAuthor.jsonPath().getString("field"));
        assertEquals(1, casesIn(audit));
    }
}
