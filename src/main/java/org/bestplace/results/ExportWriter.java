package org.bestplace.results;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes an export table by table and row by row, so case rows never pile up in memory. */
interface ExportWriter extends Closeable {

    void begin(String table, List<String> header) throws IOException;

    void row(List<Object> cells) throws IOException;

    void end() throws IOException;

    default void table(ExportTable table) throws IOException {
        begin(table.name(), table.header());
        for (List<Object> row : table.rows()) {
            row(row);
        }
        end();
    }
}
