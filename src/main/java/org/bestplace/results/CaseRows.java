package org.bestplace.results;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.database.Sql;

/**
 * The internal export's case rows: one per submitted review, read from the database a batch
 * at a time and handed on row by row, so memory stays flat whatever the audit's size.
 */
final class CaseRows {

    /** The query text, shared with the export benchmark; {@code :audit} stands for the audit id. */
    static final String SQL = Sql.load("export/case-rows");

    private static final int FETCH_SIZE = 2000;

    private CaseRows() {
    }

    /** Writes the case rows as table {@code cases}; returns how many were written. */
    static long write(Connection connection, long auditId, ExportWriter writer) throws SQLException, IOException {
        return write(connection, auditId, writer, null, null);
    }

    /**
     * Writes the case rows as table {@code cases} and gathers, from the same rows, the long tables'
     * rows into {@code criteria} and {@code reasons} (either may be null); returns how many case
     * rows were written.
     */
    static long write(Connection connection, long auditId, ExportWriter writer, CaseCodeSpool criteria,
            CaseCodeSpool reasons) throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(SQL.replace(":audit", "?"),
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, auditId);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                List<String> header = new ArrayList<>(columns);
                int[] types = new int[columns];
                for (int c = 0; c < columns; c++) {
                    header.add(meta.getColumnLabel(c + 1));
                    types[c] = meta.getColumnType(c + 1);
                }
                writer.begin("cases", header);
                int caseNumber = header.indexOf("case_number");
                int reviewDate = header.indexOf("review_date");
                int reviewNumber = header.indexOf("review_number");
                int criteriaMet = header.indexOf("criteria_met");
                int reasonCodes = header.indexOf("reasons");
                long count = 0;
                while (rows.next()) {
                    List<Object> cells = new ArrayList<>(columns);
                    for (int c = 0; c < columns; c++) {
                        cells.add(cell(rows, c + 1, types[c]));
                    }
                    writer.row(cells);
                    if (criteria != null) {
                        criteria.add((String) cells.get(caseNumber), (LocalDate) cells.get(reviewDate),
                                (Long) cells.get(reviewNumber), (String) cells.get(criteriaMet));
                    }
                    if (reasons != null) {
                        reasons.add((String) cells.get(caseNumber), (LocalDate) cells.get(reviewDate),
                                (Long) cells.get(reviewNumber), (String) cells.get(reasonCodes));
                    }
                    count++;
                }
                writer.end();
                return count;
            }
        }
    }

    private static Object cell(ResultSet rows, int column, int type) throws SQLException {
        switch (type) {
            case Types.DATE -> {
                java.sql.Date date = rows.getDate(column);
                return date == null ? null : date.toLocalDate();
            }
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long value = rows.getLong(column);
                return rows.wasNull() ? null : value;
            }
            default -> {
                return rows.getString(column);
            }
        }
    }
}
