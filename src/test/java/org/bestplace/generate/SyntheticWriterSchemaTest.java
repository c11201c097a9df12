package org.bestplace.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generator's writer names every column of every table it writes, as the migrations leave
 * them: a migration that adds, renames or drops one fails here until the writer follows it.
 */
@QuarkusTest
class SyntheticWriterSchemaTest {

    @Inject
    AgroalDataSource dataSource;

    private TreeSet<String> columns(String table) throws Exception {
        TreeSet<String> columns = new TreeSet<>();
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                "select column_name from information_schema.columns where table_schema = database()"
                        + " and table_name = ?")) {
            statement.setString(1, table);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1).toLowerCase());
                }
            }
        }
        return columns;
    }

    @Test
    void everyColumnOfEveryTableItWritesIsWrittenOrLeftToTheDatabaseOnPurpose() throws Exception {
        List<String> differences = new ArrayList<>();
        for (SyntheticWriter.Table table : SyntheticWriter.TABLES) {
            TreeSet<String> named = new TreeSet<>(table.written());
            named.addAll(table.leftToDatabase());
            assertEquals(table.written().size() + table.leftToDatabase().size(), named.size(),
                    table.name() + " names a column twice");
            TreeSet<String> schema = columns(table.name());
            if (!schema.equals(named)) {
                TreeSet<String> missing = new TreeSet<>(schema);
                missing.removeAll(named);
                TreeSet<String> gone = new TreeSet<>(named);
                gone.removeAll(schema);
                differences.add(table.name() + ": not in the writer " + missing + ", not in the schema " + gone);
            }
        }
        assertEquals(List.of(), differences);
    }
}
