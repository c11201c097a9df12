package org.bestplace.generate;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GeneratorTest {

    @Inject
    Generator generator;

    @Inject
    AgroalDataSource dataSource;

    private List<String> figures(Generator.Generated made) {
        List<String> figures = new ArrayList<>();
        for (long audit : made.auditIds()) {
            JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().statusCode(200).extract()
                    .jsonPath();
            figures.add(summary.getLong("reviewed") + "/" + summary.getLong("notQualifying") + "/"
                    + summary.getLong("asAgreed.unresolved") + "/" + summary.getList("byWard").size());
        }
        return figures;
    }

    @Test
    void syntheticAuditsLookLikeRealOnesAndTheSameSeedGivesTheSameData() throws Exception {
        Generator.Generated made = generator.generate(new Generator.Options(2, 3000, 7), null);
        assertEquals(3000, made.reviews());
        long stored = Db.number(dataSource, "select count(*) from review where audit_id in (?, ?)",
                made.auditIds().get(0), made.auditIds().get(1));
        assertEquals(3000, stored);

        JsonPath summary = asAdmin().get("/api/audits/" + made.auditIds().get(0) + "/summary").then().statusCode(200)
                .extract().jsonPath();
        double proportion = summary.getDouble("proportionNotQualifying");
        assertTrue(proportion > 0.15 && proportion < 0.40, "about a quarter not qualifying: " + proportion);
        assertEquals(0, summary.getLong("asAgreed.unresolved"), "every disagreement settled at a debrief");
        JsonPath agreement = asAdmin().get("/api/audits/" + made.auditIds().get(0) + "/agreement").then()
                .statusCode(200).extract().jsonPath();
        long pairs = agreement.getLong("pairs");
        assertTrue(pairs > 0.1 * summary.getLong("reviewed") && pairs < 0.3 * summary.getLong("reviewed"),
                "a dual-review sample of about a fifth: " + pairs);
        double kappa = agreement.getDouble("kappa");
        assertTrue(kappa > 0.5 && kappa < 0.95, "realistic agreement: kappa " + kappa);
        assertTrue(summary.getList("byStayBand").size() == 4, "every stay band occurs");
        List<Integer> alternatives = summary.getList("alternatives.count");
        assertTrue(alternatives.size() > 2, "several alternative places: " + alternatives);
        assertEquals(summary.getLong("notQualifying"), alternatives.stream().mapToLong(Integer::longValue).sum(),
                "one alternative for each patient-day not qualifying, counted from the rebuilt cells");
        long reasons = Db.number(dataSource, "select count(*) from review r join review_reason rr on rr.review_id = r.id"
                + " where r.audit_id = ? and r.first_of_day and r.outcome = 'DOES_NOT_QUALIFY'", made.auditIds().get(0));
        assertEquals(reasons, summary.<Integer>getList("reasons.count").stream().mapToLong(Integer::longValue).sum());

        Generator.Generated again = generator.generate(new Generator.Options(2, 3000, 7), null);
        assertEquals(figures(made), figures(again), "the same seed, the same figures");
        Generator.Generated other = generator.generate(new Generator.Options(2, 3000, 8), null);
        assertTrue(!figures(made).equals(figures(other)), "another seed, other data");
        System.out.printf("generator: %s for seed 7; %d cases; kappa %.2f%n", figures(made), made.cases(), kappa);
    }
}
