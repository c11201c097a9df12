package org.bestplace.results;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The export as a workbook, one sheet per table: typed cells (numbers, dates, text), a bold
 * frozen header row, and rows flushed to the stream as they come.
 */
final class XlsxExport implements ExportWriter {

    private static final int FLUSH_EVERY = 1000;

    private final Workbook workbook;
    private Worksheet sheet;
    private int row;

    XlsxExport(OutputStream out) {
        workbook = new Workbook(out, "Bestplace", "1.0");
        workbook.setCompressionLevel(1);
    }

    @Override
    public void begin(String table, List<String> header) {
        sheet = workbook.newWorksheet(table);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.width(c, Math.max(12, header.get(c).length() + 4));
        }
        sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        row = 1;
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            if (cell instanceof Long n) {
                sheet.value(row, c, n);
            } else if (cell instanceof Double d) {
                sheet.value(row, c, d);
                sheet.style(row, c).format("0.0000").set();
            } else if (cell instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (cell != null) {
                sheet.inlineString(row, c, cell.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void end() throws IOException {
        sheet.finish();
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
