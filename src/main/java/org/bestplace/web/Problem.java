package org.bestplace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, with the field at fault where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(int status, String title, String detail, String field, List<String> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
