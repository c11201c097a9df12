package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/**
 * A sheet holds at most 1,048,576 rows; a longer table (the criteria met of a million reviews)
 * goes on in further sheets, each with its header, instead of failing half-way through the
 * download. Shown with a limit of 3 rows a sheet.
 */
class XlsxSheetLimitTest {

    @Test
    void aTableLongerThanASheetGoesOnInFurtherSheetsEachWithItsHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxExport xlsx = new XlsxExport(out, 3)) {
            xlsx.begin("about", List.of("measure", "value"));
            xlsx.row(List.of("mode", "internal"));
            xlsx.end();
            xlsx.begin("case_criteria", List.of("case_number", "criterion"));
            for (long n = 1; n <= 5; n++) {
                xlsx.row(List.of(n, "C" + n));
            }
            xlsx.end();
        }
        List<String> names = new ArrayList<>();
        List<List<String>> firstColumns = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                names.add(sheet.getName());
                firstColumns.add(sheet.read().stream().map((Row r) -> r.getCellText(0)).toList());
            }
        }
        // 5 rows at 2 a sheet beside the header: sheets of 2, 2 and 1.
        assertEquals(List.of("about", "case_criteria", "case_criteria_2", "case_criteria_3"), names);
        assertEquals(List.of(List.of("measure", "mode"), List.of("case_number", "1", "2"),
                List.of("case_number", "3", "4"), List.of("case_number", "5")), firstColumns);
    }
}
