package org.bestplace.results;

/**
 * How counts are shown in an export. Internal exports show them as they are. Publication
 * exports protect small numbers: a count from 1 to the threshold is shown as {@code *}, any
 * other count is rounded to the nearest 5 (halves up), zero stays zero, and a proportion is
 * worked out from the rounded figures, or shown as {@code *} when either of them is hidden.
 * Counts that make up a total are protected together (secondary suppression): beside a hidden
 * total every part is hidden, zeros included; a part is never the only hidden one of a total
 * and its parts (the next smallest is hidden too); and a complement is the published total less
 * the published part, so the published figures add up.
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

    /**
     * A total, a part of it and the rest, as published: {@code [total, part, rest]}. Beside a hidden
     * total both are hidden; when the part or the rest would be hidden, both are; otherwise the rest
     * is the published total less the published part.
     */
    public Object[] split(long total, long part) {
        if (!publication) {
            return new Object[] {total, part, total - part};
        }
        Long shownTotal = shown(total);
        if (shownTotal == null) {
            return new Object[] {HIDDEN, HIDDEN, HIDDEN};
        }
        Long shownPart = shown(part);
        if (shownPart == null || shown(total - part) == null) {
            return new Object[] {shownTotal, HIDDEN, HIDDEN};
        }
        return new Object[] {shownTotal, shownPart, Math.max(0, shownTotal - shownPart)};
    }

    /**
     * Protects a column of counts that make up {@code total} (rows of a breakdown, days, places):
     * while exactly one of the total and the rows is hidden, which the others would give back,
     * the smallest row still shown is hidden as well. {@code shown} is changed in place.
     */
    public void protectParts(Object total, long[] counts, java.util.List<Object> shown) {
        if (!publication) {
            return;
        }
        while (true) {
            long hidden = shown.stream().filter(HIDDEN::equals).count() + (HIDDEN.equals(total) ? 1 : 0);
            if (hidden != 1) {
                return;
            }
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!HIDDEN.equals(shown.get(i)) && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                return;
            }
            shown.set(smallest, HIDDEN);
        }
    }

    /** The rule in words, printed at the top of every export. */
    public String rule() {
        if (!publication) {
            return "Internal export: counts are exact and case rows are included. Not for publication.";
        }
        return "Publication export: no case rows; counts from 1 to " + threshold + " are shown as " + HIDDEN
                + ", other counts are rounded to the nearest 5, zero stays zero, and proportions, their"
                + " intervals, percent agreement and PABAK are worked out from the published counts; kappa"
                + " needs the exact table and is withheld. Secondary suppression: beside a hidden total every"
                + " part is hidden (zeros too), no count is the only hidden one among a total and its parts"
                + " (the next smallest is hidden as well), and a part's complement is the published total"
                + " less the published part, so published figures add up and no hidden count can be worked"
                + " out from them.";
    }
}
