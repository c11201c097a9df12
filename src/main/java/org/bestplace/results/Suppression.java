package org.bestplace.results;

/**
 * How counts are shown in an export. Internal exports show them as they are. Publication
 * exports protect small numbers: a count from 1 to the threshold is shown as {@code *}, any
 * other count is rounded to the nearest 5 (halves up), zero stays zero, and a proportion is
 * worked out from the rounded figures, or shown as {@code *} when either of them is hidden.
 */
public record Suppression(boolean publication, int threshold) {

    public static final String HIDDEN = "*";

    public static Suppression internal() {
        return new Suppression(false, 0);
    }

    public static Suppression publication(int threshold) {
        return new Suppression(true, threshold);
    }

    /** The count as published: the number itself, rounded to 5, or {@code null} when it is hidden. */
    public Long shown(long count) {
        if (!publication || count == 0) {
            return count;
        }
        if (count <= threshold) {
            return null;
        }
        return Math.floorDiv(count + 2, 5) * 5;
    }

    /** A count as a cell: a {@link Long}, or {@link #HIDDEN}. */
    public Object count(long count) {
        Long shown = shown(count);
        return shown == null ? HIDDEN : shown;
    }

    /** A proportion from the shown figures: a {@link Double}, {@link #HIDDEN}, or {@code null} when there is no denominator. */
    public Object proportion(long part, long whole) {
        Long shownPart = shown(part);
        Long shownWhole = shown(whole);
        if (shownPart == null || shownWhole == null) {
            return HIDDEN;
        }
        return shownWhole == 0 ? null : (double) shownPart / shownWhole;
    }

    /** The rule in words, printed at the top of every export. */
    public String rule() {
        if (!publication) {
            return "Internal export: counts are exact and case rows are included. Not for publication.";
        }
        return "Publication export: no case rows; counts from 1 to " + threshold + " are shown as " + HIDDEN
                + ", other counts are rounded to the nearest 5, zero stays zero, and proportions and"
                + " intervals are worked out from the rounded counts.";
    }
}
