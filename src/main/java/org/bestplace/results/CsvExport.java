package org.bestplace.results;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The export as one CSV file: a comment line {@code # table: name} opens each table, then its
 * header and rows. UTF-8 with a byte-order mark so that Excel reads accents right.
 */
final class CsvExport implements ExportWriter {

    private final BufferedWriter out;
    private final CsvWriter csv;

    CsvExport(OutputStream stream, String rule) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeComment(" Bestplace audit export. " + rule);
    }

    @Override
    public void begin(String table, List<String> header) {
        csv.writeComment(" table: " + table);
        csv.writeRecord(header);
    }

    @Override
    public void row(List<Object> cells) {
        List<String> text = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            text.add(text(cell));
        }
        csv.writeRecord(text);
    }

    @Override
    public void end() {
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof SchemaWriter.Percent p) {
            return text(p.value());
        }
        if (cell instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (cell instanceof String s) {
            return defused(s);
        }
        return cell.toString();
    }

    /** Text that a spreadsheet would take for a formula is written with a leading apostrophe. */
    private static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
