package org.bestplace.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    static final double E = 1e-9;

    static FunnelPlot.Limit at(FunnelPlot.Chart chart, long n) {
        return chart.limits().stream().filter(l -> l.n() == n).findFirst()
                .orElseThrow(() -> new AssertionError("no limit at n = " + n + " in " + chart.limits()));
    }

    static void assertLimit(FunnelPlot.Limit limit, double low95, double high95, double low998, double high998) {
        String n = "n = " + limit.n();
        assertEquals(low95, limit.low95(), E, n + " low95");
        assertEquals(high95, limit.high95(), E, n + " high95");
        assertEquals(low998, limit.low998(), E, n + " low998");
        assertEquals(high998, limit.high998(), E, n + " high998");
    }

    static void assertPoint(FunnelPlot.Point point, String key, long n, double proportion, boolean inside95,
            boolean inside998) {
        assertEquals(key, point.key());
        assertEquals(n, point.n(), key);
        assertEquals(proportion, point.proportion(), 1e-12, key);
        assertEquals(inside95, point.inside95(), key + " inside 95%");
        assertEquals(inside998, point.inside998(), key + " inside 99.8%");
    }

    /*
     * Five wards, worked by hand. 605 patient-days, 121 not qualifying: overall 121/605 = 0.20.
     * The standard error at n is √(0.2 × 0.8 / n) = 0.4/√n; limits 0.2 ± z × 0.4/√n, clipped to [0, 1],
     * z = 1.959964 (95%) and 3.090232 (99.8%):
     *
     *  ward  n    not q.  p        se     95% limits               99.8% limits             inside 95 / 99.8
     *  A     16    7      0.4375   0.10   0.0040036 – 0.3959964    0 (−0.109 clipped) – 0.5090232   no / yes
     *  B     25    5      0.20     0.08   0.04320288 – 0.35679712  0 (−0.047 clipped) – 0.44721856  yes / yes
     *  C     64   24      0.375    0.05   0.1020018 – 0.2979982    0.0454884 – 0.3545116    no / no
     *  D    100   10      0.10     0.04   0.12160144 – 0.27839856  0.07639072 – 0.32360928  no / yes
     *  E    400   75      0.1875   0.02   0.16080072 – 0.23919928  0.13819536 – 0.26180464  yes / yes
     */
    @Test
    void handBuiltWardsGiveTheLimitsAtEachNAndThePointsOutside() {
        FunnelPlot.Chart chart = FunnelPlot.of(List.of(new FunnelPlot.Group("A", 16, 7),
                new FunnelPlot.Group("B", 25, 5), new FunnelPlot.Group("C", 64, 24),
                new FunnelPlot.Group("D", 100, 10), new FunnelPlot.Group("E", 400, 75)));

        assertEquals(0.20, chart.overall(), 1e-12);
        assertLimit(at(chart, 16), 0.0040036, 0.3959964, 0, 0.5090232);
        assertLimit(at(chart, 25), 0.04320288, 0.35679712, 0, 0.44721856);
        assertLimit(at(chart, 64), 0.1020018, 0.2979982, 0.0454884, 0.3545116);
        assertLimit(at(chart, 100), 0.12160144, 0.27839856, 0.07639072, 0.32360928);
        assertLimit(at(chart, 400), 0.16080072, 0.23919928, 0.13819536, 0.26180464);

        List<FunnelPlot.Point> points = chart.points();
        assertEquals(5, points.size());
        assertPoint(points.get(0), "A", 16, 0.4375, false, true);
        assertPoint(points.get(1), "B", 25, 0.20, true, true);
        assertPoint(points.get(2), "C", 64, 0.375, false, false);
        assertPoint(points.get(3), "D", 100, 0.10, false, true);
        assertPoint(points.get(4), "E", 400, 0.1875, true, true);
    }

    /*
     * Four audits of a programme. 1560 patient-days, 390 not qualifying: overall 0.25, se √(0.1875/n):
     *
     *  audit  n     not q.  p        se      95% limits               99.8% limits            inside 95 / 99.8
     *  North  1200  280     0.23333  0.0125  0.22550045 – 0.27449955  0.2113721 – 0.2886279   yes / yes
     *  South   300  100     0.33333  0.025   0.2010009 – 0.2989991    0.1727442 – 0.3272558   no / no
     *  East     48    6     0.125    0.0625  0.12750225 – 0.37249775  0.0568605 – 0.4431395   no / yes
     *  West     12    4     0.33333  0.125   0.0050045 – 0.4949955    0 (−0.136 clipped) – 0.636279  yes / yes
     */
    @Test
    void handBuiltAuditsOfAProgrammeGiveTheLimitsAtEachNAndThePointsOutside() {
        FunnelPlot.Chart chart = FunnelPlot.of(List.of(new FunnelPlot.Group("North", 1200, 280),
                new FunnelPlot.Group("South", 300, 100), new FunnelPlot.Group("East", 48, 6),
                new FunnelPlot.Group("West", 12, 4)));

        assertEquals(0.25, chart.overall(), 1e-12);
        assertLimit(at(chart, 1200), 0.22550045, 0.27449955, 0.2113721, 0.2886279);
        assertLimit(at(chart, 300), 0.2010009, 0.2989991, 0.1727442, 0.3272558);
        assertLimit(at(chart, 48), 0.12750225, 0.37249775, 0.0568605, 0.4431395);
        assertLimit(at(chart, 12), 0.0050045, 0.4949955, 0, 0.636279);

        assertPoint(chart.points().get(0), "North", 1200, 280.0 / 1200, true, true);
        assertPoint(chart.points().get(1), "South", 300, 100.0 / 300, false, false);
        assertPoint(chart.points().get(2), "East", 48, 0.125, false, true);
        assertPoint(chart.points().get(3), "West", 12, 4.0 / 12, true, true);
    }

    @Test
    void theLimitsToDrawRunFromOnePatientDayPastTheLargestGroupInOrder() {
        FunnelPlot.Chart chart = FunnelPlot.of(List.of(new FunnelPlot.Group("A", 16, 7),
                new FunnelPlot.Group("E", 400, 75), new FunnelPlot.Group("B", 25, 5)));
        List<FunnelPlot.Limit> limits = chart.limits();
        assertEquals(1, limits.get(0).n());
        // At n = 1 with overall 82/441: the 99.8% limits span everything.
        assertEquals(0.0, limits.get(0).low998(), 0);
        assertEquals(1.0, limits.get(0).high998(), 0);
        assertEquals(440, limits.get(limits.size() - 1).n(), "a tenth past the largest n, 400");
        for (int i = 1; i < limits.size(); i++) {
            assertTrue(limits.get(i).n() > limits.get(i - 1).n(), "in order, no n twice: " + limits);
            assertTrue(limits.get(i).high95() <= limits.get(i - 1).high95() + 1e-15, "the funnel narrows");
        }
        assertTrue(limits.size() >= 30, "enough points to draw a smooth curve: " + limits.size());
    }

    @Test
    void theLimitsAtAnyNFollowTheFormula() {
        // overall 0.3, n = 50: se = √(0.21/50) = 0.0648074; 95%: 0.3 ± 0.1270202; 99.8%: 0.3 ± 0.2002699.
        FunnelPlot.Limit limit = FunnelPlot.limitAt(0.3, 50);
        double se = Math.sqrt(0.3 * 0.7 / 50);
        assertLimit(limit, 0.3 - 1.959964 * se, 0.3 + 1.959964 * se, 0.3 - 3.090232 * se, 0.3 + 3.090232 * se);
        assertEquals(0.1729798, limit.low95(), 0.0000001);
        assertEquals(0.0997301, limit.low998(), 0.0000001);
    }

    @Test
    void noGroupsNoOverallAndNonsenseIsRefused() {
        FunnelPlot.Chart empty = FunnelPlot.of(List.of());
        assertNull(empty.overall());
        assertTrue(empty.points().isEmpty());
        assertTrue(empty.limits().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FunnelPlot.of(List.of(new FunnelPlot.Group("A", 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> FunnelPlot.of(List.of(new FunnelPlot.Group("A", 3, 4))));
    }
}
