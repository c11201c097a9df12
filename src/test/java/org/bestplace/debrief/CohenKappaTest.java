package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CohenKappaTest {

    @Test
    void textbookTableGivesKappaPointFour() {
        // 50 pairs: 20 both yes, 5 first yes only, 10 second yes only, 15 both no.
        // po = 35/50 = 0.70; pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.50; kappa = 0.20/0.50 = 0.40.
        CohenKappa.Result result = CohenKappa.of(20, 5, 10, 15);
        assertEquals(50, result.pairs());
        assertEquals(35, result.agreed());
        assertEquals(0.70, result.percentAgreement(), 1e-12);
        assertEquals(0.40, result.kappa(), 1e-12);
        assertEquals(0.40, result.pabak(), 1e-12);
    }

    @Test
    void intervalOfTheTextbookTableWorkedByHand() {
        // Fleiss, Cohen & Everitt variance with p11 .4, p12 .1, p21 .2, p22 .3, margins .5/.6, 1 − kappa = .6:
        // diagonal .4(1 − 1.1 × .6)² + .3(1 − .9 × .6)² = .04624 + .06348 = .10972
        // off-diagonal .36 × (.1 × 1.1² + .2 × .9²) = .36 × .283 = .10188
        // minus (.4 − .5 × .6)² = .01, so variance = .20160 / (50 × .5²) = .016128 and SE = .1269961.
        CohenKappa.Result result = CohenKappa.of(20, 5, 10, 15);
        double halfWidth = 1.959964 * 0.1269961;
        assertEquals(0.40 - halfWidth, result.ci95().low(), 1e-6);
        assertEquals(0.40 + halfWidth, result.ci95().high(), 1e-6);
    }

    @Test
    void matchesThePublishedLargeSampleInterval() {
        // Bonett's statpsych R package (CRAN), documented example ci.kappa(.05, 31, 12, 4, 58), citing
        // Fleiss & Paik (2003): Cohen kappa 0.6756757, SE 0.07344761, 95% CI 0.5317210 to 0.8196303.
        // Its f11 = 58 is our a, f01 = 12 and f10 = 4 the two disagreements, f00 = 31 our d.
        // Cohen's 1960 approximation would give SE 0.0746 and miss these limits by 0.002.
        CohenKappa.Result result = CohenKappa.of(58, 12, 4, 31);
        assertEquals(105, result.pairs());
        assertEquals(0.6756757, result.kappa(), 5e-8);
        assertEquals(0.5317210, result.ci95().low(), 5e-7);
        assertEquals(0.8196303, result.ci95().high(), 5e-7);
    }

    @Test
    void swappingTheReviewersChangesNothing() {
        CohenKappa.Result one = CohenKappa.of(58, 12, 4, 31);
        CohenKappa.Result other = CohenKappa.of(58, 4, 12, 31);
        assertEquals(one.kappa(), other.kappa(), 1e-12);
        assertEquals(one.ci95().low(), other.ci95().low(), 1e-12);
        assertEquals(one.ci95().high(), other.ci95().high(), 1e-12);
    }

    @Test
    void intervalIsClippedToTheRangeOfKappa() {
        // Three pairs: kappa 0.4 with a half-width near 0.77, so the raw upper limit would be 1.17.
        CohenKappa.Result high = CohenKappa.of(1, 0, 1, 1);
        assertEquals(0.4, high.kappa(), 1e-12);
        assertEquals(1.0, high.ci95().high());
        // Kappa −0.5 with a raw lower limit of −1.10.
        CohenKappa.Result low = CohenKappa.of(0, 1, 1, 1);
        assertEquals(-0.5, low.kappa(), 1e-12);
        assertEquals(-1.0, low.ci95().low());
    }

    @Test
    void perfectAgreementOnBothAnswersHasNoEstimableInterval() {
        CohenKappa.Result result = CohenKappa.of(10, 0, 0, 30);
        assertEquals(1.0, result.kappa(), 1e-12);
        assertEquals(1.0, result.pabak(), 1e-12);
        // The large-sample standard error is zero here: a point "interval" would claim certainty.
        assertNull(result.ci95());
        assertTrue(result.ci95Reason().startsWith("not estimable"), result.ci95Reason());
    }

    @Test
    void oneReviewerAlwaysGivingTheSameAnswerHasNoIntervalAndNoNegativeZero() {
        // The first reviewer always says "qualifies": kappa is 0, which floating point works out as −3e−16.
        CohenKappa.Result result = CohenKappa.of(0, 0, 1, 2);
        assertEquals(0.0, result.kappa());
        assertNull(result.ci95());
        assertTrue(result.ci95Reason().startsWith("not estimable"), result.ci95Reason());
        assertEquals("0.00", String.format(java.util.Locale.ROOT, "%.2f", result.kappa()));
    }

    @Test
    void aSinglePairHasNoInterval() {
        for (CohenKappa.Result result : new CohenKappa.Result[] {CohenKappa.of(0, 1, 0, 0), CohenKappa.of(1, 0, 0, 0)}) {
            assertNull(result.ci95());
            assertTrue(result.ci95Reason().startsWith("not estimable"), result.ci95Reason());
        }
    }

    @Test
    void noPairsGiveCountsButNoFigures() {
        CohenKappa.Result result = CohenKappa.of(0, 0, 0, 0);
        assertEquals("no patient-days", result.ci95Reason());
        assertEquals(0, result.pairs());
        assertEquals(0, result.agreed());
        assertNull(result.percentAgreement());
        assertNull(result.kappa());
        assertNull(result.ci95());
        assertNull(result.pabak());
    }

    @Test
    void everyPairInOneCellLeavesKappaUndefinedButAgreementKnown() {
        for (CohenKappa.Result result : new CohenKappa.Result[] {CohenKappa.of(0, 0, 0, 12), CohenKappa.of(12, 0, 0, 0)}) {
            assertEquals(12, result.pairs());
            assertNull(result.kappa());
            assertNull(result.ci95());
            assertEquals(1.0, result.percentAgreement(), 1e-12);
            assertEquals(1.0, result.pabak(), 1e-12);
        }
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CohenKappa.of(1, -1, 0, 0));
    }
}
