package org.bestplace.criteria;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The criteria file format as a JSON Schema, for an editor to check a file while it is written.
 * Open to anyone: it describes the format, not any set, and editors fetch it without signing in.
 */
@Path("/criteria-set.schema.json")
@PermitAll
public class CriteriaSchemaResource {

    static final String MEDIA_TYPE = "application/schema+json";

    private static final String SCHEMA = load();

    private static String load() {
        try (InputStream in = CriteriaSchemaResource.class.getResourceAsStream("/criteria-set.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MEDIA_TYPE)
    public String schema() {
        return SCHEMA;
    }
}
