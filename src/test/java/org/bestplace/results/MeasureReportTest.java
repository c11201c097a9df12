package org.bestplace.results;

import static org.bestplace.Api.asAdmin;
import static org.bestplace.results.ExportApiTest.demo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.bestplace.Api;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeasureReportTest {

    @Test
    void measureReportValidatesAgainstTheR4BaseDefinitionsAndCarriesTheSummary() {
        String audit = Api.demoAudit();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        String report = demo("commissioner").get("/api/audits/" + audit + "/measure-report").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();

        FhirContext r4 = FhirContext.forR4();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(r4),
                new InMemoryTerminologyServerValidationSupport(r4), new CommonCodeSystemsTerminologyService(r4));
        FhirValidator validator = r4.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult result = withWoodstox(() -> validator.validateWithResult(report));
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        System.out.printf("MeasureReport validation: %d errors, %d messages in all%n", errors.size(),
                result.getMessages().size());
        result.getMessages().forEach(m -> System.out.println("  " + m.getSeverity() + " " + m.getLocationString()
                + ": " + m.getMessage()));
        assertEquals(List.of(), errors.stream().map(SingleValidationMessage::getMessage).toList());

        JsonPath fhir = JsonPath.from(report);
        assertEquals("MeasureReport", fhir.getString("resourceType"));
        assertEquals("summary", fhir.getString("type"));
        assertEquals(summary.getInt("reviewed"),
                fhir.getInt("group[0].population.find { it.code.coding[0].code == 'initial-population' }.count"));
        assertEquals(summary.getInt("asAgreed.reviewed"),
                fhir.getInt("group[0].population.find { it.code.coding[0].code == 'denominator' }.count"));
        assertEquals(summary.getInt("asAgreed.notQualifying"),
                fhir.getInt("group[0].population.find { it.code.coding[0].code == 'numerator' }.count"));
        assertEquals(summary.getDouble("asAgreed.proportion"), fhir.getDouble("group[0].measureScore.value"), 1e-6);
        assertEquals(summary.getList("byWard").size(), fhir.getList("group[1].stratifier[0].stratum").size());
        assertTrue(report.contains("\"measure\": \"" + MeasureReports.MEASURE + "\""));
    }

    /**
     * HAPI reads the base definitions with StAX and sets Woodstox properties on the factory; the
     * XLSX reader on the test class path brings Aalto, which the JDK would otherwise pick.
     */
    private static <T> T withWoodstox(java.util.function.Supplier<T> work) {
        String property = "javax.xml.stream.XMLInputFactory";
        String before = System.getProperty(property);
        System.setProperty(property, "com.ctc.wstx.stax.WstxInputFactory");
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
