package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NewcombeTest {

    @Test
    void newcombesWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, example (a): 56/70 vs 48/80.
        Newcombe.Difference result = Newcombe.difference(56, 70, 48, 80);
        assertEquals(0.200, result.difference(), 1e-9);
        assertEquals(0.0524, result.ci95().low(), 0.00005);
        assertEquals(0.3339, result.ci95().high(), 0.00005);
    }

    @Test
    void emptyGroupsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Newcombe.difference(0, 0, 1, 2));
    }
}
