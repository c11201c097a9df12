package org.bestplace.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Paints the SVG the server's charts draw ({@link BarChart}, {@link ControlChart}, {@link FunnelChart})
 * on a Java2D canvas, for the PDF renderer, which has no SVG of its own. It knows just what those
 * charts use: groups, lines, polylines, polygons, paths of M/L/H/V, rectangles, circles, text with
 * tspans, a rotation, a clip path of one rectangle, colours as #rrggbb, fill, stroke, stroke width
 * and dashes, font size and weight, and text anchors. Anything else is skipped, not guessed at.
 */
public final class SvgPainter {

    private static final Pattern NUMBER = Pattern.compile("-?\\d*\\.?\\d+(?:[eE][-+]?\\d+)?");
    private static final Pattern ROTATE = Pattern.compile("rotate\\(\\s*(" + NUMBER + ")[\\s,]+(" + NUMBER
            + ")[\\s,]+(" + NUMBER + ")\\s*\\)");
    private static final Pattern PATH = Pattern.compile("([MLHVmlhv])([^MLHVmlhv]*)");
    private static final String[] INHERITED = {"fill", "stroke", "stroke-width", "stroke-dasharray", "font-size",
        "font-weight", "text-anchor", "clip-path"};

    private SvgPainter() {
    }

    /** The size the chart is drawn at: its viewBox width and height. */
    public static double[] viewBox(Element svg) {
        String[] box = svg.getAttribute("viewBox").trim().split("[\\s,]+");
        if (box.length != 4) {
            return new double[] {300, 150};
        }
        return new double[] {Double.parseDouble(box[2]), Double.parseDouble(box[3])};
    }

    /** Paints {@code svg} with its viewBox's origin at the canvas's origin, one viewBox unit to one canvas unit. */
    public static void paint(Element svg, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Map<String, Shape> clips = new HashMap<>();
        for (Element clip : children(svg, "defs")) {
            for (Element path : children(clip, "clipPath")) {
                for (Element rect : children(path, "rect")) {
                    clips.put(path.getAttribute("id"), new Rectangle2D.Double(num(rect, "x"), num(rect, "y"),
                            num(rect, "width"), num(rect, "height")));
                }
            }
        }
        paintChildren(svg, g, new HashMap<>(Map.of("fill", "#000000", "stroke", "none", "stroke-width", "1",
                "font-size", "16", "text-anchor", "start")), clips);
    }

