package org.bestplace.debrief;

/**
 * Agreement between two reviewers on a yes/no judgement (here: does not qualify), from the 2×2
 * table of their paired ratings: {@code a} both yes, {@code b} first yes and second no,
 * {@code c} first no and second yes, {@code d} both no.
 */
public final class CohenKappa {

    private CohenKappa() {
    }

    /**
     * @param percentAgreement observed agreement as a proportion (0 to 1)
     * @param kappa            Cohen's kappa; null when there are no pairs or chance agreement is 1
     * @param ci95             95% interval of kappa (Fleiss, Cohen and Everitt 1969 standard error)
     * @param pabak            prevalence-adjusted bias-adjusted kappa, 2·po − 1
     */
    public record Result(long pairs, long agreed, Double percentAgreement, Double kappa, Interval ci95, Double pabak) {
    }

    public static Result of(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("cell counts cannot be negative");
        }
        long n = a + b + c + d;
        long agreed = a + d;
        if (n == 0) {
            return new Result(0, 0, null, null, null, null);
        }
        double p11 = (double) a / n;
        double p12 = (double) b / n;
        double p21 = (double) c / n;
        double p22 = (double) d / n;
        double row1 = p11 + p12;
        double row2 = p21 + p22;
        double col1 = p11 + p21;
        double col2 = p12 + p22;
        double po = p11 + p22;
        double pe = row1 * col1 + row2 * col2;
        double pabak = 2 * po - 1;
        if (pe >= 1.0) {
            // Every rating in one category: chance explains all agreement and kappa is undefined.
            return new Result(n, agreed, po, null, null, pabak);
        }
        double kappa = (po - pe) / (1 - pe);
        double oneMinusKappa = 1 - kappa;
        double diagonal = p11 * square(1 - (row1 + col1) * oneMinusKappa)
                + p22 * square(1 - (row2 + col2) * oneMinusKappa);
        double offDiagonal = square(oneMinusKappa) * (p12 * square(col1 + row2) + p21 * square(col2 + row1));
        double correction = square(kappa - pe * oneMinusKappa);
        double variance = Math.max(0.0, diagonal + offDiagonal - correction) / (n * square(1 - pe));
        double half = Wilson.Z95 * Math.sqrt(variance);
        Interval ci = new Interval(Math.max(-1.0, kappa - half), Math.min(1.0, kappa + half));
        return new Result(n, agreed, po, kappa, ci, pabak);
    }

    private static double square(double x) {
        return x * x;
    }
}
