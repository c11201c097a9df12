package org.bestplace.debrief;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders the minutes page and the board paper (well-formed XHTML, with inline SVG charts) to PDF with openhtmltopdf. */
@ApplicationScoped
public class MinutesPdf {

    /** Characters XML 1.0 does not allow, which the renderer's parser refuses outright. */
    private static final java.util.regex.Pattern NOT_XML = java.util.regex.Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    public byte[] render(String xhtml, String baseUri) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Inline SVG charts (the brief's p-chart) are drawn, not left blank.
            builder.useSVGDrawer(new PdfCharts());
            // A control character pasted into a note becomes a space rather than failing the minutes.
            builder.withHtmlContent(NOT_XML.matcher(xhtml).replaceAll(" "), baseUri);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The minutes could not be rendered as PDF", e);
        }
    }
}
