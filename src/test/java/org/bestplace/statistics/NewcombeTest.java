package org.bestplace.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NewcombeTest {

    // Newcombe RG (1998) Interval estimation for the difference between independent proportions:
    // comparison of eleven methods. Stat Med 17:873-890, Table II, method 10.

    @Test
    void newcombesFirstExample() {
        Newcombe.Difference result = Newcombe.difference(56, 70, 48, 80);
        assertEquals(0.200, result.difference(), 1e-12);
        assertEquals(0.0524, result.ci95().low(), 0.00005);
        assertEquals(0.3339, result.ci95().high(), 0.00005);
    }

    @Test
    void newcombesSmallSampleExample() {
        Newcombe.Difference result = Newcombe.difference(9, 10, 3, 10);
        assertEquals(0.600, result.difference(), 1e-12);
        assertEquals(0.1705, result.ci95().low(), 0.00005);
        assertEquals(0.8090, result.ci95().high(), 0.00005);
    }

    @Test
    void allAgainstNoneStopsAtOne() {
        // Both Wilson limits are 0.2775 from their ends, so the lower limit is 1 − √2 × 0.2775.
        Newcombe.Difference result = Newcombe.difference(10, 10, 0, 10);
        assertEquals(1.0, result.difference(), 1e-12);
        assertEquals(0.6075, result.ci95().low(), 0.00005);
        assertEquals(1.0, result.ci95().high(), 1e-12);
    }

    @Test
    void swappingTheAuditsMirrorsTheInterval() {
        Newcombe.Difference forward = Newcombe.difference(56, 70, 48, 80);
        Newcombe.Difference backward = Newcombe.difference(48, 80, 56, 70);
        assertEquals(-forward.difference(), backward.difference(), 1e-12);
        assertEquals(-forward.ci95().high(), backward.ci95().low(), 1e-12);
        assertEquals(-forward.ci95().low(), backward.ci95().high(), 1e-12);
    }

    @Test
    void emptyOrImpossibleGroupsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Newcombe.difference(0, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Newcombe.difference(1, 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Newcombe.difference(3, 2, 1, 2));
    }
}
