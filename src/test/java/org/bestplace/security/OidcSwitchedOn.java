package org.bestplace.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service as a trust would run it with its own identity provider: OIDC sign-in on, staff
 * matched by e-mail address, the provider being the test's own {@link OpenIdProvider}.
 */
public class OidcSwitchedOn implements QuarkusTestProfile {

    public static final String PROVIDER_NAME = "Test Trust Account";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bestplace.oidc.enabled", "true",
                "bestplace.oidc.provider-name", PROVIDER_NAME,
                "bestplace.oidc.match-by", "email",
                "quarkus.oidc.client-id", OpenIdProvider.CLIENT_ID,
                "quarkus.oidc.credentials.secret", OpenIdProvider.CLIENT_SECRET);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenIdProvider.class));
    }
}
