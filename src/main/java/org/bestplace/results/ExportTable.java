package org.bestplace.results;

import java.util.List;

/**
 * One table of an export: a CSV section, an XLSX sheet, a JSON array. Cells are typed: a
 * {@link Long} count, a {@link Double} proportion, a {@link java.time.LocalDate}, text, or
 * {@code null} for nothing.
 */
public record ExportTable(String name, List<String> header, List<List<Object>> rows) {
}
