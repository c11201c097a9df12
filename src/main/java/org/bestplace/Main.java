package org.bestplace;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;
import org.bestplace.database.EmbeddedDatabase;
import org.bestplace.database.EmbeddedMode;
import org.bestplace.generate.GenerateCommand;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the service. When no JDBC URL is configured, an embedded MariaDB is started first,
 * with its data under {@code bestplace.data-dir}/mariadb, and stopped after the service.
 */
@QuarkusMain
public class Main {

    /** Set by Quarkus on the run that makes the class-data archive at package time. */
    static final String ARCHIVE_RUN_PROPERTY = "quarkus.appcds.generate";

    public static void main(String... args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            // A data-generating run serves nothing: any free ports, no demo audit.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("bestplace.demo", "false");
        }
        var config = ConfigProvider.getConfig();
        Optional<String> jdbcUrl = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class);
        // Packaging with a class-data archive runs the service's static start only and serves nothing:
        // no database, embedded or not (docs/startup.md).
        if (jdbcUrl.isPresent() || Boolean.getBoolean(ARCHIVE_RUN_PROPERTY)) {
            Quarkus.run(Service.class, args);
            return;
        }
        Path dataDir = Path.of(config.getOptionalValue("bestplace.data-dir", String.class).orElse("data"))
                .toAbsolutePath();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("mariadb"),
                dataDir.resolve("database.password"), 0, false);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-mariadb-stop"));
        EmbeddedMode.properties(database, dataDir).forEach((key, value) -> {
            if (config.getOptionalValue(key, String.class).isEmpty() || key.startsWith("quarkus.datasource")) {
                System.setProperty(key, value);
            }
        });
        System.setProperty(EmbeddedMode.EMBEDDED_PROPERTY, "true");
        Quarkus.run(Service.class, args);
    }

    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) throws Exception {
            if (args.length > 0 && "generate".equals(args[0])) {
                return GenerateCommand.run(args);
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}
