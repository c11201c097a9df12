package org.bestplace.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Frictionless Data Package and Table Schema rules a tabular data package must keep, checked
 * on a zip as a reader in R or Python would read it: the descriptor's profile and resources; each
 * resource's file present, UTF-8, its header the schema's field names in order; each value of the
 * field's type (integer, number, date, boolean with its true and false values, string), one of
 * its {@code enum} when it has one, present when {@code required}; primary keys present and
 * unique; foreign keys found in the table they point at. Returns every breach, so a test can show
 * them all at once.
 */
final class TableSchemaRules {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9._-]+$");
    private static final Pattern INTEGER = Pattern.compile("^[+-]?[0-9]+$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "date", "boolean");

    /** A package read back: its descriptor, and each resource's rows keyed by field name. */
    record Package(JsonNode descriptor, Map<String, List<String>> headers, Map<String, List<Map<String, String>>> rows,
            List<String> breaches) {

        List<Map<String, String>> table(String name) {
            return rows.get(name);
        }
    }

    private TableSchemaRules() {
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static Package read(byte[] zip) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        List<String> breaches = new ArrayList<>();
        byte[] descriptorBytes = files.get("datapackage.json");
        if (descriptorBytes == null) {
            throw new AssertionError("no datapackage.json in " + files.keySet());
        }
        JsonNode descriptor = new ObjectMapper().readTree(descriptorBytes);
        check(breaches, "tabular-data-package".equals(descriptor.path("profile").asText()),
                "package profile is tabular-data-package");
        check(breaches, NAME.matcher(descriptor.path("name").asText()).matches(), "package name is lower case");
        JsonNode resources = descriptor.path("resources");
        check(breaches, resources.isArray() && !resources.isEmpty(), "package has resources");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
        Set<String> described = new HashSet<>();
        for (JsonNode resource : resources) {
            String name = resource.path("name").asText();
            String at = "resource " + name + ": ";
            check(breaches, NAME.matcher(name).matches(), at + "name matches " + NAME);
            check(breaches, described.add(name), at + "name unique");
            check(breaches, "tabular-data-resource".equals(resource.path("profile").asText()), at + "profile");
            check(breaches, "csv".equals(resource.path("format").asText()), at + "format csv");
            check(breaches, "text/csv".equals(resource.path("mediatype").asText()), at + "mediatype text/csv");
            check(breaches, "utf-8".equals(resource.path("encoding").asText()), at + "encoding utf-8");
            String path = resource.path("path").asText();
            byte[] file = files.get(path);
            if (file == null) {
                breaches.add(at + "no file " + path);
                continue;
            }
            JsonNode schema = resource.path("schema");
            List<JsonNode> fields = new ArrayList<>();
            schema.path("fields").forEach(fields::add);
            check(breaches, !fields.isEmpty(), at + "schema has fields");
            Set<String> missing = new HashSet<>();
            if (schema.has("missingValues")) {
                schema.path("missingValues").forEach(v -> missing.add(v.asText()));
            } else {
                missing.add("");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode field : fields) {
                String fieldName = field.path("name").asText();
                check(breaches, !fieldName.isEmpty() && !names.contains(fieldName), at + "field names given and unique");
                names.add(fieldName);
                String type = field.path("type").asText("string");
                check(breaches, TYPES.contains(type), at + fieldName + " has a known type, not " + type);
                check(breaches, !field.path("description").asText().isBlank(), at + fieldName + " is described");
                field.path("constraints").path("enum").forEach(v -> check(breaches, valid(type, field, v.asText()),
                        at + fieldName + "'s enum value " + v + " is a " + type));
            }
            String text = new String(file, StandardCharsets.UTF_8);
            check(breaches, !text.startsWith("\uFEFF"), at + "no byte-order mark");
            List<Map<String, String>> table = new ArrayList<>();
            List<String> header = null;
            for (CsvRecord record : CsvReader.builder().ofCsvRecord(text)) {
                if (header == null) {
                    header = record.getFields();
                    check(breaches, header.equals(names), at + "header " + header + " is the schema's fields " + names);
                    continue;
                }
                check(breaches, record.getFieldCount() == names.size(), at + "row " + record.getStartingLineNumber()
                        + " has " + names.size() + " cells");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(fields.size(), record.getFieldCount()); i++) {
                    JsonNode field = fields.get(i);
                    String value = record.getField(i);
                    row.put(names.get(i), value);
                    String where = at + "row " + record.getStartingLineNumber() + " " + names.get(i) + " '" + value + "'";
                    JsonNode constraints = field.path("constraints");
                    if (missing.contains(value)) {
                        check(breaches, !constraints.path("required").asBoolean(false), where + ": required");
                        continue;
                    }
                    String type = field.path("type").asText("string");
                    check(breaches, valid(type, field, value), where + ": not a " + type);
                    if (constraints.has("enum")) {
                        boolean listed = false;
                        for (JsonNode allowed : constraints.path("enum")) {
                            listed |= allowed.asText().equals(value);
                        }
                        check(breaches, listed, where + ": not in its enum");
                    }
                }
                table.add(row);
            }
            check(breaches, header != null, at + "has a header row");
            headers.put(name, header == null ? List.of() : header);
            rows.put(name, table);
            List<String> key = strings(schema.path("primaryKey"));
            if (!key.isEmpty()) {
                check(breaches, names.containsAll(key), at + "primary key " + key + " names fields");
                Set<List<String>> seen = new HashSet<>();
                for (Map<String, String> row : table) {
                    List<String> tuple = key.stream().map(row::get).toList();
                    check(breaches, tuple.stream().noneMatch(v -> v == null || missing.contains(v)),
                            at + "primary key " + tuple + " present");
                    check(breaches, seen.add(tuple), at + "primary key " + tuple + " unique");
                }
            }
        }
        for (JsonNode resource : resources) {
            String name = resource.path("name").asText();
            for (JsonNode foreign : resource.path("schema").path("foreignKeys")) {
                List<String> fields = strings(foreign.path("fields"));
                String target = foreign.path("reference").path("resource").asText();
                List<String> referenced = strings(foreign.path("reference").path("fields"));
                List<Map<String, String>> targetRows = rows.get(target);
                if (targetRows == null) {
                    breaches.add("resource " + name + ": foreign key to missing resource " + target);
                    continue;
                }
                Set<List<String>> keys = new HashSet<>();
                targetRows.forEach(r -> keys.add(referenced.stream().map(r::get).toList()));
                for (Map<String, String> row : rows.get(name)) {
                    List<String> tuple = fields.stream().map(row::get).toList();
                    check(breaches, keys.contains(tuple), "resource " + name + ": " + tuple + " found in " + target);
                }
            }
        }
        for (String file : files.keySet()) {
            check(breaches, file.equals("datapackage.json") || rows.keySet().stream()
                    .anyMatch(r -> file.equals(r + ".csv")), "file " + file + " is a resource");
        }
        return new Package(descriptor, headers, rows, breaches);
    }

    private static boolean valid(String type, JsonNode field, String value) {
        return switch (type) {
            case "integer" -> INTEGER.matcher(value).matches();
            case "number" -> NUMBER.matcher(value).matches();
            case "date" -> date(value);
            case "boolean" -> strings(field.path("trueValues").isMissingNode() ? null : field.path("trueValues"))
                    .contains(value) || strings(field.path("falseValues")).contains(value)
                    || field.path("trueValues").isMissingNode() && Set.of("true", "True", "TRUE", "1", "false",
                            "False", "FALSE", "0").contains(value);
            default -> true;
        };
    }

    private static boolean date(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static void check(List<String> breaches, boolean kept, String rule) {
        if (!kept) {
            breaches.add(rule);
        }
    }
}
