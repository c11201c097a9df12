package org.bestplace.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Optional;
import org.bestplace.BestplaceConfig;
import org.jboss.logging.Logger;

/**
 * Makes the first administrator when the service starts with no user. Its password comes from
 * configuration; only a service on its own embedded database may fall back to the demo password.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String DEMO_PASSWORD = "bestplace-demo";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    BestplaceConfig config;

    @Inject
    UserService users;

    @Transactional
    void onStart(@Observes @Priority(20) StartupEvent event) {
        long started = System.nanoTime();
        ensureAdmin(config.adminPassword(), config.embedded());
        LOG.debugf("First administrator checked in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Creates {@code admin} when there is no user; refuses to go on without a password for it. */
    @Transactional
    public boolean ensureAdmin(Optional<String> configuredPassword, boolean embedded) {
        if (User.count() > 0) {
            return false;
        }
        String password = passwordFor(configuredPassword, embedded);
        users.create("admin", "Audit administrator", "Bestplace", Sector.HOSPITAL, EnumSet.of(Role.ADMIN), password);
        LOG.info("Created the first administrator, 'admin'");
        return true;
    }

    /** The configured password, or on the embedded database the demo one; otherwise the start is refused. */
    static String passwordFor(Optional<String> configuredPassword, boolean embedded) {
        return configuredPassword.filter(p -> !p.isBlank()).orElseGet(() -> {
            if (embedded) {
                return DEMO_PASSWORD;
            }
            throw new IllegalStateException("There is no user yet and no BESTPLACE_ADMIN_PASSWORD: set it to the"
                    + " password the first administrator ('admin') should have, then start the service again.");
        });
    }
}
