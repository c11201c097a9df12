package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The test's own Table Schema checker finds each kind of breach, and passes a package that keeps the rules. */
class TableSchemaRulesTest {

    private static final String DESCRIPTOR = """
            {"profile": "tabular-data-package", "name": "worked-example", "resources": [
              {"name": "wards", "path": "wards.csv", "profile": "tabular-data-resource", "format": "csv",
               "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": [
                 {"name": "key", "type": "string", "description": "ward", "constraints": {"required": true}},
                 {"name": "band", "type": "string", "description": "band", "constraints": {"enum": ["0-6", "21+"]}},
                 {"name": "reviewed", "type": "integer", "description": "count"},
                 {"name": "proportion", "type": "number", "description": "share"},
                 {"name": "day", "type": "date", "description": "day"},
                 {"name": "hidden", "type": "boolean", "description": "flag", "trueValues": ["yes"],
                  "falseValues": ["no"]}],
                 "primaryKey": ["key"]}},
              {"name": "rows", "path": "rows.csv", "profile": "tabular-data-resource", "format": "csv",
               "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": [
                 {"name": "ward", "type": "string", "description": "ward"}],
                 "foreignKeys": [{"fields": ["ward"], "reference": {"resource": "wards", "fields": ["key"]}}]}}]}
            """;

    private static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aPackageThatKeepsTheRulesHasNoBreaches() throws Exception {
        TableSchemaRules.Package pack = TableSchemaRules.read(zip(Map.of("datapackage.json", DESCRIPTOR,
                "wards.csv", "key,band,reviewed,proportion,day,hidden\r\nWard A,0-6,12,0.25,2026-11-03,no\r\n"
                        + "Ward B,,,,,yes\r\n",
                "rows.csv", "ward\r\nWard A\r\n")));
        assertEquals(List.of(), pack.breaches());
        assertEquals("12", pack.table("wards").get(0).get("reviewed"));
    }

    @Test
    void everyKindOfBreachIsFound() throws Exception {
        TableSchemaRules.Package pack = TableSchemaRules.read(zip(Map.of("datapackage.json", DESCRIPTOR,
                "wards.csv", "key,band,reviewed,proportion,day,hidden\r\n"
                        + "Ward A,7-13,*,0.25,2026-11-03,no\r\n"
                        + "Ward A,0-6,1,no patient-days,3 Nov,maybe\r\n"
                        + ",21+,2,0.5,2026-11-04,yes\r\n",
                "rows.csv", "ward\r\nWard C\r\n",
                "stray.csv", "x\r\n")));
        String breaches = String.join("\n", pack.breaches());
        for (String expected : List.of("'7-13': not in its enum", "reviewed '*': not a integer",
                "proportion 'no patient-days': not a number", "day '3 Nov': not a date", "hidden 'maybe': not a boolean",
                "key '': required", "primary key [Ward A] unique", "[Ward C] found in wards",
                "file stray.csv is a resource")) {
            assertTrue(breaches.contains(expected), expected + " in:\n" + breaches);
        }
        TableSchemaRules.Package reordered = TableSchemaRules.read(zip(Map.of("datapackage.json", DESCRIPTOR,
                "wards.csv", "band,key,reviewed,proportion,day,hidden\r\n", "rows.csv", "ward\r\n")));
        assertTrue(String.join("\n", reordered.breaches()).contains("is the schema's fields"), reordered.breaches()
                .toString());
    }
}
