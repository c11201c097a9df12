package org.bestplace.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bestplace.web.DomainException;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema of the criteria file and the service's own check say the same: every
 * shipped file passes both, and each broken file below (one fault each) is refused by both.
 */
class CriteriaSchemaTest {

    static final Path SCHEMA = Path.of("src/main/resources/criteria-set.schema.json");

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        JsonNode node = new YAMLMapper().readTree(yaml);
        return schema().validate(node);
    }

    /** What the service refuses the file with; empty when it would store it. */
    private static List<String> serviceProblems(String yaml) {
        try {
            return CriteriaFile.parse(yaml).problems();
        } catch (DomainException e) {
            return e.problems();
        }
    }

    @Test
    void everyShippedFileIsValidUnderBoth() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("criteria"))) {
            // training cases sit beside the sets in their own format, and the loader skips them too
            files = listing.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".training.yaml"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String yaml = Files.readString(file);
            assertEquals(Set.of(), schemaErrors(yaml), file + " under the schema");
            assertEquals(List.of(), serviceProblems(yaml), file + " under the service's check");
        }
        assertEquals(Set.of(), schemaErrors(CriteriaFileTest.VALID));
    }

    /** Each one fault away from the valid test file. */
    static Map<String, String> brokenFiles() {
        String valid = CriteriaFileTest.VALID;
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("no id", valid.replace("id: test-set\n", ""));
        broken.put("an id with a space", valid.replace("id: test-set", "id: test set"));
        broken.put("an id of 101 characters", valid.replace("id: test-set", "id: " + "s".repeat(101)));
        broken.put("a version YAML reads as a number", valid.replace("version: \"1\"", "version: 1.1"));
        broken.put("a version of 41 characters", valid.replace("version: \"1\"", "version: \"" + "1".repeat(41) + "\""));
        broken.put("no title", valid.replace("title: Test set\n", ""));
        broken.put("a title of spaces", valid.replace("title: Test set", "title: \"   \""));
        broken.put("a title of 301 characters", valid.replace("title: Test set", "title: " + "T".repeat(301)));
        broken.put("a title YAML reads as a number", valid.replace("title: Test set", "title: 42"));
        broken.put("a key the format does not have", valid + "colour: red\n");
        broken.put("a criterion with a key the format does not have",
                valid.replace("        guidance: Given", "        colour: red\n        guidance: Given"));
        broken.put("no groups", valid.replace(valid.substring(valid.indexOf("groups:"), valid.indexOf("alternatives:")),
                "groups: []\n"));
        broken.put("a group without criteria", valid.replace(
                valid.substring(valid.indexOf("    criteria:"), valid.indexOf("alternatives:")), ""));
        broken.put("a criterion without text", valid.replace("        text: Needs oxygen\n", ""));
        broken.put("a code in lower case", valid.replace("code: C1", "code: c1"));
        broken.put("a code of 41 characters", valid.replace("code: C1", "code: " + "C".repeat(41)));
        broken.put("a group without a code", valid.replace("  - code: G1\n    title: Group one", "  - title: Group one"));
        broken.put("no alternatives", valid.replace("alternatives:\n  - code: HOME\n    title: Home\n", ""));
        broken.put("an empty alternative", valid.replace("alternatives:\n", "alternatives:\n  -\n"));
        broken.put("a reason without a group", valid.replace("    group: HOSPITAL_PROCESS\n", ""));
        broken.put("a consensus status the format does not have", valid + "consensus:\n  status: AGREED\n");
        broken.put("a signatory of a sector the service does not have",
                valid + "consensus:\n  ratifiedBy:\n    - sector: PHARMACY\n      role: Chief pharmacist\n");
        return broken;
    }

    @Test
    void eachBrokenFileIsRefusedByBoth() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> file : brokenFiles().entrySet()) {
            boolean schemaRefuses = !schemaErrors(file.getValue()).isEmpty();
            boolean serviceRefuses = !serviceProblems(file.getValue()).isEmpty();
            if (!schemaRefuses || !serviceRefuses) {
                disagreements.add(file.getKey() + ": schema " + (schemaRefuses ? "refuses" : "accepts")
                        + ", service " + (serviceRefuses ? "refuses" : "accepts"));
            }
        }
        assertEquals(List.of(), disagreements);
    }

    /** The one rule a JSON Schema cannot say across lists, and the schema's description says so. */
    @Test
    void aCodeUsedTwiceIsLeftToTheService() throws IOException {
        String twice = CriteriaFileTest.VALID.replace("code: HOME", "code: C1");
        assertEquals(Set.of(), schemaErrors(twice));
        assertTrue(serviceProblems(twice).stream().anyMatch(p -> p.contains("'C1' is used 2 times")));
        assertTrue(Files.readString(SCHEMA).contains("every code (of a group, criterion, alternative or reason) is used"
                + " once in the whole set"));
    }
}
