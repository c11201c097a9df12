package org.bestplace.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.bestplace.results.Suppression;
import org.junit.jupiter.api.Test;

/**
 * A programme's figures worked by hand. Three audits, their headline "as agreed":
 *
 * <pre>
 * audit        patient-days  not qualifying  first reviews' alternatives     reasons
 * A Newcastle  12            4               P1 3, P3 1                      HP-TESTS 4
 * B Sunderland 20            8               P1 6, P2 2                      HP-TESTS 5, SC-PACKAGE 3
 * C Durham      9            3               P1 3                            SC-PACKAGE 3
 * pooled       41           15               P1 12, P2 2, P3 1               HP-TESTS 9, SC-PACKAGE 6
 * </pre>
 *
 * Pooled proportion 15 / 41 = 0.365854. Wilson 95% interval, z = 1.959964, z² = 3.841459:
 * n + z² = 44.841459; centre = (15 + 1.920729) / 44.841459 = 0.377346;
 * half-width = 1.959964 × √(15 × 26 / 41 + 0.960365) / 44.841459 = 1.959964 × √10.472560 / 44.841459
 * = 6.342705 / 44.841459 = 0.141447; so 0.235899 to 0.518793.
 */
class ProgrammeFiguresTest {

    static final double TOLERANCE = 5e-6;
    static final Suppression PUBLICATION = Suppression.publication(7);
    static final Map<String, String> TITLES = Map.of("P1", "Home, no new support", "P2", "Home with support",
            "P3", "Community bed", "HP-TESTS", "Awaiting tests", "SC-PACKAGE", "Awaiting a care package");

    static List<ProgrammeFigures.AuditCounts> audits(boolean a, boolean b, boolean c) {
        return List.of(
                new ProgrammeFigures.AuditCounts("1", "A", "Newcastle", "COLLECTING", a, false, 12, 4, 0, 4,
                        Map.of("P1", 3L, "P3", 1L), Map.of("HP-TESTS", 4L)),
                new ProgrammeFigures.AuditCounts("2", "B", "Sunderland", "COLLECTING", b, false, 20, 8, 1, 8,
                        Map.of("P1", 6L, "P2", 2L), Map.of("HP-TESTS", 5L, "SC-PACKAGE", 3L)),
                new ProgrammeFigures.AuditCounts("3", "C", "Durham", "COLLECTING", c, false, 9, 3, 0, 3,
                        Map.of("P1", 3L), Map.of("SC-PACKAGE", 3L)));
    }

    @Test
    void onEveryTeamTheAuditsAndThePooledFigureAreExact() {
        ProgrammeFigures.Figures f = ProgrammeFigures.of(audits(true, true, true), TITLES, PUBLICATION);
        assertEquals("internal", f.pooled().mode());
        assertEquals(41L, f.pooled().reviewed());
        assertEquals(15L, f.pooled().notQualifying());
        assertEquals(0.365854, f.pooled().proportion(), TOLERANCE);
        assertEquals(0.235899, f.pooled().ci95().low(), TOLERANCE);
        assertEquals(0.518793, f.pooled().ci95().high(), TOLERANCE);
        assertEquals(List.of(12L, 20L, 9L), f.audits().stream().map(ProgrammeFigures.AuditRow::reviewed).toList());
        assertEquals(List.of(4L, 8L, 3L), f.audits().stream().map(ProgrammeFigures.AuditRow::notQualifying).toList());
        assertEquals(0.4, f.audits().get(1).proportion(), 1e-12);
        assertEquals(List.of(new ProgrammeFigures.Ranked("P1", "Home, no new support", 12L),
                new ProgrammeFigures.Ranked("P2", "Home with support", 2L),
                new ProgrammeFigures.Ranked("P3", "Community bed", 1L)), f.alternatives());
        assertEquals(List.of(new ProgrammeFigures.Ranked("HP-TESTS", "Awaiting tests", 9L),
                new ProgrammeFigures.Ranked("SC-PACKAGE", "Awaiting a care package", 6L)), f.reasons());
    }

