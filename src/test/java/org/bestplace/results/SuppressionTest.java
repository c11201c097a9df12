package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private final Suppression publication = Suppression.publication(7);

    @Test
    void smallCountsAreHiddenAndOthersRoundedToFive() {
        assertEquals(0L, publication.count(0));
        assertEquals("*", publication.count(1));
        assertEquals("*", publication.count(7));
        assertEquals(10L, publication.count(8));
        assertEquals(10L, publication.count(12));
        assertEquals(15L, publication.count(13));
        assertEquals(100L, publication.count(98));
    }

    @Test
    void proportionsComeFromTheRoundedCounts() {
        // 13 of 52: 25.0% exactly, published as 15 of 50 = 30.0%
        assertEquals(0.30, (Double) publication.proportion(13, 52), 1e-12);
        assertEquals("*", publication.proportion(5, 52));
        assertEquals(0.0, (Double) publication.proportion(0, 52), 1e-12);
    }

    @Test
    void partsAreRoundedSoTheyAddUpToTheirRoundedTotal() {
        // 8, 8, 9 (total 25): floors 5, 5, 5 leave 10, two fives; remainders 3, 3, 4, so the 9 and
        // then the first 8 (same remainder, same count, earlier row) go up.
        assertArrayEquals(new long[] {10, 5, 10}, Suppression.roundToTotal(new long[] {8, 8, 9}, 25));
        // 12, 13 (25): floors 10, 10 leave one five, for the 13 (remainder 3 over 2).
        assertArrayEquals(new long[] {10, 15}, Suppression.roundToTotal(new long[] {12, 13}, 25));
        // A zero stays zero; a multiple of 5 stays as it is.
        assertArrayEquals(new long[] {0, 30}, Suppression.roundToTotal(new long[] {0, 30}, 30));
        // 9, 11 (20): floors 5, 10 leave one five; remainders 4 and 1, so the 9 goes up.
        assertArrayEquals(new long[] {10, 10}, Suppression.roundToTotal(new long[] {9, 11}, 20));
        // 14, 9, 8 (31, shown 30): floors 10, 5, 5 leave two fives; remainders 4, 4, 3; ties on
        // remainder go to the larger count, so 14 and 9 go up.
        assertArrayEquals(new long[] {15, 10, 5}, Suppression.roundToTotal(new long[] {14, 9, 8}, 30));
        // Remainders 3, 3 with equal counts: the earlier row first.
        assertArrayEquals(new long[] {10, 5}, Suppression.roundToTotal(new long[] {8, 8}, 15));
    }

    @Test
    void partsThatCannotReachTheTotalAreNotForced() {
        // A total the parts do not make up: 10 has no remainder to round up, and 9 cannot rise by 10.
        assertNull(Suppression.roundToTotal(new long[] {10}, 15));
        assertNull(Suppression.roundToTotal(new long[] {9}, 15));
        assertNull(Suppression.roundToTotal(new long[] {0, 0}, 5));
        assertNull(Suppression.roundToTotal(new long[] {12}, 12), "a total that is no multiple of 5");
        assertNull(Suppression.roundToTotal(new long[] {12}, 5), "a total below the floors");
    }

    @Test
    void thresholdIsConfigurable() {
        Suppression ten = Suppression.publication(10);
        assertEquals("*", ten.count(10));
        assertEquals(10L, ten.count(11));
    }

    @Test
    void internalShowsExactCountsAndTheRuleSaysWhich() {
        Suppression internal = Suppression.internal();
        assertEquals(1L, internal.count(1));
        assertEquals(0.25, (Double) internal.proportion(13, 52), 1e-12);
        assertTrue(publication.rule().contains("1 to 7"));
        assertTrue(internal.rule().contains("Not for publication"));
    }
}
