package org.bestplace.debrief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CohenKappaTest {

    @Test
    void textbookTableGivesKappaPointFour() {
        // a=20 both yes, b=5, c=10, d=15 both no: po = 0.70, pe = 0.5*0.6 + 0.5*0.4 = 0.50, kappa = 0.40.
        CohenKappa.Result result = CohenKappa.of(20, 5, 10, 15);
        assertEquals(50, result.pairs());
        assertEquals(35, result.agreed());
        assertEquals(0.70, result.percentAgreement(), 1e-12);
        assertEquals(0.40, result.kappa(), 1e-12);
        assertEquals(0.40, result.pabak(), 1e-12);
    }

    @Test
    void theIntervalUsesTheLargeSampleStandardError() {
        // Fleiss, Cohen & Everitt (1969) variance for the same table, worked by hand:
        // diagonal 0.4*(1-1.1*0.6)^2 + 0.3*(1-0.9*0.6)^2 = 0.04624 + 0.06348 = 0.10972
        // off-diagonal 0.6^2 * (0.1*(0.6+0.5)^2 + 0.2*(0.4+0.5)^2) = 0.36 * 0.283 = 0.10188
        // correction (0.4 - 0.5*0.6)^2 = 0.01
        // variance = (0.10972 + 0.10188 - 0.01) / (50 * 0.25) = 0.016128, SE = 0.126996
        CohenKappa.Result result = CohenKappa.of(20, 5, 10, 15);
        assertEquals(0.40 - 1.959964 * 0.126996, result.ci95().low(), 1e-5);
        assertEquals(0.40 + 1.959964 * 0.126996, result.ci95().high(), 1e-5);
    }

    @Test
    void perfectAgreementIsOne() {
        CohenKappa.Result result = CohenKappa.of(10, 0, 0, 30);
        assertEquals(1.0, result.kappa(), 1e-12);
        assertEquals(1.0, result.pabak(), 1e-12);
        assertTrue(result.ci95().high() <= 1.0);
    }

    @Test
    void noPairsGiveNoFigures() {
        CohenKappa.Result result = CohenKappa.of(0, 0, 0, 0);
        assertEquals(0, result.pairs());
        assertNull(result.kappa());
        assertNull(result.percentAgreement());
    }

    @Test
    void allRatingsInOneCellLeaveKappaUndefinedButPabakKnown() {
        CohenKappa.Result result = CohenKappa.of(0, 0, 0, 12);
        assertNull(result.kappa());
        assertNull(result.ci95());
        assertEquals(1.0, result.percentAgreement(), 1e-12);
        assertEquals(1.0, result.pabak(), 1e-12);
    }
}