    private static void paintChildren(Element parent, Graphics2D g, Map<String, String> style, Map<String, Shape> clips) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                paintElement(e, g, style, clips);
            }
        }
    }

    private static void paintElement(Element e, Graphics2D g, Map<String, String> inherited, Map<String, Shape> clips) {
        Map<String, String> style = new HashMap<>(inherited);
        for (String name : INHERITED) {
            if (e.hasAttribute(name)) {
                style.put(name, e.getAttribute(name));
            }
        }
        Graphics2D local = (Graphics2D) g.create();
        try {
            Matcher rotate = ROTATE.matcher(e.getAttribute("transform"));
            if (rotate.find()) {
                local.rotate(Math.toRadians(Double.parseDouble(rotate.group(1))), Double.parseDouble(rotate.group(2)),
                        Double.parseDouble(rotate.group(3)));
            }
            String clip = style.getOrDefault("clip-path", "");
            if (clip.startsWith("url(#") && clips.containsKey(clip.substring(5, clip.length() - 1))) {
                local.clip(clips.get(clip.substring(5, clip.length() - 1)));
            }
            switch (localName(e)) {
                case "g" -> paintChildren(e, local, style, clips);
                case "line" -> shape(local, new Line2D.Double(num(e, "x1"), num(e, "y1"), num(e, "x2"), num(e, "y2")),
                        style, false);
                case "polyline" -> shape(local, polygon(e.getAttribute("points"), false), style, true);
                case "polygon" -> shape(local, polygon(e.getAttribute("points"), true), style, true);
                case "path" -> shape(local, path(e.getAttribute("d")), style, true);
                case "rect" -> shape(local, new Rectangle2D.Double(num(e, "x"), num(e, "y"), num(e, "width"),
                        num(e, "height")), style, true);
                case "circle" -> {
                    double r = num(e, "r");
                    shape(local, new Ellipse2D.Double(num(e, "cx") - r, num(e, "cy") - r, 2 * r, 2 * r), style, true);
                }
                case "text" -> text(e, local, style);
                default -> {
                    // title, desc, defs and anything unknown draw nothing
                }
            }
        } finally {
            local.dispose();
        }
    }

    private static void shape(Graphics2D g, Shape shape, Map<String, String> style, boolean fillable) {
        Color fill = colour(style.get("fill"));
        if (fillable && fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        Color stroke = colour(style.get("stroke"));
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(stroke(style));
            g.draw(shape);
        }
    }

    private static BasicStroke stroke(Map<String, String> style) {
        float width = (float) parse(style.get("stroke-width"), 1);
        String dashes = style.get("stroke-dasharray");
        if (dashes == null || dashes.isBlank() || "none".equals(dashes)) {
            return new BasicStroke(width);
        }
        String[] parts = dashes.trim().split("[\\s,]+");
        float[] pattern = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pattern[i] = Float.parseFloat(parts[i]);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, pattern, 0f);
    }

    private static void text(Element e, Graphics2D g, Map<String, String> style) {
        Color fill = colour(style.get("fill"));
        if (fill == null) {
            return;
        }
        g.setColor(fill);
        float size = (float) parse(style.get("font-size"), 16);
        boolean bold = "bold".equals(style.get("font-weight"));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size));
        double x = num(e, "x");
        double y = num(e, "y");
        boolean spans = false;
        for (Element span : children(e, "tspan")) {
            spans = true;
            x = span.hasAttribute("x") ? num(span, "x") : x;
            y += span.hasAttribute("dy") ? num(span, "dy") : 0;
            draw(g, span.getTextContent(), x, y, style.get("text-anchor"));
        }
        if (!spans) {
            draw(g, e.getTextContent(), x, y, style.get("text-anchor"));
        }
    }

    private static void draw(Graphics2D g, String text, double x, double y, String anchor) {
        double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double left = "middle".equals(anchor) ? x - width / 2 : "end".equals(anchor) ? x - width : x;
        g.drawString(text, (float) left, (float) y);
    }

    private static Shape polygon(String points, boolean closed) {
        Matcher m = NUMBER.matcher(points);
        Path2D.Double path = new Path2D.Double();
        boolean first = true;
        while (m.find()) {
            double x = Double.parseDouble(m.group());
            if (!m.find()) {
                break;
            }
            double y = Double.parseDouble(m.group());
            if (first) {
                path.moveTo(x, y);
                first = false;
            } else {
                path.lineTo(x, y);
            }
        }
        if (closed && !first) {
            path.closePath();
        }
        return path;
    }

    /** Absolute M, L, H and V commands (the charts write nothing else); relative ones are read the same way. */
    private static Shape path(String d) {
        Path2D.Double path = new Path2D.Double();
        double x = 0;
        double y = 0;
        Matcher command = PATH.matcher(d);
        while (command.find()) {
            Matcher n = NUMBER.matcher(command.group(2));
            char c = Character.toUpperCase(command.group(1).charAt(0));
            while (n.find()) {
                double a = Double.parseDouble(n.group());
                switch (c) {
                    case 'H' -> x = a;
                    case 'V' -> y = a;
                    default -> {
                        x = a;
                        y = n.find() ? Double.parseDouble(n.group()) : y;
                    }
                }
                if (c == 'M') {
                    path.moveTo(x, y);
                    // Further pairs after a move are lines.
                    c = 'L';
                } else {
                    path.lineTo(x, y);
                }
            }
        }
        return path;
    }

    static Color colour(String value) {
        if (value == null || value.isBlank() || "none".equals(value)) {
            return null;
        }
        if (value.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(value.substring(1), 16));
        }
        return "white".equals(value) ? Color.WHITE : Color.BLACK;
    }

    private static Iterable<Element> children(Element parent, String name) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(localName(e))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String localName(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static double num(Element e, String attribute) {
        return parse(e.getAttribute(attribute), 0);
    }

    private static double parse(String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher m = NUMBER.matcher(value);
        return m.find() ? Double.parseDouble(m.group()) : fallback;
    }
}
