package org.bestplace.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionKeyCheckTest {

    @Test
    void anExternalDatabaseNeedsALongEnoughKey() {
        assertTrue(SessionKeyCheck.problem(false, Optional.empty()).orElseThrow()
                .contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));
        assertTrue(SessionKeyCheck.problem(false, Optional.of("   ")).isPresent());
        assertTrue(SessionKeyCheck.problem(false, Optional.of("short-key")).orElseThrow().contains("too short"));
        assertEquals(Optional.empty(), SessionKeyCheck.problem(false, Optional.of("k".repeat(32))));
    }

    @Test
    void theEmbeddedModeMakesItsOwnKey() {
        assertEquals(Optional.empty(), SessionKeyCheck.problem(true, Optional.empty()));
    }
}
