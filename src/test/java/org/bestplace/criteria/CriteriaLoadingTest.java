package org.bestplace.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CriteriaLoadingTest {

    @Inject
    CriteriaService criteria;

    /** Read in a transaction of its own, so the test sees what is stored, not a cached copy. */
    String hash(String id) {
        return QuarkusTransaction.requiringNew().call(() -> criteria.find(id, "1").contentHash);
    }

    CriteriaStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> criteria.find(id, "1").status);
    }

    @Test
    void aChangedFileOfASetInUseStopsTheStartAndOverwritesNothing() throws Exception {
        String id = "in-use-" + UUID.randomUUID().toString().substring(0, 8);
        String original = CriteriaFileTest.VALID.replace("id: test-set", "id: " + id)
                .replace("groups:", "consensus:\n  status: RATIFIED\n  statement: local panels confirm it\n"
                        + "  ratifiedBy:\n    - sector: HOSPITAL\n      role: Medical director\n"
                        + "    - sector: COMMUNITY\n      role: Director of nursing\n"
                        + "    - sector: COMMISSIONER\n      role: Head of urgent care\ngroups:");
        Path dir = Files.createTempDirectory("criteria");
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, original);
        criteria.loadDirectory(dir);
        String hash = hash(id);
        assertEquals(CriteriaStatus.RATIFIED, status(id));

        var body = new java.util.HashMap<>(Api.auditBody("Uses " + id));
        body.put("criteriaSet", java.util.Map.of("id", id, "version", "1"));
        String auditId = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");

        Files.writeString(file, original.replace("Needs oxygen", "Needs oxygen or IV fluids"));
        var refused = assertThrows(CriteriaService.CriteriaFileRefused.class, () -> criteria.loadDirectory(dir));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("audit " + auditId), refused.getMessage());
        assertEquals(hash, hash(id));

        // a comment is not a change of content
        Files.writeString(file, "# reviewed again\n" + original);
        criteria.loadDirectory(dir);
        assertEquals(hash, hash(id));
    }

    @Test
    void aChangedFileOfAnUnusedSetReplacesIt() throws Exception {
        String id = "unused-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("criteria");
        Path file = dir.resolve(id + ".yaml");
        String original = CriteriaFileTest.VALID.replace("id: test-set", "id: " + id);
        Files.writeString(file, original);
        criteria.loadDirectory(dir);
        String before = hash(id);
        Files.writeString(file, original.replace("Needs oxygen", "Needs IV fluids"));
        criteria.loadDirectory(dir);
        assertTrue(!before.equals(hash(id)));
    }

    @Test
    void trainingCasesBesideACriteriaFileAreNotLoadedAsASet() throws Exception {
        String id = "with-training-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("criteria");
        Files.writeString(dir.resolve(id + ".yaml"), CriteriaFileTest.VALID.replace("id: test-set", "id: " + id));
        Files.writeString(dir.resolve(id + ".training.yaml"), "criteriaSet: { id: " + id + ", version: \"1\" }\n"
                + "cases:\n  - title: Oxygen\n    notes: Day 1, on oxygen.\n    reference: { criteriaMet: [C1] }\n");
        criteria.loadDirectory(dir);
        assertEquals(CriteriaStatus.DRAFT, status(id));
    }

    @Test
    void anInvalidFileStopsTheStartNamingTheFile() throws Exception {
        Path dir = Files.createTempDirectory("criteria");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "id: broken\nversion: \"1\"\ntitle: Broken\n");
        var refused = assertThrows(CriteriaService.CriteriaFileRefused.class, () -> criteria.loadDirectory(dir));
        assertTrue(refused.getMessage().contains("broken.yaml"), refused.getMessage());
        assertTrue(refused.getMessage().contains("no alternatives"), refused.getMessage());
    }
}
