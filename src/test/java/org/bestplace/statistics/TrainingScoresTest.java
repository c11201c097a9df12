package org.bestplace.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bestplace.statistics.TrainingScores.Rating;
import org.junit.jupiter.api.Test;

class TrainingScoresTest {

    /**
     * Twenty cases, "does not qualify" (NQ) positive.
     *
     * <pre>
     *                         reference NQ   reference qualifies
     *   person NQ                   6               2             8
     *   person qualifies            2              10            12
     *                               8              12            20
     * </pre>
     */
    private static List<Rating> twentyCases() {
        List<Rating> ratings = new ArrayList<>();
        ratings.addAll(Collections.nCopies(6, new Rating(true, true)));
        ratings.addAll(Collections.nCopies(2, new Rating(false, true)));
        ratings.addAll(Collections.nCopies(2, new Rating(true, false)));
        ratings.addAll(Collections.nCopies(10, new Rating(false, false)));
        // The order the cases were answered in does not matter.
        Collections.shuffle(ratings, new java.util.Random(16));
        return ratings;
    }

    @Test
    void twentyCaseTableWorkedByHand() {
        TrainingScores scores = TrainingScores.of(twentyCases());
        assertEquals(20, scores.answered());
        assertEquals(16, scores.agreed());
        // Agreement 16/20.
        assertEquals(0.80, scores.percentAgreement(), 1e-12);
        // po = 0.8; pe = 0.4 × 0.4 + 0.6 × 0.6 = (8·8 + 12·12)/400 = 0.52; kappa = 0.28/0.48 = 7/12.
        assertEquals(7.0 / 12, scores.kappa(), 1e-12);
        assertEquals(0.5833, scores.kappa(), 5e-5);
        // Sensitivity 6/8, specificity 10/12.
        assertEquals(0.75, scores.sensitivity(), 1e-12);
        assertEquals(10.0 / 12, scores.specificity(), 1e-12);
    }

    @Test
    void intervalOfTheTwentyCaseTableWorkedByHand() {
        // CohenKappa's Fleiss, Cohen & Everitt (1969) variance with p11 .3, p12 .1, p21 .1, p22 .5,
        // margins person NQ .4, reference NQ .4 (qualifies .6 and .6), pe .52, 1 − kappa = 5/12:
        // diagonal .3(1 − .8 × 5/12)² + .5(1 − 1.2 × 5/12)² = .3 × 4/9 + .5 × 1/4 = 930/3600
        // off-diagonal (5/12)² × (.1 × (.4 + .6)² + .1 × (.4 + .6)²) = 25/144 × .2 = 125/3600
        // minus (7/12 − .52 × 5/12)² = (4.4/12)² = 484/3600, so the sum is 571/3600 = .1586111;
        // variance = .1586111 / (20 × .48²) = .1586111 / 4.608 = .0344208, SE = .1855285,
        // half-width 1.959964 × .1855285 = .3636291, interval .2197042 to .9469625.
        TrainingScores scores = TrainingScores.of(twentyCases());
        assertNotNull(scores.ci95());
        assertNull(scores.ci95Reason());
        assertEquals(0.2197042, scores.ci95().low(), 1e-6);
        assertEquals(0.9469625, scores.ci95().high(), 1e-6);
    }

    @Test
    void theReferenceIsTheSecondRaterOfCohenKappa() {
        CohenKappa.Result pair = CohenKappa.of(6, 2, 2, 10);
        TrainingScores scores = TrainingScores.of(twentyCases());
        assertEquals(pair.kappa(), scores.kappa(), 1e-15);
        assertEquals(pair.ci95().low(), scores.ci95().low(), 1e-15);
        assertEquals(pair.ci95().high(), scores.ci95().high(), 1e-15);
    }

    @Test
    void sensitivityAndSpecificityAreNotSwapped() {
        // Reference 4 NQ, 6 qualifying; person finds 1 of the 4 NQ and calls all 6 qualifying right.
        List<Rating> ratings = new ArrayList<>();
        ratings.add(new Rating(true, true));
        ratings.addAll(Collections.nCopies(3, new Rating(false, true)));
        ratings.addAll(Collections.nCopies(6, new Rating(false, false)));
        TrainingScores scores = TrainingScores.of(ratings);
        assertEquals(0.25, scores.sensitivity(), 1e-12);
        assertEquals(1.0, scores.specificity(), 1e-12);
        assertEquals(0.70, scores.percentAgreement(), 1e-12);
    }

    @Test
    void nothingAnsweredHasNoFigures() {
        TrainingScores scores = TrainingScores.of(List.of());
        assertEquals(0, scores.answered());
        assertEquals(0, scores.agreed());
        assertNull(scores.percentAgreement());
        assertNull(scores.kappa());
        assertNull(scores.ci95());
        assertEquals(TrainingScores.NOTHING_ANSWERED, scores.ci95Reason());
        assertNull(scores.sensitivity());
        assertNull(scores.specificity());
        assertFalse(scores.meets(0, 0.0, 0.0));
    }

