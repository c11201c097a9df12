package org.bestplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The package carries a class-data archive (docs/startup.md), and the run that makes it starts no
 * database: with no JDBC URL set, the archive run must not start the embedded MariaDB, as the
 * build has none to give it.
 */
class ClassDataArchiveIT {

    static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();

    @Test
    void thePackageCarriesAnArchiveThatTheJvmMapsWhenStartedAsDocumented() throws Exception {
        assertTrue(Files.isRegularFile(APP.resolve("app-cds.jsa")), "no app-cds.jsa in " + APP);
        // -Xshare:on makes the JVM refuse to start when the archive cannot be used (another class
        // path, another JVM), rather than quietly starting without it.
        Output run = archiveRun("-Xshare:on", "-XX:SharedArchiveFile=app-cds.jsa");
        assertEquals(0, run.exit(), run.text());
    }

    @Test
    void theArchiveRunStartsNoEmbeddedDatabase() throws Exception {
        Output run = archiveRun();
        assertEquals(0, run.exit(), run.text());
        assertFalse(Files.exists(run.dataDir().resolve("mariadb")), "the archive run started the embedded MariaDB");
        assertFalse(run.text().contains("embedded MariaDB"), run.text());
    }

    record Output(int exit, String text, Path dataDir) {
    }

    /** Runs the packaged service as Quarkus does to make the archive: static start only, then exit. */
    static Output archiveRun(String... jvmOptions) throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "archive-it-data-");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.List.of(jvmOptions));
        command.addAll(java.util.List.of("-D" + Main.ARCHIVE_RUN_PROPERTY + "=true", "-jar", "quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP.toFile())
                .redirectErrorStream(true).redirectOutput(new File(log.toString()));
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("BESTPLACE_"));
        builder.environment().put("BESTPLACE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        return new Output(process.isAlive() ? -1 : process.exitValue(), Files.readString(log), dataDir);
    }
}
