package org.bestplace.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bestplace.web.DomainException;
import org.junit.jupiter.api.Test;

class CriteriaFileTest {

    static final String VALID = """
            id: test-set
            version: "1"
            title: Test set
            groups:
              - code: G1
                title: Group one
                criteria:
                  - code: C1
                    text: Needs oxygen
                    guidance: Given in the last 24 hours
            alternatives:
              - code: HOME
                title: Home
            reasons:
              - code: R1
                title: Awaiting tests
                group: HOSPITAL_PROCESS
            """;

    @Test
    void aValidFileHasNoProblems() {
        assertEquals(List.of(), CriteriaFile.parse(VALID).problems());
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String yaml = """
                version: "1"
                title: Broken
                groups:
                  - code: G1
                    title: Group one
                    criteria:
                      - code: C1
                        text: One
                      - code: c 2
                        text: Two
                      - code: C1
                        text: Three
                  - code: G2
                    title: Empty group
                    criteria: []
                reasons:
                  - code: R1
                    title: A reason
                    group: HOSPITAL_PROCESS
                """;
        List<String> problems = CriteriaFile.parse(yaml).problems();
        assertTrue(problems.contains("missing id"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'c 2'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'C1' is used 2 times")), problems.toString());
        assertTrue(problems.contains("group G2 has no criteria"), problems.toString());
        assertTrue(problems.contains("no alternatives (places of care)"), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void eachEntryIsNamedByItsPlaceInTheFile() {
        String yaml = """
                id: test-set
                version: "%s"
                title: Test set
                groups:
                  - code: G1
                    title: Group one
                    criteria:
                      - code: C1
                        text: Needs oxygen
                      -
                      - code: C2
                  - title: No code
                    criteria:
                      - code: C3
                        text: Walks
                  -
                alternatives:
                  - code: HOME
                  -
                reasons:
                  - code: R1
                    title: Awaiting tests
                  - title: No code
                    group: HOSPITAL_PROCESS
                """.formatted("v".repeat(CriteriaFile.MAX_VERSION + 1));
        assertEquals(List.of(
                "version is 41 characters long; at most 40 are allowed",
                "criterion 2 of group G1 is empty",
                "criterion 3 of group G1 has no text",
                "group 2 has no code",
                "group 3 is empty",
                "alternative 1 has no title",
                "alternative 2 is empty",
                "reason 1 has no group",
                "reason 2 has no code"), CriteriaFile.parse(yaml).problems());
    }

    @Test
    void eachProblemIsPlacedAtWhatItIsAbout() {
        String yaml = """
                id: test-set
                version: "1 0"
                title: Test set
                groups:
                  - code: G1
                    title: Group one
                    criteria:
                      - code: C1
                        text: Needs oxygen
                      - code: C2
                  - title: No code
                    criteria:
                      - code: C1
                        text: Walks
                alternatives:
                  - code: HOME
                    title: Home
                reasons:
                  - code: R1
                    title: Awaiting tests
                """;
        List<String> placed = CriteriaFile.parse(yaml).problemsIn(yaml).stream()
                .map(p -> p.line() + ":" + p.column() + " " + p.detail()).toList();
        assertEquals(List.of(
                "2:10 version '1 0' may only hold letters, digits, '.', '_' and '-'",
                // a missing key is placed at the entry that lacks it
                "10:9 criterion 2 of group G1 has no text",
                "11:5 group 2 has no code",
                "19:5 reason 1 has no group",
                // a code used twice is placed at its second use
                "13:15 code 'C1' is used 2 times; codes must be unique in a set"), placed);
    }

    @Test
    void malformedYamlIsRefusedWithWhere() {
        DomainException e = assertThrows(DomainException.class, () -> CriteriaFile.parse("id: [unclosed\n"));
        assertEquals(400, e.status());
        assertTrue(e.problems().get(0).contains("line"), e.problems().toString());
    }

    @Test
    void unknownKeysAreNamed() {
        DomainException e = assertThrows(DomainException.class, () -> CriteriaFile.parse(VALID + "colour: red\n"));
        assertTrue(e.problems().get(0).contains("'colour'"), e.problems().toString());
    }

    @Test
    void theHashIgnoresCommentsAndLayoutButNotContent() {
        String hash = CriteriaFile.parse(VALID).contentHash();
        assertEquals(hash, CriteriaFile.parse("# a comment\n" + VALID + "\n\n").contentHash());
        assertNotEquals(hash, CriteriaFile.parse(VALID.replace("Needs oxygen", "Needs IV fluids")).contentHash());
    }

    @Test
    void theShippedSetIsValidAndRatified() throws Exception {
        CriteriaFile file = CriteriaFile.parse(Files.readString(Path.of("criteria/acute-adult-day-of-care.yaml")));
        assertEquals(List.of(), file.problems());
        assertTrue(file.shipsRatified());
        long criteria = file.criteria().count();
        assertTrue(criteria >= 20 && criteria <= 30, "criteria: " + criteria);
        assertTrue(file.groups().size() >= 3 && file.groups().size() <= 4);
        assertTrue(file.reasons().size() >= 15 && file.reasons().size() <= 25);
        for (String code : List.of("P0", "P1", "P2", "P3", "HOSPICE", "MENTAL_HEALTH", "OTHER")) {
            assertTrue(file.hasAlternative(code), code);
        }
        assertTrue(file.consensus().statement().toLowerCase().contains("local"));
    }
}
