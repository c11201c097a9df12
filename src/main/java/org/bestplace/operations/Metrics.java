package org.bestplace.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Locale;

/**
 * The service's own Prometheus figures. Counts are taken when the transaction that made the
 * change commits, so a write that is rolled back is never counted. Made at start, so every
 * counter is exported from zero before its first event.
 */
@Startup
@ApplicationScoped
public class Metrics {

    static final String REVIEWS_SUBMITTED = "bestplace.reviews.submitted";
    static final String DEBRIEF_SIGN_OFFS = "bestplace.debrief.signoffs";
    static final String EXPORT_DURATION = "bestplace.export.duration";
    static final String CONFLICT_RETRIES = "bestplace.conflict.retries";

    /** Why a write was run again: the kinds of lost race RetryOnConflict retries. */
    public enum Conflict {
        /** A deadlock's victim, or on a Galera cluster a transaction that lost certification. */
        DEADLOCK,
        /** A unique key taken by a transaction that committed first. */
        DUPLICATE_KEY,
        /** A lock not granted within the server's wait timeout. */
        LOCK_WAIT_TIMEOUT
    }

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private Counter reviewsSubmitted;
    private Counter debriefSignOffs;
    private final java.util.Map<Conflict, Counter> conflictRetries = new java.util.EnumMap<>(Conflict.class);

    @PostConstruct
    void init() {
        reviewsSubmitted = Counter.builder(REVIEWS_SUBMITTED)
                .description("Reviews that became submitted (a draft saved is not counted, a resubmission neither)")
                .register(registry);
        debriefSignOffs = Counter.builder(DEBRIEF_SIGN_OFFS).description("Daily debriefs signed off by their chair")
                .register(registry);
        for (Conflict kind : Conflict.values()) {
            conflictRetries.put(kind, Counter.builder(CONFLICT_RETRIES)
                    .description("Writes run again from the start after losing a race in the database")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /**
     * Counts a write that lost a race and is about to run again. Counted at once: the attempt
     * that lost was rolled back, and the retry is the event.
     */
    public void conflictRetried(Conflict kind) {
        conflictRetries.get(kind).increment();
    }

    /** Counts a review that has just become submitted, once its transaction commits. */
    public void reviewSubmitted() {
        afterCommit(reviewsSubmitted);
    }

    /** Counts a debrief sign-off, once its transaction commits. */
    public void debriefSignedOff() {
        afterCommit(debriefSignOffs);
    }

    /** Starts timing an export; {@link ExportTiming#stop()} records it under its format. */
    public ExportTiming exportStarted(String format) {
        return new ExportTiming(Timer.start(registry), Timer.builder(EXPORT_DURATION)
                .description("Time from an export request to the last byte written")
                .tag("format", format.toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry));
    }

    /** One export being timed. */
    public record ExportTiming(Timer.Sample sample, Timer timer) {
        public void stop() {
            sample.stop(timer);
        }
    }

    private void afterCommit(Counter counter) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
