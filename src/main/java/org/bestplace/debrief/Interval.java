package org.bestplace.debrief;

/** A two-sided 95% confidence interval, lower and upper limit. */
public record Interval(double low, double high) {
}
