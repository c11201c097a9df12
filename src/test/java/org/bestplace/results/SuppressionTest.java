package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
