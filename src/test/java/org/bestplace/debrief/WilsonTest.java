package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void twentyFourOfAHundred() {
        Interval ci = Wilson.interval(24, 100);
        assertEquals(0.167, ci.low(), 0.0005);
        assertEquals(0.332, ci.high(), 0.0005);
    }

    @Test
    void newcombesExampleEightyOneOf263() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, Table I: 81/263 gives 0.2553 to 0.3662.
        Interval ci = Wilson.interval(81, 263);
        assertEquals(0.2553, ci.low(), 0.00005);
        assertEquals(0.3662, ci.high(), 0.00005);
    }

    @Test
    void noneAndAllOfTen() {
        // Same table: 0/10 gives 0 to 0.2775.
        Interval none = Wilson.interval(0, 10);
        assertEquals(0.0, none.low());
        assertEquals(0.2775, none.high(), 0.00005);
        Interval all = Wilson.interval(10, 10);
        assertEquals(0.7225, all.low(), 0.00005);
        assertEquals(1.0, all.high());
    }

    @Test
    void noObservationsSayNothing() {
        assertEquals(new Interval(0.0, 1.0), Wilson.interval(0, 0));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 4));
    }
}
