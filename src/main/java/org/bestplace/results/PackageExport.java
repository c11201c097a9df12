package org.bestplace.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The CSV export as a Frictionless Data Package: a zip with one plain CSV file per table (UTF-8,
 * header row, no comment lines) and {@code datapackage.json}, a tabular data package whose table
 * schemas give each column's type, description and allowed codes. Each table goes into the zip as
 * it is written; the descriptor, which names the columns written, comes last.
 */
final class PackageExport implements ExportWriter {

    /** What the descriptor says about the package as a whole. */
    record About(String name, String title, String description, String created) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ZipOutputStream zip;
    private final Map<String, ExportSchema> schemas;
    private final About about;
    private final Map<String, List<String>> written = new LinkedHashMap<>();
    private TableCsv current;

    PackageExport(OutputStream out, Map<String, ExportSchema> schemas, About about) {
        zip = new ZipOutputStream(out);
        zip.setLevel(6);
        this.schemas = schemas;
        this.about = about;
    }

    @Override
    public void begin(String table, List<String> header) throws IOException {
        zip.putNextEntry(new ZipEntry(table + ".csv"));
        current = new TableCsv(zip, false);
        current.begin(table, header);
        written.put(table, header);
    }

    @Override
    public void row(List<Object> cells) {
        current.row(cells);
    }

    @Override
    public void end() throws IOException {
        current.end();
        current.close();
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        OutputStream kept = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (JsonGenerator json = FACTORY.createGenerator(kept, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            descriptor(json);
        }
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private void descriptor(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile", "tabular-data-package");
        json.writeStringField("name", about.name());
        json.writeStringField("title", about.title());
        json.writeStringField("description", about.description());
        json.writeStringField("created", about.created());
        json.writeArrayFieldStart("resources");
        for (Map.Entry<String, List<String>> table : written.entrySet()) {
            resource(json, table.getKey(), table.getValue(), schemas.get(table.getKey()));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void resource(JsonGenerator json, String table, List<String> header, ExportSchema schema)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", table);
        json.writeStringField("path", table + ".csv");
        json.writeStringField("profile", "tabular-data-resource");
        json.writeStringField("format", "csv");
        json.writeStringField("mediatype", "text/csv");
        json.writeStringField("encoding", "utf-8");
        if (schema != null) {
            json.writeStringField("description", schema.description());
        }
        json.writeObjectFieldStart("dialect");
        json.writeStringField("delimiter", ",");
        json.writeStringField("lineTerminator", "\r\n");
        json.writeBooleanField("header", true);
        json.writeEndObject();
        json.writeObjectFieldStart("schema");
        json.writeArrayFieldStart("fields");
        for (String name : header) {
            field(json, name, schema == null ? null : schema.column(name));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("missingValues");
        json.writeString("");
        json.writeEndArray();
        if (schema != null && !schema.primaryKey().isEmpty()) {
            strings(json, "primaryKey", schema.primaryKey());
        }
        if (schema != null && !schema.foreignKeys().isEmpty()) {
            json.writeArrayFieldStart("foreignKeys");
            for (ExportSchema.ForeignKey key : schema.foreignKeys()) {
                json.writeStartObject();
                strings(json, "fields", key.fields());
                json.writeObjectFieldStart("reference");
                json.writeStringField("resource", key.table());
                strings(json, "fields", key.referenceFields());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void field(JsonGenerator json, String name, ExportColumn column) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        String type = column == null ? "string" : column.type();
        json.writeStringField("type", type);
        if (column != null) {
            json.writeStringField("description", column.meaning());
        }
        if (type.equals("date")) {
            json.writeStringField("format", "default");
        }
        if (type.equals("boolean")) {
            strings(json, "trueValues", List.of("yes"));
            strings(json, "falseValues", List.of("no"));
        }
        if (column != null && (column.required() || column.codes() != null)) {
            json.writeObjectFieldStart("constraints");
            if (column.required()) {
                json.writeBooleanField("required", true);
            }
            if (column.codes() != null) {
                strings(json, "enum", new ArrayList<>(column.codes().values()));
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
