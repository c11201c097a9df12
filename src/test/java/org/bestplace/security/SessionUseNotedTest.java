package org.bestplace.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;

/**
 * The session is read outside a transaction on every request; its use is still noted (at most
 * once a minute), so the idle timeout counts from the last request.
 */
@QuarkusTest
class SessionUseNotedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestMoreThanAMinuteAfterTheLastNotesTheSessionsUse() throws Exception {
        String reviewer = Api.user("noted", "HOSPITAL", "REVIEWER");
        Pages.Session browser = Pages.signIn(reviewer, Api.PASSWORD);
        long session = Db.number(dataSource, "select max(s.id) from user_session s join app_user u on u.id = s.user_id"
                + " where u.username = ?", reviewer);
        Db.execute(dataSource, "update user_session set last_seen = last_seen - interval 5 minute where id = ?", session);
        long before = Db.number(dataSource, "select unix_timestamp(last_seen) from user_session where id = ?", session);
        browser.page("/");
        long after = Db.number(dataSource, "select unix_timestamp(last_seen) from user_session where id = ?", session);
        assertTrue(after >= before + 4 * 60, "last seen at " + before + ", then at " + after + " (seconds)");
    }
}
