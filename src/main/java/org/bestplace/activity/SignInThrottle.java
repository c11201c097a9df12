package org.bestplace.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** A user's last sign-in (form or identity provider) and the failures that count against them now. */
    public record State(Instant lastSignIn, long failures) {

        public boolean locked() {
            return failures >= LIMIT;
        }
    }

    /**
     * Every user's state, by username: the failures in one query over all users, the last sign-ins
     * in another (through Hibernate, which reads the log's instants as it wrote them).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.Map<String, State> states() {
        java.util.Map<String, Instant> lastSignIns = new java.util.HashMap<>();
        em.createQuery("select a.username, max(a.occurredAt) from ActivityEntry a where a.event = :event"
                + " group by a.username", Object[].class).setParameter("event", ActivityEvent.SIGN_IN)
                .getResultList().forEach(row -> lastSignIns.put(((String) row[0]).toLowerCase(java.util.Locale.ROOT),
                        (Instant) row[1]));
        java.util.Map<String, State> states = new java.util.HashMap<>();
        List<Object[]> rows = em.createNativeQuery(Sql.load("activity/sign-in-states"))
                .setParameter("since", clock.now().minus(WINDOW)).getResultList();
        for (Object[] row : rows) {
            String username = (String) row[0];
            states.put(username, new State(lastSignIns.get(username), ((Number) row[1]).longValue()));
        }
        return states;
    }

    /** The moment the service clock stands at, as an unlock is stamped with. */
    public Instant now() {
        return clock.now();
    }

    /**
     * Failed attempts for the username in the window, counting only those after its last sign-in
     * and after an administrator last unlocked it.
     */
    @Transactional
    public long recentFailures(String username) {
        Instant since = clock.now().minus(WINDOW);
        Number count = (Number) em.createNativeQuery(Sql.load("activity/recent-sign-in-failures"))
                .setParameter("username", username).setParameter("since", since).getSingleResult();
        return count.longValue();
    }
}
