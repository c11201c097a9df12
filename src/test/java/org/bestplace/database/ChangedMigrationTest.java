package org.bestplace.database;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bestplace.Db;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks the applied migrations by their checksums only, and that check stays: a
 * migration whose file no longer matches what was applied stops the start, with the service's
 * own Flyway configuration.
 */
@QuarkusTest
class ChangedMigrationTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAppliedMigrationThatNoLongerMatchesItsFileIsRefused() throws Exception {
        assertTrue(flyway.getConfiguration().isValidateOnMigrate(), "start-up validates the applied migrations");
        // The database says version 1 was applied with other content than the file now holds.
        Db.execute(dataSource, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
        try {
            FlywayValidateException refused = assertThrows(FlywayValidateException.class, flyway::migrate);
            assertTrue(refused.getMessage().contains("checksum mismatch for migration version 1"),
                    refused.getMessage());
        } finally {
            Db.execute(dataSource, "update flyway_schema_history set checksum = checksum - 1 where version = '1'");
        }
        flyway.validate();
    }
}
