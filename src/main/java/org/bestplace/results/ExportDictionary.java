package org.bestplace.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dictionary} table of every export: each table's columns as this export writes them,
 * with type, meaning and code list, then each code list (what it lists) with its codes and their titles, so a
 * reader in R, Python, Stata or Excel can label every code without the service.
 */
final class ExportDictionary {

    private ExportDictionary() {
    }

    static ExportTable table(List<ExportSchema> tables) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, ExportColumn.CodeList> lists = new LinkedHashMap<>();
        for (ExportSchema table : tables) {
            for (ExportColumn column : table.columns()) {
                ExportColumn.CodeList codes = column.codes();
                rows.add(Arrays.asList("column", table.name(), column.name(), column.type(),
                        codes == null ? null : codes.name(), null, null, column.meaning()));
                if (codes != null) {
                    lists.putIfAbsent(codes.name(), codes);
                }
            }
        }
        for (ExportColumn.CodeList list : lists.values()) {
            rows.add(Arrays.asList("code_list", null, null, null, list.name(), null, null, list.meaning()));
            for (ExportColumn.Code code : list.codes()) {
                rows.add(Arrays.asList("code", null, null, null, list.name(), code.code(), code.title(),
                        code.meaning()));
            }
        }
        ExportSchema self = ExportSchemas.dictionary();
        return new ExportTable(self.name(), self.header(), rows);
    }
}
