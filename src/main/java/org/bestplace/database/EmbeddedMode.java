package org.bestplace.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the service needs besides the database when it runs on its own embedded MariaDB:
 * secrets it can make for itself and keep in the data directory. With an external database
 * these must come from configuration instead (see the README).
 */
public final class EmbeddedMode {

    public static final String EMBEDDED_PROPERTY = "bestplace.embedded";

    private EmbeddedMode() {
    }

    /** Configuration properties for a service running on {@code database}. */
    public static Map<String, String> properties(EmbeddedDatabase database, Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        properties.put("quarkus.datasource.username", database.username());
        properties.put("quarkus.datasource.password", database.password());
        properties.put(EMBEDDED_PROPERTY, "true");
        properties.put("bestplace.pseudonymisation-key", secret(dataDir.resolve("pseudonymisation.key")));
        properties.put("quarkus.http.auth.session.encryption-key", secret(dataDir.resolve("session.key")));
        return properties;
    }

    /** Reads a key file, making it (32 random bytes, owner-only) on first use. */
    static String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    /** Writes a new file that is readable by its owner alone from the moment it exists. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: rely on the directory's permissions
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }
}
