package org.bestplace.results;

/**
 * How counts are shown in an export. Internal exports show them as they are. Publication
 * exports protect small numbers: a count from 1 to the threshold is shown as {@code *}, any
 * other count is rounded to the nearest 5 (halves up), zero stays zero, and a proportion is
 * worked out from the rounded figures, or shown as {@code *} when either of them is hidden.
 * Counts that make up a total are protected together (secondary suppression): beside a hidden
 * total every part is hidden, zeros included; a part is never the only hidden one of a total
 * and its parts (the next smallest is hidden too); and a complement is the published total less
 * the published part, so the published figures add up. Where a total and every part of it are
 * shown, the parts are rounded together ({@link #roundToTotal}) so that they add up to it.
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

    /**
     * Controlled rounding: the counts as multiples of 5 that add up to {@code total}, each its
     * multiple of 5 below or that plus 5. Every count is floored, and the {@code m = (total - floors) / 5}
     * with the largest remainders (then the larger count, then the earlier) get 5 more. {@code null}
     * when no such rounding exists: {@code m} not a whole number from 0 to the number of counts with
     * a remainder (a zero, or any multiple of 5, has none and is never raised).
     *
     * <p>When the counts make up a total and {@code total} is that total rounded to the nearest 5,
     * it always exists: with {@code r} the sum of the remainders, {@code total - floors} is the
     * rounding error (-2..2) plus {@code r}. It is at least 0, as {@code r} is at least the total's own
     * remainder; and at most {@code 4k + 2} for {@code k} counts with a remainder, so {@code m <= k}.
     * Against a published complement (a rounded total less a rounded part, error -4..4) the same
     * bounds give {@code 0 <= m <= k}.
     */
    public static long[] roundToTotal(long[] counts, long total) {
        long floors = 0;
        int withRemainder = 0;
        for (long count : counts) {
            floors += count - count % 5;
            withRemainder += count % 5 == 0 ? 0 : 1;
        }
        long gap = total - floors;
        if (gap < 0 || gap % 5 != 0 || gap / 5 > withRemainder) {
            return null;
        }
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingLong(i -> counts[i] % 5).reversed()
                .thenComparing(java.util.Comparator.<Integer>comparingLong(i -> counts[i]).reversed())
                .thenComparingInt(i -> i));
        long[] rounded = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            rounded[i] = counts[i] - counts[i] % 5;
        }
        for (int up = 0; up < gap / 5; up++) {
            rounded[order[up]] += 5;
        }
        return rounded;
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
                + " less the published part. Where a total and all of its parts are shown, the parts are rounded"
                + " together, each to the multiple of 5 just below or above it, so that they add up to the"
                + " published total (a row's reviewed is its published not qualifying plus its published"
                + " qualifying); other shown counts are rounded on their own. So published figures add up and"
                + " no hidden count can be worked out from them.";
    }
}
