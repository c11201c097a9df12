package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void anyCriterionMetQualifies() {
        assertEquals(Outcome.QUALIFIES, Outcome.derive(List.of("MED-01"), null));
        assertEquals(Outcome.QUALIFIES, Outcome.derive(List.of("MED-01", "NUR-02"), null));
    }

    @Test
    void noCriterionMetDoesNotQualify() {
        assertEquals(Outcome.DOES_NOT_QUALIFY, Outcome.derive(List.of(), null));
        assertEquals(Outcome.DOES_NOT_QUALIFY, Outcome.derive(null, null));
    }

    @Test
    void overrideWinsInEitherDirection() {
        assertEquals(Outcome.DOES_NOT_QUALIFY, Outcome.derive(List.of("MED-01"), Outcome.DOES_NOT_QUALIFY));
        assertEquals(Outcome.QUALIFIES, Outcome.derive(List.of(), Outcome.QUALIFIES));
    }

    @Test
    void criteriaAloneIgnoreTheOverride() {
        assertEquals(Outcome.QUALIFIES, Outcome.fromCriteria(List.of("X")));
        assertEquals(Outcome.DOES_NOT_QUALIFY, Outcome.fromCriteria(List.of()));
    }

    @Test
    void contentNormalisesOrderAndBlankText() {
        var a = new ReviewContent(1, null, List.of("B", "A"), null, " ", "", List.of(), "  ", false, true);
        var b = new ReviewContent(1, null, List.of("A", "B"), null, null, null, null, null, false, true);
        assertEquals(a, b);
        assertEquals(Outcome.QUALIFIES, a.outcome());
    }
}