    /**
     * On A's team only: A exact; B and C as published, and the pooled figure too.
     *
     * <pre>
     *               patient-days        not qualifying (qualifying)
     * B  20, 8   -> 20                  8 -> 10 (12 -> 10)
     * C   9, 3   -> 10                  3 -> *  (6 -> *): a hidden part hides its complement
     * pooled 41, 15 -> 40               15 -> 15 (26 -> 25)
     * </pre>
     *
     * Not qualifying: among the pooled 15 and the published B 10 and C *, C would be the only hidden
     * one (15 − A's exact 4 − B's 10 gives C back, give or take the rounding), so B's is hidden too.
     * Pooled 15 of 40 = 0.375, Wilson from the published counts: n + z² = 43.841459,
     * centre = 16.920729 / 43.841459 = 0.385953, half-width = 1.959964 × √(15 × 25 / 40 + 0.960365)
     * / 43.841459 = 6.301022 / 43.841459 = 0.143723; so 0.242230 to 0.529676.
     * Alternatives pooled as published: P1 12 -> 10, P2 2 -> *, P3 1 -> *; reasons 9 -> 10, 6 -> *.
     */
    @Test
    void onOneTeamTheOtherAuditsAndThePooledFigureAreAsPublished() {
        ProgrammeFigures.Figures f = ProgrammeFigures.of(audits(true, false, false), TITLES, PUBLICATION);
        ProgrammeFigures.AuditRow a = f.audits().get(0);
        ProgrammeFigures.AuditRow b = f.audits().get(1);
        ProgrammeFigures.AuditRow c = f.audits().get(2);
        assertEquals("internal", a.mode());
        assertEquals(12L, a.reviewed());
        assertEquals(4L, a.notQualifying());
        assertEquals("publication", b.mode());
        assertEquals(20L, b.reviewed());
        assertNull(b.notQualifying(), "hidden beside C's, which would otherwise be the only hidden one");
        assertNull(b.proportion());
        assertEquals(ProgrammeFigures.HIDDEN_REASON, b.ci95Reason());
        assertNull(b.unresolved(), "unresolved is not published");
        assertEquals(10L, c.reviewed());
        assertNull(c.notQualifying());
        assertEquals("publication", f.pooled().mode());
        assertEquals(40L, f.pooled().reviewed());
        assertEquals(15L, f.pooled().notQualifying());
        assertEquals(0.375, f.pooled().proportion(), 1e-12);
        assertEquals(0.242230, f.pooled().ci95().low(), TOLERANCE);
        assertEquals(0.529676, f.pooled().ci95().high(), TOLERANCE);
        assertEquals(java.util.Arrays.asList(10L, null, null),
                f.alternatives().stream().map(ProgrammeFigures.Ranked::count).toList());
        assertEquals(java.util.Arrays.asList(10L, null),
                f.reasons().stream().map(ProgrammeFigures.Ranked::count).toList());
    }

    /**
     * On no team (a programme lead): every audit as published. A 12, 4 -> 10, * (4 hidden, so its
     * complement 8 too); B 20, 8 -> 20, 10; C 9, 3 -> 10, *. Two of the parts are hidden, so B's
     * 10 may stand: nothing hidden can be worked out from 15 − 10.
     */
    @Test
    void onNoTeamEveryAuditIsAsPublished() {
        ProgrammeFigures.Figures f = ProgrammeFigures.of(audits(false, false, false), TITLES, PUBLICATION);
        assertEquals(List.of(10L, 20L, 10L), f.audits().stream().map(ProgrammeFigures.AuditRow::reviewed).toList());
        assertEquals(java.util.Arrays.asList(null, 10L, null),
                f.audits().stream().map(ProgrammeFigures.AuditRow::notQualifying).toList());
        assertEquals(0.5, f.audits().get(1).proportion(), 1e-12);
        assertEquals(40L, f.pooled().reviewed());
    }

    /**
     * A small audit whose count has no other published audit to hide beside it: on A's and B's teams,
     * C's 3 not qualifying is hidden, and 15 − 4 − 8 would give it back, so the pooled count is
     * hidden instead (and with it its proportion).
     */
    @Test
    void aLoneHiddenAuditHidesThePooledCount() {
        ProgrammeFigures.Figures f = ProgrammeFigures.of(audits(true, true, false), TITLES, PUBLICATION);
        assertNull(f.audits().get(2).notQualifying());
        assertEquals(40L, f.pooled().reviewed());
        assertNull(f.pooled().notQualifying());
        assertNull(f.pooled().proportion());
        assertNull(f.pooled().ci95());
    }
}
