package org.bestplace.results;

import java.util.ArrayList;
import java.util.List;

/**
 * One export table described: what a row is, its columns in order, the columns that name a row
 * and those that point at another table's rows. The {@code dictionary} table and the data
 * package's {@code datapackage.json} are both written from these.
 */
public record ExportSchema(String name, String description, List<ExportColumn> columns, List<String> primaryKey,
        List<ForeignKey> foreignKeys) {

    /** {@code fields} of this table name a row of {@code table} by its {@code referenceFields}. */
    public record ForeignKey(List<String> fields, String table, List<String> referenceFields) {
    }

    public ExportSchema(String name, String description, List<ExportColumn> columns, List<String> primaryKey) {
        this(name, description, columns, primaryKey, List.of());
    }

    public ExportColumn column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
    }

    public List<String> header() {
        return columns.stream().map(ExportColumn::name).toList();
    }

    static String suppressedFlag(String column) {
        return column + "_suppressed";
    }

    static String note(String column) {
        return column + "_note";
    }

    /**
     * The table as the typed formats write it (XLSX, the data package, a table's own CSV), where a
     * numeric column holds numbers only: a count or proportion a publication export hides is a
     * blank cell with {@code yes} in the column {@code <name>_suppressed} beside it, and a figure
     * that could not be given is a blank cell with its reason in {@code <name>_note}.
     */
    public ExportSchema typed(boolean publication) {
        List<ExportColumn> typed = new ArrayList<>();
        for (ExportColumn c : columns) {
            typed.add(c);
            if (!c.numeric()) {
                continue;
            }
            if (publication && c.hideable()) {
                typed.add(ExportColumn.yesNo(suppressedFlag(c.name()), "yes where the publication rule hides "
                        + c.name() + " (that cell is then blank), no where it is shown").mustBeGiven());
            }
            if (c.explained()) {
                typed.add(ExportColumn.text(note(c.name()), "why " + c.name() + " is blank when it is not hidden"
                        + " (for example 'no patient-days', 'not estimable'); blank when it is given"));
            }
        }
        return new ExportSchema(name, description, typed, primaryKey, foreignKeys);
    }

    /** The table as CSV and JSON exports write it, numbers and words in one column. */
    public ExportSchema mixed(boolean publication) {
        List<ExportColumn> mixed = new ArrayList<>();
        for (ExportColumn c : columns) {
            String more = (publication && c.hideable() ? "; * where the publication rule hides it" : "")
                    + (c.explained() ? "; where it cannot be given, the reason in words" : "");
            mixed.add(more.isEmpty() ? c : new ExportColumn(c.name(), c.type(), c.meaning() + more, c.codes(),
                    c.required(), c.percent(), c.hideable(), c.explained()));
        }
        return new ExportSchema(name, description, mixed, primaryKey, foreignKeys);
    }
}