    @Test
    void referenceWithoutANotQualifyingCaseHasNoSensitivity() {
        // Five qualifying references; the person calls one of them not qualifying.
        List<Rating> ratings = new ArrayList<>();
        ratings.add(new Rating(true, false));
        ratings.addAll(Collections.nCopies(4, new Rating(false, false)));
        TrainingScores scores = TrainingScores.of(ratings);
        assertNull(scores.sensitivity());
        assertEquals(0.8, scores.specificity(), 1e-12);
        assertEquals(0.8, scores.percentAgreement(), 1e-12);
        // The reference always gives the same answer: kappa is 0 (po .8 = pe .8) with no interval.
        assertEquals(0.0, scores.kappa(), 1e-12);
        assertNull(scores.ci95());
        assertTrue(scores.ci95Reason().startsWith(Interval.NOT_ESTIMABLE), scores.ci95Reason());
    }

    @Test
    void referenceWithoutAQualifyingCaseHasNoSpecificity() {
        TrainingScores scores = TrainingScores.of(List.of(new Rating(true, true), new Rating(false, true)));
        assertEquals(0.5, scores.sensitivity(), 1e-12);
        assertNull(scores.specificity());
    }

    @Test
    void perfectAgreement() {
        List<Rating> ratings = new ArrayList<>();
        ratings.addAll(Collections.nCopies(4, new Rating(true, true)));
        ratings.addAll(Collections.nCopies(6, new Rating(false, false)));
        TrainingScores scores = TrainingScores.of(ratings);
        assertEquals(10, scores.agreed());
        assertEquals(1.0, scores.percentAgreement(), 1e-12);
        assertEquals(1.0, scores.kappa(), 1e-12);
        assertEquals(1.0, scores.sensitivity(), 1e-12);
        assertEquals(1.0, scores.specificity(), 1e-12);
        assertNull(scores.ci95());
        assertTrue(scores.ci95Reason().contains("perfect agreement"), scores.ci95Reason());
        assertTrue(scores.meets(10, 0.75, 0.8));
    }

    @Test
    void perfectAgreementOnOneOutcomeOnlyHasNoKappaAndIsNotReady() {
        TrainingScores scores = TrainingScores.of(Collections.nCopies(12, new Rating(false, false)));
        assertEquals(1.0, scores.percentAgreement(), 1e-12);
        assertNull(scores.kappa());
        assertNull(scores.sensitivity());
        assertEquals(1.0, scores.specificity(), 1e-12);
        assertFalse(scores.meets(10, 0.6, 0.8));
    }

    @Test
    void meetsAtAndAroundEachThreshold() {
        // 20 answered, kappa 7/12 = 0.5833, agreement 0.80.
        TrainingScores scores = TrainingScores.of(twentyCases());
        assertTrue(scores.meets(20, 0.58, 0.80), "exactly the cases and agreement asked for");
        assertTrue(scores.meets(20, 7.0 / 12, 0.80), "kappa exactly at the threshold");
        assertTrue(scores.meets(19, 0.5, 0.75));
        assertFalse(scores.meets(21, 0.58, 0.80), "one case short");
        assertFalse(scores.meets(20, 0.59, 0.80), "kappa just below");
        assertFalse(scores.meets(20, 0.58, 0.81), "agreement just below");
        assertFalse(scores.meets(10, 0.6, 0.8), "the default rule: kappa 0.58 is below 0.6");
        assertTrue(scores.meets(10, 0.5, 0.8));
    }

    @Test
    void thresholdWorkedOutAsPointSixIsMetDespiteRounding() {
        // 10 cases: 4 both NQ, 1 person-only NQ, 1 reference-only NQ, 4 both qualify.
        // po = 0.8, pe = 0.5 × 0.5 + 0.5 × 0.5 = 0.5, kappa = 0.3/0.5 = 0.6.
        List<Rating> ratings = new ArrayList<>();
        ratings.addAll(Collections.nCopies(4, new Rating(true, true)));
        ratings.add(new Rating(true, false));
        ratings.add(new Rating(false, true));
        ratings.addAll(Collections.nCopies(4, new Rating(false, false)));
        TrainingScores scores = TrainingScores.of(ratings);
        assertEquals(0.6, scores.kappa(), 1e-12);
        assertTrue(scores.meets(10, 0.6, 0.8), "the default rule, met exactly");
        assertFalse(scores.meets(11, 0.6, 0.8));
        assertFalse(scores.meets(10, 0.61, 0.8));
        assertFalse(scores.meets(10, 0.6, 0.81));
    }

    @Test
    void kappaThatRoundsJustBelowItsExactValueStillMeetsIt() {
        // 3 cases: 1 both NQ, 1 reference-only NQ, 1 both qualify. po = 2/3, pe = 1/3 × 2/3 + 2/3 × 1/3 = 4/9,
        // kappa = (2/9)/(5/9) = 0.4 exactly, which floating point makes 0.39999999999999986.
        TrainingScores scores = TrainingScores.of(List.of(
                new Rating(true, true), new Rating(false, true), new Rating(false, false)));
        assertEquals(0.4, scores.kappa(), 1e-12);
        assertTrue(scores.meets(3, 0.4, 0.6));
        assertFalse(scores.meets(3, 0.41, 0.6));
    }
}
