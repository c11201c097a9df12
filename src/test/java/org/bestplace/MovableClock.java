package org.bestplace;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import org.bestplace.operations.ServiceClock;

/**
 * The service clock in tests: the real time until a test sets it; the test puts it back with
 * {@link #reset()} when it ends, so other tests see the real time again.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableClock extends ServiceClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        Instant at = fixed;
        return at == null ? super.now() : at;
    }

    /** Stops the clock at the given instant. */
    public void set(Instant at) {
        fixed = at;
    }

    public void reset() {
        fixed = null;
    }
}
