package org.bestplace.debrief;

/**
 * A two-sided 95% confidence interval, lower and upper limit. Where no interval can be estimated
 * the figure carries {@code null} instead, beside a reason in the words below.
 */
public record Interval(double low, double high) {

    /** Why a proportion and its interval are absent: there is nothing to divide by. */
    public static final String NO_PATIENT_DAYS = "no patient-days";

    /** The start of every reason an interval cannot be estimated from the data there is. */
    public static final String NOT_ESTIMABLE = "not estimable";

    public Interval {
        low = tidy(low);
        high = tidy(high);
    }

    /** Floating-point noise around zero is zero, so no page or file shows "−0.00". */
    public static double tidy(double value) {
        return Math.abs(value) < 1e-12 ? 0.0 : value;
    }

    /** The same for a figure that may be absent. */
    public static Double tidy(Double value) {
        return value == null ? null : tidy(value.doubleValue());
    }
}
