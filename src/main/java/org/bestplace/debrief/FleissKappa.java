package org.bestplace.debrief;

/**
 * Fleiss' kappa (Fleiss 1971): agreement among any number of raters per subject, with chance
 * agreement from the answers of all raters pooled. Unlike Cohen's kappa it has no "first" and
 * "second" rater, so it does not depend on which review of a patient-day is called first. For
 * two raters and two answers it equals Scott's pi.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    /**
     * Kappa from a table of subjects by categories, each cell the number of raters who put that
     * subject in that category; every subject must have the same number of raters (two or more).
     * NaN when all answers fall in one category.
     */
    public static double of(long[][] subjects) {
        if (subjects.length == 0) {
            throw new IllegalArgumentException("no subjects");
        }
        long raters = -1;
        long[] byCategory = new long[subjects[0].length];
        double observed = 0;
        for (long[] subject : subjects) {
            long total = 0;
            double squares = 0;
            for (int j = 0; j < subject.length; j++) {
                total += subject[j];
                squares += (double) subject[j] * subject[j];
                byCategory[j] += subject[j];
            }
            if (raters >= 0 && total != raters || total < 2) {
                throw new IllegalArgumentException("every subject needs the same number of raters, at least two");
            }
            raters = total;
            observed += (squares - total) / (total * (total - 1.0));
        }
        observed /= subjects.length;
        double ratings = (double) raters * subjects.length;
        double chance = 0;
        for (long count : byCategory) {
            chance += (count / ratings) * (count / ratings);
        }
        return Interval.tidy((observed - chance) / (1 - chance));
    }

    /**
     * Two raters, two answers, from the 2×2 table of their pairs ({@code a} both yes, {@code b} and
     * {@code c} split, {@code d} both no); null when there are no pairs or every answer is the same.
     */
    public static Double twoRaters(long a, long b, long c, long d) {
        long pairs = a + b + c + d;
        long yes = 2 * a + b + c;
        if (pairs == 0 || yes == 0 || yes == 2 * pairs) {
            return null;
        }
        double pooledYes = yes / (2.0 * pairs);
        double chance = pooledYes * pooledYes + (1 - pooledYes) * (1 - pooledYes);
        double observed = (a + d) / (double) pairs;
        return Interval.tidy((observed - chance) / (1 - chance));
    }
}
