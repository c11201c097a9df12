package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FleissKappaTest {

    /**
     * The worked example of Fleiss' kappa on Wikipedia ("Fleiss' kappa", Worked example): 10
     * subjects, 14 raters, 5 categories; published P̄ = 0.378, P̄e = 0.213, κ = 0.210. Worked
     * to four decimals from the same table: P̄ = 0.37802, P̄e = 0.21276, κ = 0.2099.
     */
    @Test
    void publishedWorkedExample() {
        long[][] table = {
            {0, 0, 0, 0, 14},
            {0, 2, 6, 4, 2},
            {0, 0, 3, 5, 6},
            {0, 3, 9, 2, 0},
            {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},
            {3, 2, 6, 3, 0},
            {2, 5, 3, 2, 2},
            {6, 5, 2, 1, 0},
            {0, 2, 2, 3, 7},
        };
        double kappa = FleissKappa.of(table);
        assertEquals(0.2099, kappa, 0.00005);
        assertEquals(0.210, Math.round(kappa * 1000) / 1000.0);
    }

    /** For two raters and two answers Fleiss' kappa is Scott's pi: chance from the pooled answers. */
    @Test
    void twoRatersGiveScottsPi() {
        // 50 pairs (20 both yes, 5 and 10 split, 15 both no): pooled yes 55/100, chance 0.505, po 0.7.
        assertEquals((0.7 - 0.505) / (1 - 0.505), FleissKappa.twoRaters(20, 5, 10, 15), 1e-12);
        assertEquals(FleissKappa.of(new long[][] {
            {2, 0}, {2, 0}, {1, 1}, {0, 2}}), FleissKappa.twoRaters(2, 1, 0, 1), 1e-12);
    }

    @Test
    void doesNotDependOnWhichReviewIsCalledFirst() {
        assertEquals(FleissKappa.twoRaters(1, 3, 0, 2), FleissKappa.twoRaters(1, 2, 1, 2), 1e-12);
    }

    @Test
    void noPairsOrOneAnswerOnlyHaveNoKappa() {
        assertNull(FleissKappa.twoRaters(0, 0, 0, 0));
        assertNull(FleissKappa.twoRaters(0, 0, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(new long[][] {{2, 0}, {1, 0}}));
    }
}
