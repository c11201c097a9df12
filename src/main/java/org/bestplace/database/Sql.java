package org.bestplace.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The service's SQL, kept as files under {@code src/main/resources/sql/} so that a query reads
 * as SQL, diffs as SQL and can be run by hand or by a benchmark as it stands. {@code load("a/b")}
 * is {@code sql/a/b.sql} without its comment lines ({@code --} at the start), read once.
 * A placeholder in braces ({@code {days}}) marks where a caller puts a filter it builds.
 */
public final class Sql {

    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private Sql() {
    }

    public static String load(String name) {
        return LOADED.computeIfAbsent(name, Sql::read);
    }

    /**
     * A script of several statements, split at each {@code ;} that ends a line (a {@code ';'} inside
     * a statement, such as a separator, never does).
     */
    public static List<String> statements(String name) {
        return Arrays.stream(load(name).split(";\\s*\n")).map(String::strip).map(s -> s.replaceAll(";$", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String name) {
        String path = "sql/" + name + ".sql";
        try (InputStream in = Sql.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
