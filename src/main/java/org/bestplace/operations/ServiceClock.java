package org.bestplace.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The service's one clock. Every "now" comes from here and every "today" is an audit's own day
 * of this instant ({@code Audit.today}), so a test moves this clock instead of waiting for a date.
 */
@ApplicationScoped
public class ServiceClock {

    public Instant now() {
        return Instant.now();
    }
}
