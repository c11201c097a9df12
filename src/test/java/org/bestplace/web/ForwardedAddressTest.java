package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/**
 * Behind the proxy, the address logged is the one the proxy saw: the entry of X-Forwarded-For
 * nearest to it (the rightmost), not the leftmost, which the client may have written itself.
 * The tests' requests come from loopback, which the service trusts as its proxy.
 */
@QuarkusTest
class ForwardedAddressTest {

    static final String CHAIN = "203.0.113.9, 198.51.100.7";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailedSignInIsLoggedFromTheAddressNearestTheProxy() throws Exception {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic(username, "not-the-password").header("X-Forwarded-For", CHAIN)
                .get("/api/me").then().statusCode(401);
        assertEquals(1, Db.activity(dataSource, "SIGN_IN_FAILED", username));
        assertEquals("198.51.100.7", Db.value(dataSource,
                "select remote_address from activity_log where event = 'SIGN_IN_FAILED' and username = ?", username));
    }

    @Test
    void aRoleChangeIsLoggedFromTheAddressNearestTheProxy() throws Exception {
        String username = "forwarded-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().header("X-Forwarded-For", CHAIN)
                .body(Map.of("username", username, "displayName", "Forwarded", "organisation", "Test Trust",
                        "sector", "HOSPITAL", "roles", List.of("REVIEWER"), "password", Api.PASSWORD))
                .post("/api/users").then().statusCode(201);
        assertEquals("198.51.100.7", Db.value(dataSource, "select remote_address from activity_log"
                + " where event = 'ROLE_CHANGE' and detail like ?", "Created user " + username + " %"));
    }

    @Test
    void withoutTheHeaderTheConnectionsOwnAddressIsLogged() throws Exception {
        String username = "direct-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic(username, "not-the-password").get("/api/me").then().statusCode(401);
        assertEquals(1, Db.activity(dataSource, "SIGN_IN_FAILED", username));
        assertEquals("127.0.0.1", Db.value(dataSource,
                "select remote_address from activity_log where event = 'SIGN_IN_FAILED' and username = ?", username));
    }
}
