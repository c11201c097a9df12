package org.bestplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts drawn on the server as SVG, so the debrief page needs no script and no
 * chart library, and prints as it shows.
 */
public final class BarChart {

    public record Bar(String label, double value, String text) {
    }

    private static final int WIDTH = 600;
    private static final int LABEL_WIDTH = 250;
    private static final int ROW = 30;
    /** Characters of a label on one line: at 14px they fit in the label column, whatever the letters. */
    static final int LINE_CHARS = 28;
    private static final int LINE_HEIGHT = 17;

    private BarChart() {
    }

    /**
     * An SVG with one bar per item, scaled to {@code max} (or to the largest value when max is 0).
     * A long label wraps onto more lines and its row grows with it; the bars leave room for the
     * widest figure beside them. Nothing is cut.
     */
    public static String svg(String title, List<Bar> bars, double max) {
        double top = max > 0 ? max : bars.stream().mapToDouble(Bar::value).max().orElse(1.0);
        if (top <= 0) {
            top = 1.0;
        }
        List<List<String>> labels = bars.stream().map(b -> wrap(b.label())).toList();
        int height = 10;
        for (List<String> lines : labels) {
            height += rowHeight(lines);
        }
        height = Math.max(height, ROW + 10);
        int widestText = bars.stream().mapToInt(b -> b.text().length()).max().orElse(0);
        // 15px digits and letters are at most about 9px wide.
        int room = WIDTH - LABEL_WIDTH - 6 - 9 * widestText - 4;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                        + " aria-label=\"%s\">",
                WIDTH, height, Html.escape(title)));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        if (bars.isEmpty()) {
            svg.append(ChartScale.NOTHING_YET);
        }
        int y = 5;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            List<String> lines = labels.get(i);
            int rowHeight = rowHeight(lines);
            int middle = y + rowHeight / 2;
            int length = (int) Math.round(room * Math.min(top, Math.max(0, bar.value())) / top);
            int firstLine = middle + 5 - (lines.size() - 1) * LINE_HEIGHT / 2;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" fill=\"#1b1b1b\">",
                    LABEL_WIDTH - 8, firstLine));
            for (int l = 0; l < lines.size(); l++) {
                if (l > 0) {
                    // Read aloud or copied, the lines stay words apart; drawn, each line has its own place.
                    svg.append('\n');
                }
                svg.append(String.format(Locale.ROOT, "<tspan x=\"%d\" dy=\"%d\">%s</tspan>", LABEL_WIDTH - 8,
                        l == 0 ? 0 : LINE_HEIGHT, Html.escape(lines.get(l))));
            }
            svg.append("</text>");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"#005eb8\"/>", LABEL_WIDTH,
                    middle - 11, Math.max(length, 1)));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"15\" fill=\"#1b1b1b\">%s</text>", LABEL_WIDTH + length + 6,
                    middle + 5, Html.escape(bar.text())));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static int rowHeight(List<String> lines) {
        return Math.max(ROW, lines.size() * LINE_HEIGHT + 13);
    }

    /** The label in lines of up to {@link #LINE_CHARS} characters, broken between words where it can be. */
    static List<String> wrap(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            while (word.length() > LINE_CHARS) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, LINE_CHARS));
                word = word.substring(LINE_CHARS);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
