package org.bestplace.results;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One table as a plain CSV file: its header, then its rows, nothing else (no comment lines), the
 * way the data package's files and a table's own URL give it. Cells are written as in the CSV
 * export ({@link CsvExport#text}). Closing it leaves the stream beneath open, for the next entry
 * of a zip.
 */
final class TableCsv implements ExportWriter {

    private final BufferedWriter out;
    private final CsvWriter csv;
    private final boolean byteOrderMark;
    private boolean begun;

    TableCsv(OutputStream stream, boolean byteOrderMark) {
        OutputStream kept = new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        out = new BufferedWriter(new OutputStreamWriter(kept, StandardCharsets.UTF_8), 64 * 1024);
        csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        this.byteOrderMark = byteOrderMark;
    }

    @Override
    public void begin(String table, List<String> header) throws IOException {
        if (begun) {
            throw new IllegalStateException("one table a file: " + table);
        }
        begun = true;
        if (byteOrderMark) {
            out.write('\uFEFF');
        }
        csv.writeRecord(header);
    }

    @Override
    public void row(List<Object> cells) {
        List<String> text = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            text.add(CsvExport.text(cell));
        }
        csv.writeRecord(text);
    }

    @Override
    public void end() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
