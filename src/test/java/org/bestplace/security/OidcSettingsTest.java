package org.bestplace.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void offNeedsNothing() {
        assertEquals(List.of(), OidcSettings.missing(false, NONE, NONE, NONE));
    }

    @Test
    void onNamesEverySettingThatIsMissingOrBlank() {
        assertEquals(List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), OidcSettings.missing(true, NONE, Optional.of(" "), NONE));
        assertEquals(List.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), OidcSettings.missing(true,
                Optional.of("https://login.example/realm"), Optional.of("bestplace"), NONE));
        assertEquals(List.of(), OidcSettings.missing(true, Optional.of("https://login.example/realm"),
                Optional.of("bestplace"), Optional.of("a-long-session-key-0123456789")));
    }
}
