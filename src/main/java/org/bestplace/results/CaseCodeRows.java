package org.bestplace.results;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.database.Sql;

/**
 * The internal export's long tables, so that no cell holds a list: {@code case_criteria}, one row
 * per review and criterion met, and {@code case_reasons}, one per review and reason. Each review
 * is named as in the case rows (case number, review date, review number). Streamed like them.
 */
final class CaseCodeRows {

    private static final int FETCH_SIZE = 2000;

    private CaseCodeRows() {
    }

    /** The query behind a long table. */
    static String sql(String table) {
        return switch (table) {
            case ExportSchemas.CASE_CRITERIA -> Sql.load("export/case-criteria");
            case ExportSchemas.CASE_REASONS -> Sql.load("export/case-reasons");
            default -> throw new IllegalArgumentException(table);
        };
    }

    /** Writes the long table {@code table}; returns how many rows were written. */
    static long write(Connection connection, long auditId, String table, ExportWriter writer)
            throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql(table).replace(":audit", "?"),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, auditId);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> header = new ArrayList<>();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    header.add(rows.getMetaData().getColumnLabel(c));
                }
                writer.begin(table, header);
                long count = 0;
                while (rows.next()) {
                    writer.row(List.of(rows.getString(1), rows.getDate(2).toLocalDate(), rows.getLong(3),
                            rows.getString(4)));
                    count++;
                }
                writer.end();
                return count;
            }
        }
    }
}
