package org.bestplace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, with the field at fault where there is one. {@code problems} lists
 * several things wrong at once: sentences, or for a file, {@link At} entries naming where each is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(int status, String title, String detail, String field, List<?> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One problem with a file sent in a request, at its line and column (from 1) where the file has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record At(String detail, Integer line, Integer column) {

        /** The problem as one sentence, its place first. */
        public String text() {
            return line == null ? detail : "line " + line + ", column " + column + ": " + detail;
        }
    }
}
