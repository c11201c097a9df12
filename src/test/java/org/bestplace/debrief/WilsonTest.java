package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void twentyFourOfAHundredIsTheTextbookInterval() {
        Interval ci = Wilson.interval(24, 100);
        assertEquals(0.167, ci.low(), 0.0005);
        assertEquals(0.332, ci.high(), 0.0005);
    }

    @Test
    void matchesNewcombesTableOne() {
        // Newcombe RG (1998) Two-sided confidence intervals for the single proportion.
        // Stat Med 17:857-872, Table I, Wilson score method: 81/263 gives 0.2553 to 0.3662.
        Interval ci = Wilson.interval(81, 263);
        assertEquals(0.2553, ci.low(), 0.00005);
        assertEquals(0.3662, ci.high(), 0.00005);
    }

    @Test
    void noneOfTenStartsExactlyAtZero() {
        // At 0 of n the upper limit is z²/(n + z²) = 3.8415/13.8415.
        Interval ci = Wilson.interval(0, 10);
        assertEquals(0.0, ci.low());
        assertEquals(0.2775, ci.high(), 0.00005);
    }

    @Test
    void allOfTenEndsExactlyAtOne() {
        Interval ci = Wilson.interval(10, 10);
        assertEquals(0.7225, ci.low(), 0.00005);
        assertEquals(1.0, ci.high());
    }

    @Test
    void noCasesYetHaveNoInterval() {
        assertNull(Wilson.interval(0, 0), "0 of 0 is no proportion at all, not one anywhere from 0 to 1");
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(11, 10));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(0, -1));
    }
}
