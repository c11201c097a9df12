package org.bestplace.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/** The export as one JSON object: {@code {"rule": ..., "tables": {"name": [{column: value}, ...]}}}. */
final class JsonExport implements ExportWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private List<String> header;

    JsonExport(OutputStream out, String rule) throws IOException {
        json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("rule", rule);
        json.writeObjectFieldStart("tables");
    }

    @Override
    public void begin(String table, List<String> header) throws IOException {
        this.header = header;
        json.writeArrayFieldStart(table);
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        json.writeStartObject();
        for (int c = 0; c < cells.size(); c++) {
            json.writeFieldName(header.get(c));
            Object cell = cells.get(c);
            if (cell == null) {
                json.writeNull();
            } else if (cell instanceof Long n) {
                json.writeNumber(n);
            } else if (cell instanceof SchemaWriter.Percent p) {
                json.writeNumber(p.value());
            } else if (cell instanceof Double d) {
                json.writeNumber(d);
            } else if (cell instanceof LocalDate date) {
                json.writeString(date.toString());
            } else {
                json.writeString(cell.toString());
            }
        }
        json.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
        json.close();
    }
}
