package org.bestplace.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.bestplace.database.Sql;
import org.bestplace.operations.ServiceClock;

/**
 * Counts failed sign-ins and says when a username is locked: {@value #LIMIT} failed attempts
 * within {@link #WINDOW} since its last sign-in. The failures are the activity log's, so every
 * copy of the service behind a load balancer sees the same count. The identity check itself asks
 * (the password check for the form and HTTP Basic, the bearer-token check), so no spelling of a
 * path or choice of door gets round it; a browser already signed in keeps its session.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    ServiceClock clock;

    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    EntityManager em;

    @Inject
    ActivityLog log;

    /** True when the username has had too many failed sign-ins lately, whatever the password now. */
    public boolean locked(String username) {
        return recentFailures(logged(username)) >= LIMIT;
    }

    /** Records a failed attempt at once, in its own transaction, so the next attempt counts it. */
    public void failed(String username, String detail, String from) {
        if (username == null || username.isBlank()) {
            return;
        }
        log.recordApart(ActivityEvent.SIGN_IN_FAILED, logged(username), null, detail, from);
    }

    /** The name as the log's column holds it. */
    private static String logged(String username) {
        return username.length() > 64 ? username.substring(0, 64) : username;
    }

    /** Failed attempts for the username in the window, counting only those after its last sign-in. */
    @Transactional
    public long recentFailures(String username) {
        Instant since = clock.now().minus(WINDOW);
        Number count = (Number) em.createNativeQuery(Sql.load("activity/recent-sign-in-failures"))
                .setParameter("username", username).setParameter("since", since).getSingleResult();
        return count.longValue();
    }
}
