package org.bestplace.results;

import java.util.List;

/**
 * What one column of an export table holds, for the {@code dictionary} table and the data
 * package's table schemas: its Table Schema type ({@code string}, {@code integer}, {@code number},
 * {@code date}, {@code boolean} written {@code yes}/{@code no}), its meaning, and the code list
 * its values come from, if any. {@code hideable} columns hold counts or figures a publication
 * export may hide as {@code *}; {@code explained} numeric columns may hold the reason a figure is
 * missing instead of the figure; {@code percent} columns hold proportions.
 */
public record ExportColumn(String name, String type, String meaning, CodeList codes, boolean required,
        boolean percent, boolean hideable, boolean explained) {

    /** A list of codes with their titles: criteria, places, reasons, bands, sectors, outcomes. */
    public record CodeList(String name, String meaning, List<Code> codes) {

        public List<String> values() {
            return codes.stream().map(Code::code).toList();
        }

        public String title(String code) {
            return codes.stream().filter(c -> c.code().equals(code)).map(Code::title).findFirst().orElse(null);
        }
    }

    /** A code, its title, and where it belongs (a criterion's group, a place's description). */
    public record Code(String code, String title, String meaning) {
    }

    public static ExportColumn text(String name, String meaning) {
        return new ExportColumn(name, "string", meaning, null, false, false, false, false);
    }

    public static ExportColumn code(String name, CodeList codes, String meaning) {
        return new ExportColumn(name, "string", meaning, codes, false, false, false, false);
    }

    public static ExportColumn date(String name, String meaning) {
        return new ExportColumn(name, "date", meaning, null, false, false, false, false);
    }

    /** Written {@code yes} or {@code no}. */
    public static ExportColumn yesNo(String name, String meaning) {
        return new ExportColumn(name, "boolean", meaning, null, false, false, false, false);
    }

    /** A whole number shown as it is in every mode (a round, a review's number). */
    public static ExportColumn integer(String name, String meaning) {
        return new ExportColumn(name, "integer", meaning, null, false, false, false, false);
    }

    /** A count of patient-days, reviews or pairs: publication exports round it or hide it. */
    public static ExportColumn count(String name, String meaning) {
        return new ExportColumn(name, "integer", meaning, null, false, false, true, false);
    }

    /** A proportion worked out from published counts: hidden beside a hidden count, or a reason. */
    public static ExportColumn proportion(String name, String meaning) {
        return new ExportColumn(name, "number", meaning, null, false, true, true, true);
    }

    /** A figure (kappa, an interval's end) that may be a reason it could not be given. */
    public static ExportColumn figure(String name, String meaning) {
        return new ExportColumn(name, "number", meaning, null, false, false, false, true);
    }

    public ExportColumn mustBeGiven() {
        return new ExportColumn(name, type, meaning, codes, true, percent, hideable, explained);
    }

    public ExportColumn mayBeHidden() {
        return new ExportColumn(name, type, meaning, codes, required, percent, true, explained);
    }

    public ExportColumn notHidden() {
        return new ExportColumn(name, type, meaning, codes, required, percent, false, explained);
    }

    public boolean numeric() {
        return type.equals("integer") || type.equals("number");
    }
}
