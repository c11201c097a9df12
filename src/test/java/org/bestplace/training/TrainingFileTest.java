package org.bestplace.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/** Training files beside the criteria file: loaded once however often the service starts, and exported alike. */
@QuarkusTest
class TrainingFileTest {

    @Inject
    TrainingStartup startup;

    @Inject
    AgroalDataSource dataSource;

    long casesTitled(String prefix) throws Exception {
        return Db.number(dataSource, "select count(*) from training_case where title like ?", prefix + "%");
    }

    @Test
    void aTrainingFileIsLoadedOnceAndItsCasesComeBackInTheExport() throws Exception {
        String prefix = "File " + UUID.randomUUID().toString().substring(0, 8);
        String yaml = """
                criteriaSet: { id: acute-adult-day-of-care, version: "1.0" }
                cases:
                  - title: "PREFIX: on oxygen"
                    notes: |
                      Day 2. Saturations 89% on air, on 2 litres by nasal cannula.
                    ageBand: "85+"
                    sex: MALE
                    daysSinceAdmission: 2
                    reference:
                      criteriaMet: [MED-01]
                  - title: "PREFIX: waiting for a care home place"
                    notes: |
                      Day 20. Medically fit since day 12. Awaiting a nursing home bed.
                    reference:
                      criteriaMet: []
                      alternative: P3
                      reasons: [HP-TTO]
                """.replace("PREFIX", prefix);
        Path dir = Files.createTempDirectory("training-file");
        Files.writeString(dir.resolve("acute-adult-day-of-care.training.yaml"), yaml, StandardCharsets.UTF_8);
        startup.loadDirectory(dir);
        startup.loadDirectory(dir);
        assertEquals(2, casesTitled(prefix));

        String exported = Api.asAdmin().get(TrainingApiTest.CASES + ".yaml").then().statusCode(200).extract()
                .asString();
        assertTrue(exported.contains(prefix + ": waiting for a care home place"), exported);
        // the export is a training file: loading it adds nothing that is already there
        Files.writeString(dir.resolve("acute-adult-day-of-care.training.yaml"), exported, StandardCharsets.UTF_8);
        long before = Db.number(dataSource, "select count(*) from training_case");
        startup.loadDirectory(dir);
        assertEquals(before, Db.number(dataSource, "select count(*) from training_case"));
    }

    @Test
    void aFileWithAReferenceThatBreaksARuleStopsTheLoadAndNamesTheCase() throws Exception {
        String prefix = "Broken " + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("training-file");
        Files.writeString(dir.resolve("x.training.yaml"), """
                criteriaSet: { id: acute-adult-day-of-care, version: "1.0" }
                cases:
                  - title: "PREFIX"
                    notes: Day 3.
                    reference: { criteriaMet: [], reasons: [HP-TTO] }
                """.replace("PREFIX", prefix), StandardCharsets.UTF_8);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> startup.loadDirectory(dir));
        assertTrue(refused.getMessage().contains(prefix) && refused.getMessage().contains("alternative"),
                refused.getMessage());
        assertEquals(0, casesTitled(prefix));
    }
}
