package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * Captures everything the service logs, at every level, while a case is registered with a
 * local identifier, registered again (refused as a duplicate) and registered with a malformed
 * body that echoes it, and checks the identifier appears in none of it.
 */
@QuarkusTest
class LocalIdNotLoggedTest {

    /** The test's own HTTP client logs what it sends; only the service's log is under test. */
    static boolean isTestClient(String logger) {
        return logger != null && (logger.startsWith("org.apache.http") || logger.startsWith("io.restassured"));
    }

    @Test
    void theLocalIdentifierNeverReachesTheLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isTestClient(record.getLoggerName())) {
                    return;
                }
                String message = record.getMessage() == null ? "" : record.getMessage();
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        message += " " + parameter;
                    }
                }
                if (record.getThrown() != null) {
                    message += " " + record.getThrown();
                }
                lines.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        // Keep the console at its usual level while the capture takes in the debug messages.
        Map<Handler, Level> quietened = new java.util.HashMap<>();
        for (Handler handler : root.getHandlers()) {
            quietened.put(handler, handler.getLevel());
            handler.setLevel(Level.INFO);
        }
        root.addHandler(capture);
        // The service's own code and the frameworks it runs on, down to debug messages.
        Map<Logger, Level> raised = new java.util.HashMap<>();
        for (String name : List.of("org.bestplace", "io.quarkus", "org.jboss.resteasy", "org.hibernate", "io.vertx",
                "org.mariadb", "io.agroal", "com.fasterxml")) {
            Logger logger = Logger.getLogger(name);
            raised.put(logger, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        org.jboss.logging.Logger.getLogger(LocalIdNotLoggedTest.class).info("log capture started");
        String localId = "RXH-55120-QZW";
        try {
            String audit = Api.collectingAudit();
            String reviewer = Api.reviewerOn(audit, "HOSPITAL");
            Map<String, Object> body = Map.of("ward", "Ward A", "specialty", "Cardiology", "ageBand", "65-74",
                    "sex", "MALE", "admissionDate", "2026-11-01", "localId", localId);
            as(reviewer).body(body).post("/api/audits/" + audit + "/cases").then().statusCode(201);
            as(reviewer).body(body).post("/api/audits/" + audit + "/cases").then().statusCode(409);
            as(reviewer).body("{\"ward\":\"Ward A\",\"localId\":\"" + localId + "\",\"ageBand\":").post(
                    "/api/audits/" + audit + "/cases").then().statusCode(400);
            as(reviewer).body(Map.of("ward", "Ward A", "specialty", "Cardiology", "ageBand", "65-74", "sex",
                    "MALE", "admissionDate", "2026-11-01", "localId", localId + "-" + "x".repeat(80)))
                    .post("/api/audits/" + audit + "/cases").then().statusCode(400);
        } finally {
            root.removeHandler(capture);
            raised.forEach(Logger::setLevel);
            quietened.forEach(Handler::setLevel);
        }
        assertTrue(lines.contains("log capture started"), "the capture sees what is logged");
        List<String> leaks = lines.stream().filter(line -> line.contains("55120")).toList();
        System.out.printf("log capture: %d lines while registering with a local identifier, %d contain it%n",
                lines.size(), leaks.size());
        assertEquals(List.of(), leaks);
    }
}
