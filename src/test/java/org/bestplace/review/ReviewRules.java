package org.bestplace.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bestplace.Entities;
import org.bestplace.audit.Audit;
import org.bestplace.criteria.CriteriaFile;

/**
 * The rules a submitted review must keep ({@link ReviewService#check}), applied in plain Java to
 * content that belongs to no real audit or case: a training case's reference answer, for example.
 * The audit and case are stand-ins that the content always fits, so only its own rules decide.
 */
public final class ReviewRules {

    /** A day inside the stand-in audit and after the stand-in case's admission. */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 12);
    private static final Instant NOW = Instant.parse("2026-11-12T10:00:00Z");
    private static final long CASE_ID = 1L;

    private ReviewRules() {
    }

    /** Throws the same DomainException, naming the same field, as a review with this content would. */
    public static void check(ReviewContent content, CriteriaFile set) {
        Audit audit = Entities.audit(ZoneId.of("Europe/London"), NOW);
        PatientCase patientCase = new PatientCase(audit, "A1-0001", "Ward A", "General medicine", "75-84",
                "FEMALE", DAY.minusDays(10), null, "reviewer", NOW);
        patientCase.id = CASE_ID;
        ReviewService.check(content, audit, patientCase, set);
    }

    public static ReviewContent content(java.util.List<String> criteriaMet, Outcome override, String overrideReason,
            String alternative, java.util.List<String> reasons) {
        return new ReviewContent(CASE_ID, DAY, criteriaMet, override, overrideReason, alternative, reasons, null,
                false, true);
    }
}
