package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Trusted proxies are given as IPv4 addresses or as ranges. Quarkus takes any other entry, a bare
 * IPv6 address included, for a host name and resolves it while requests wait, which stalled one
 * request in about sixty for five seconds where DNS did not answer.
 */
class TrustedProxiesTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    @Test
    void everyTrustedProxyIsAnAddressOrARange() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String proxies = properties.getProperty("quarkus.http.proxy.trusted-proxies");
        assertFalse(proxies == null || proxies.isBlank(), "trusted proxies are configured");
        for (String entry : proxies.split(",")) {
            String proxy = entry.trim();
            assertTrue(IPV4.matcher(proxy).matches() || proxy.matches("[0-9a-fA-F.:]+/\\d{1,3}"),
                    proxy + " would be looked up as a host name");
        }
    }
}
