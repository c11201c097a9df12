package org.bestplace.criteria;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.bestplace.web.CsrfToken;
import org.junit.jupiter.api.Test;

/** The criteria set forms refuse each bad input alone, with the form back and nothing changed. */
@QuarkusTest
class CriteriaPagesTest {

    private static io.restassured.specification.RequestSpecification form(Pages.Session session) {
        return session.request().cookie(CsrfToken.COOKIE, session.csrfCookie()).redirects().follow(false)
                .accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam(CsrfToken.FIELD, session.csrfToken());
    }

    @Test
    void aNameLongerThanIsKeptIsRefusedBesideTheField() {
        String id = "long-name-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(id)).statusCode(201);
        String hospital = Api.user("hosp", "HOSPITAL", "REVIEWER");
        Pages.Session session = Pages.signIn(hospital, Api.PASSWORD);
        form(session).formParam("name", "N".repeat(201)).formParam("role", "Matron").formParam("confirm", "yes")
                .post("/criteria-sets/" + id + "/1/ratifications").then().statusCode(400)
                .body(containsString("id=\"name-error\""))
                .body(containsString("Your name is 201 characters long; at most 200 are kept."))
                .body(containsString("value=\"Matron\""));
        Api.asAdmin().get("/api/criteria-sets").then()
                .body("find { it.id == '" + id + "' }.ratifiedBy", hasSize(0));
    }

    @Test
    void aVersionAlreadyStoredWithOtherContentIsRefusedOnThePage() {
        String id = "again-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(id)).statusCode(201);
        Pages.Session admin = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD);
        admin.request().cookie(CsrfToken.COOKIE, admin.csrfCookie()).redirects().follow(false).accept("text/html")
                .multiPart("yaml", CriteriaApiTest.set(id).replace("Needs oxygen", "Needs IV fluids"))
                .multiPart(CsrfToken.FIELD, admin.csrfToken())
                .post("/criteria-sets/upload").then().statusCode(409)
                .body(containsString("already exists with other content; give the new content a new version"))
                .body(containsString("Needs IV fluids"));
        Api.asAdmin().get("/api/criteria-sets/" + id + "/1").then().statusCode(200)
                .body("groups[0].criteria[0].text", not(containsString("IV fluids")));
    }
}
