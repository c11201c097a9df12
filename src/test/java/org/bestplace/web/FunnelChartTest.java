package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bestplace.statistics.FunnelPlot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The funnel plot names the groups outside its limits, says so in words, and stays inside its box. */
class FunnelChartTest {

    // The wards of FunnelPlotTest: A outside 95% only, C outside 99.8%, D outside 95% only (below), B and E inside.
    static final FunnelPlot.Chart WARDS = FunnelPlot.of(List.of(new FunnelPlot.Group("Ward A", 16, 7),
            new FunnelPlot.Group("Ward B", 25, 5), new FunnelPlot.Group("Ward C", 64, 24),
            new FunnelPlot.Group("Ward D", 100, 10), new FunnelPlot.Group("Ward E & F", 400, 75)));

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void thePointsOutsideTheLimitsAreNamedAndMarkedByShape() throws Exception {
        Document svg = parse(FunnelChart.svg("ward-funnel", "Not qualifying by ward", "wards", WARDS));
        List<String> texts = texts(svg);
        assertTrue(texts.contains("Ward A"), texts.toString());
        assertTrue(texts.contains("Ward C"), texts.toString());
        assertTrue(texts.contains("Ward D"), texts.toString());
        assertFalse(texts.contains("Ward B"), "a ward inside the limits is not labelled: " + texts);
        assertFalse(texts.contains("Ward E & F"), texts.toString());
        // One square (outside 99.8%) and two diamonds (outside 95% only), plus one of each in the legend.
        assertEquals(1 + 1, svg.getElementsByTagName("rect").getLength() - 1, "squares, beside the clip box");
        assertEquals(2 + 1, svg.getElementsByTagName("polygon").getLength(), "diamonds");
        assertEquals(2 + 1, svg.getElementsByTagName("circle").getLength(), "circles");
        assertEquals(4, svg.getElementsByTagName("polyline").getLength(), "two curves for each of the two limits");
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals("5 wards; overall 20.0% not qualifying. Outside the 99.8% limits: Ward C."
                + " Outside the 95% limits only: Ward A, Ward D.", desc);
        Element root = svg.getDocumentElement();
        assertEquals("ward-funnel-title ward-funnel-desc", root.getAttribute("aria-labelledby"));
        assertEquals("img", root.getAttribute("role"));
    }

    @Test
    void everyPointAndLabelIsInsideTheViewBox() throws Exception {
        Document svg = parse(FunnelChart.svg("f", "t", "wards", WARDS));
        for (String tag : List.of("text", "circle")) {
            NodeList nodes = svg.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                double x = Double.parseDouble(e.hasAttribute("x") ? e.getAttribute("x") : e.getAttribute("cx"));
                double y = Double.parseDouble(e.hasAttribute("y") ? e.getAttribute("y") : e.getAttribute("cy"));
                assertTrue(x >= 0 && x <= FunnelChart.WIDTH && y >= 0 && y <= FunnelChart.HEIGHT,
                        tag + " " + e.getTextContent() + " at " + x + "," + y);
            }
        }
    }

    @Test
    void anEmptyPlotSaysSo() throws Exception {
        Document svg = parse(FunnelChart.svg("f", "t", "audits", FunnelPlot.of(List.of())));
        assertEquals(List.of("Nothing to show yet"), texts(svg));
        assertEquals("No audits with patient-days yet.", svg.getElementsByTagName("desc").item(0).getTextContent());
    }
}
