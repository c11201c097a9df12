package org.bestplace.results;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The export as a workbook, one sheet per table: typed cells (numbers, dates, text; proportions
 * as percentages), a bold frozen header row, and rows flushed as they come. The tables come
 * typed ({@link ExportSchema#typed}): numeric columns hold numbers only. fastexcel streams each sheet and so declares
 * its range as {@code A1} before knowing it; readers that trust the declaration (openpyxl in
 * read-only mode) would then see column A alone. The workbook is therefore written to a temporary
 * file first and copied to the client entry by entry with each sheet's true range put in, so
 * memory stays flat whatever the number of case rows.
 */
final class XlsxExport implements ExportWriter {

    private static final int FLUSH_EVERY = 1000;
    /** The most rows a sheet holds (the header included): a longer table goes on in a sheet of its own. */
    static final int SHEET_ROWS = 1_048_576;
    private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
    private static final String STREAMED_RANGE = "<dimension ref=\"A1\"/>";

    private final OutputStream out;
    private final Path file;
    private final OutputStream buffer;
    private final Workbook workbook;
    /** Per sheet, in order: columns and rows written (the header included). */
    private final List<int[]> extents = new ArrayList<>();
    private Worksheet sheet;
    private int row;
    private int columns;
    private final int sheetRows;
    private String table;
    private List<String> header;
    private int part;

    XlsxExport(OutputStream out) throws IOException {
        this(out, SHEET_ROWS);
    }

    /**
     * @param sheetRows the rows a sheet may hold; the rest of a longer table continues in sheets
     *                  named {@code table_2}, {@code table_3}, ..., each with the header again
     */
    XlsxExport(OutputStream out, int sheetRows) throws IOException {
        this.out = out;
        this.sheetRows = sheetRows;
        file = Files.createTempFile("bestplace-export", ".xlsx");
        buffer = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        workbook = new Workbook(buffer, "Bestplace", "1.0");
        workbook.setCompressionLevel(1);
    }

    @Override
    public void begin(String table, List<String> header) {
        this.table = table;
        this.header = header;
        part = 1;
        start(table);
    }

    private void start(String name) {
        sheet = workbook.newWorksheet(name);
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.width(c, Math.max(12, header.get(c).length() + 4));
        }
        sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        row = 1;
        columns = header.size();
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        if (row >= sheetRows) {
            end();
            part++;
            start(table + "_" + part);
        }
        columns = Math.max(columns, cells.size());
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            if (cell instanceof Long n) {
                sheet.value(row, c, n);
            } else if (cell instanceof SchemaWriter.Percent p) {
                sheet.value(row, c, p.value());
                sheet.style(row, c).format("0.0%").set();
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
        extents.add(new int[] {Math.max(1, columns), row});
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.finish();
            buffer.close();
            copyWithTrueRanges();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void copyWithTrueRanges() throws IOException {
        // Read through the central directory: fastexcel's local entry headers do not carry sizes.
        try (ZipFile workbookFile = new ZipFile(file.toFile())) {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(1);
            for (ZipEntry entry : java.util.Collections.list(workbookFile.entries())) {
                InputStream in = new BufferedInputStream(workbookFile.getInputStream(entry), 64 * 1024);
                zip.putNextEntry(new ZipEntry(entry.getName()));
                Matcher sheetName = SHEET.matcher(entry.getName());
                if (sheetName.matches() && Integer.parseInt(sheetName.group(1)) <= extents.size()) {
                    int[] extent = extents.get(Integer.parseInt(sheetName.group(1)) - 1);
                    // The declaration sits in the first few hundred bytes; Latin-1 keeps every byte as it is.
                    String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
                    head = head.replace(STREAMED_RANGE, "<dimension ref=\"A1:" + column(extent[0] - 1) + extent[1]
                            + "\"/>");
                    zip.write(head.getBytes(StandardCharsets.ISO_8859_1));
                }
                in.transferTo(zip);
                in.close();
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        }
    }

    /** Spreadsheet column letters of a zero-based index: 0 is A, 26 is AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }
}
