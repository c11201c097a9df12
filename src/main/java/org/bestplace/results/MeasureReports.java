package org.bestplace.results;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditStatus;
import org.bestplace.debrief.DailySummary;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * An audit's findings as a FHIR R4 MeasureReport of type summary. Group "agreed" holds the
 * headline after the debriefs: the patient-days reviewed (initial population), those settled
 * (denominator), those still unresolved (denominator exclusion) and those not qualifying
 * (numerator), with the proportion as the score. Group "reviewed" holds the first-review
 * figures, stratified by ward and by length-of-stay band.
 */
public final class MeasureReports {

    public static final String MEASURE = "urn:bestplace:measure:best-place-of-care";
    public static final String MEDIA_TYPE = "application/fhir+json";
    private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
    private static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    private static final FhirContext R4 = FhirContext.forR4();

    private MeasureReports() {
    }

    public static String json(Audit audit, DailySummary summary) {
        return R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(report(audit, summary));
    }

    static MeasureReport report(Audit audit, DailySummary summary) {
        MeasureReport report = new MeasureReport();
        report.setId("bestplace-audit-" + audit.id);
        report.addIdentifier(new Identifier().setSystem("urn:bestplace:audit").setValue(String.valueOf(audit.id)));
        report.setStatus(audit.status == AuditStatus.CLOSED || audit.status == AuditStatus.PUBLISHED
                ? MeasureReport.MeasureReportStatus.COMPLETE : MeasureReport.MeasureReportStatus.PENDING);
        report.setType(MeasureReport.MeasureReportType.SUMMARY);
        report.setMeasure(MEASURE);
        report.setDate(new Date());
        report.setReporter(new Reference().setDisplay(audit.site));
        report.setPeriod(new Period().setStartElement(new DateTimeType(audit.startDate.toString()))
                .setEndElement(new DateTimeType(audit.endDate.toString())));

        DailySummary.Agreed agreed = summary.asAgreed();
        MeasureReport.MeasureReportGroupComponent headline = report.addGroup();
        headline.setCode(text("agreed", "Patient-days not meeting the criteria for an acute bed, as agreed after"
                + " the daily debriefs: " + audit.question));
        population(headline.addPopulation(), "initial-population", summary.reviewed());
        population(headline.addPopulation(), "denominator", agreed.reviewed());
        population(headline.addPopulation(), "denominator-exclusion", agreed.unresolved());
        population(headline.addPopulation(), "numerator", agreed.notQualifying());
        headline.setMeasureScore(score(agreed.proportion()));

        MeasureReport.MeasureReportGroupComponent reviewed = report.addGroup();
        reviewed.setCode(text("reviewed", "Patient-days not meeting the criteria, by their first review"));
        population(reviewed.addPopulation(), "denominator", summary.reviewed());
        population(reviewed.addPopulation(), "numerator", summary.notQualifying());
        reviewed.setMeasureScore(score(summary.proportionNotQualifying()));
        stratifier(reviewed, "ward", "Ward", summary.byWard());
        stratifier(reviewed, "stay-band", "Length of stay in days (0-6, 7-13, 14-20, 21+)", summary.byStayBand());
        return report;
    }

    private static void stratifier(MeasureReport.MeasureReportGroupComponent group, String code, String title,
            List<DailySummary.Row> rows) {
        MeasureReport.MeasureReportGroupStratifierComponent stratifier = group.addStratifier();
        stratifier.addCode(text(code, title));
        for (DailySummary.Row row : rows) {
            MeasureReport.StratifierGroupComponent stratum = stratifier.addStratum();
            stratum.setValue(new CodeableConcept().setText(row.key()));
            population(stratum.addPopulation(), "denominator", row.reviewed());
            population(stratum.addPopulation(), "numerator", row.notQualifying());
            stratum.setMeasureScore(score(row.proportion()));
        }
    }

    private static void population(MeasureReport.MeasureReportGroupPopulationComponent population, String code,
            long count) {
        population.setCode(new CodeableConcept().addCoding(new Coding(POPULATION, code, null)));
        population.setCount(Math.toIntExact(count));
    }

    private static void population(MeasureReport.StratifierGroupPopulationComponent population, String code,
            long count) {
        population.setCode(new CodeableConcept().addCoding(new Coding(POPULATION, code, null)));
        population.setCount(Math.toIntExact(count));
    }

    /**
     * The proportion as a score; with no patient-days there is none, and the score says so with
     * FHIR's data-absent-reason ("not-applicable") rather than by being left out.
     */
    private static Quantity score(Double proportion) {
        if (proportion == null) {
            Quantity absent = new Quantity();
            absent.addExtension(DATA_ABSENT, new CodeType("not-applicable"));
            return absent;
        }
        return new Quantity().setValue(proportion).setUnit("1");
    }

    private static CodeableConcept text(String code, String text) {
        return new CodeableConcept().addCoding(new Coding("urn:bestplace:measure-group", code, null)).setText(text);
    }
}
