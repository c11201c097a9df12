package org.bestplace.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SQL lives in {@code src/main/resources/sql/}, and the stay band's thresholds in one migration. */
class SqlFilesTest {

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(select\\b.*\\bfrom|insert\\s+into|update\\b.*\\bset|delete\\s+from)\\b");
    private static final Pattern APPLIED_MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    private static List<Path> files(String root) {
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noJavaSourceHoldsAQueryInATextBlock() {
        List<String> found = files("src/main/java").stream().filter(f -> f.toString().endsWith(".java"))
                .flatMap(f -> {
                    Matcher blocks = TEXT_BLOCK.matcher(read(f));
                    return blocks.results().filter(b -> SQL.matcher(b.group(1)).find())
                            .map(b -> f + ": " + b.group(1).strip().lines().findFirst().orElse(""));
                }).toList();
        assertEquals(List.of(), found, "queries to move to src/main/resources/sql/");
    }

    /** Migrations before V20 are applied and never edited; everything after them reads the column. */
    @Test
    void theStayBandThresholdsAreWrittenOnce() {
        List<String> found = Stream.of("src/main", "bench").flatMap(root -> files(root).stream())
                .filter(f -> {
                    Matcher applied = APPLIED_MIGRATION.matcher(f.getFileName().toString());
                    return !(applied.matches() && Integer.parseInt(applied.group(1)) < 20);
                })
                .filter(f -> Pattern.compile("(?i)stay_?days\\s*<=|\"14-20\"").matcher(read(f)).find())
                .map(Path::toString).toList();
        assertEquals(1, found.size(), "one definition of the stay bands: " + found);
        assertTrue(found.get(0).endsWith("V20__stay_band_and_signed_cell_triggers.sql"), found.get(0));
    }

    @Test
    void aQueryIsLoadedByNameWithoutItsComments() {
        String rebuild = Sql.load("cells/rebuild");
        assertTrue(rebuild.toLowerCase().contains("insert into summary_cell"), rebuild);
        assertFalse(rebuild.contains("--"), "comment lines are left out: " + rebuild);
        assertEquals(19, Sql.statements("cells/rebuild").size(), "nine deletes and ten inserts");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Sql.load("no/such-query"));
        assertTrue(missing.getMessage().contains("sql/no/such-query.sql"), missing.getMessage());
    }
}
