package org.bestplace.debrief;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import java.io.File;
import java.util.List;
import org.bestplace.web.SvgPainter;
import org.w3c.dom.Element;

/**
 * Draws the pages' inline SVG charts in a PDF, as vectors, with {@link SvgPainter}: the renderer has
 * no SVG support of its own, and the usual add-on brings a whole SVG toolkit for the few shapes our
 * charts use. A chart is drawn at the width its box gives it, else at its viewBox size.
 */
final class PdfCharts implements SVGDrawer {

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // The charts name no fonts of their own.
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight,
            double dotsPerPixel) {
        double[] view = SvgPainter.viewBox(svg);
        double width = cssWidth > 0 ? cssWidth : view[0] * dotsPerPixel;
        double height = width * view[1] / view[0];
        return new SVGImage() {
            @Override
            public int getIntrinsicWidth() {
                return (int) width;
            }

            @Override
            public int getIntrinsicHeight() {
                return (int) height;
            }

            @Override
            public void drawSVG(OutputDevice out, RenderingContext ctx, double x, double y) {
                out.drawWithGraphics((float) x, (float) y, (float) (width / dotsPerPixel),
                        (float) (height / dotsPerPixel), g -> {
                            double scale = width / dotsPerPixel / view[0];
                            g.scale(scale, scale);
                            SvgPainter.paint(svg, g);
                        });
            }
        };
    }

    @Override
    public void addFontFile(File file, String family, Integer weight, BaseRendererBuilder.FontStyle style) {
        // No fonts to add: the charts use the renderer's sans-serif.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
