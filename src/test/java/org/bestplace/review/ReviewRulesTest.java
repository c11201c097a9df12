package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.bestplace.Entities;
import org.bestplace.audit.Audit;
import org.bestplace.audit.Sector;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.security.Role;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A review's own rules, in plain Java: revising it, and the checks its content must pass. */
class ReviewRulesTest {

    static final Instant NOW = Instant.parse("2026-11-12T10:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 12);

    Audit audit;
    PatientCase patientCase;
    User reviewer;
    CriteriaFile set = Entities.criteria();

    @BeforeEach
    void aCaseOnWardA() {
        audit = Entities.audit(ZoneId.of("Europe/London"), NOW);
        patientCase = new PatientCase(audit, "A1-0001", "Ward A", "General medicine", "75-84", "FEMALE",
                LocalDate.of(2026, 11, 2), null, "reviewer", NOW);
        patientCase.id = 41L;
        reviewer = new User("reviewer", "A reviewer", "Test Trust", Sector.HOSPITAL, Set.of(Role.REVIEWER),
                "reviewer-password-1", 4);
    }

    ReviewContent qualifying(boolean submitted) {
        return new ReviewContent(patientCase.id, DAY, List.of("MED-01"), null, null, null, List.of(), null, false,
                submitted);
    }

    ReviewContent notQualifying(String alternative, List<String> reasons) {
        return new ReviewContent(patientCase.id, DAY, List.of(), null, null, alternative, reasons, null, false, true);
    }

    Review review(ReviewContent content) {
        return new Review("0b7e6a9e-5b1c-4c55-9a3e-2f1d5e3c8a10", audit, patientCase, reviewer, Sector.HOSPITAL,
                content, NOW);
    }

    @Test
    void aDraftChangesFreelyWithoutHistory() {
        Review draft = review(qualifying(false));
        assertNull(draft.revise(notQualifying("P1", List.of("HP-TESTS")), null, "reviewer", "{}", "{}", NOW));
        assertEquals(Outcome.DOES_NOT_QUALIFY, draft.outcome);
        assertEquals("P1", draft.alternative);
        assertEquals(NOW, draft.submittedAt, "submitted with that content");
    }

    @Test
    void aSubmittedReviewChangesOnlyWithAReasonAndKeepsItsHistory() {
        Review submitted = review(qualifying(true));
        ReviewContent change = notQualifying("P1", List.of("HP-TESTS"));

        DomainException noReason = assertThrows(DomainException.class,
                () -> submitted.revise(change, " ", "reviewer", "{}", "{}", NOW));
        assertEquals(409, noReason.status());
        assertEquals("changeReason", noReason.field());
        DomainException backToDraft = assertThrows(DomainException.class,
                () -> submitted.revise(qualifying(false), "second thoughts", "reviewer", "{}", "{}", NOW));
        assertEquals("submitted", backToDraft.field());
        assertEquals(Outcome.QUALIFIES, submitted.outcome, "a refused change leaves the review as it was");

        Instant later = NOW.plusSeconds(600);
        ReviewHistory entry = submitted.revise(change, " The oxygen was stopped this morning ", "reviewer",
                "{\"before\":1}", "{\"after\":2}", later);
        assertNotNull(entry);
        assertEquals("The oxygen was stopped this morning", entry.changeReason);
        assertEquals(Outcome.DOES_NOT_QUALIFY, submitted.outcome);
        assertEquals(NOW, submitted.submittedAt, "first submission time kept");
        assertEquals(later, submitted.updatedAt);
    }

    @Test
    void aReviewStaysWithItsCase() {
        Review submitted = review(qualifying(true));
        ReviewContent otherCase = new ReviewContent(42L, DAY, List.of("MED-01"), null, null, null, List.of(), null,
                false, true);
        assertEquals("caseId", assertThrows(DomainException.class,
                () -> submitted.revise(otherCase, "wrong patient", "reviewer", "{}", "{}", NOW)).field());
    }

    String refusedField(ReviewContent content) {
        return assertThrows(DomainException.class, () -> ReviewService.check(content, audit, patientCase, set))
                .field();
    }

    @Test
    void theChecksAcceptAWellFormedReviewOfEitherOutcome() {
        ReviewService.check(qualifying(true), audit, patientCase, set);
        ReviewService.check(notQualifying("P1", List.of("HP-TESTS")), audit, patientCase, set);
        ReviewService.check(new ReviewContent(patientCase.id, DAY, List.of("MED-01"), Outcome.DOES_NOT_QUALIFY,
                "Criterion met only by habit; could be given at home", "P1", List.of(), null, false, true), audit,
                patientCase, set);
    }

    @Test
    void theChecksNameTheFieldAtFault() {
        assertEquals("reviewDate", refusedField(new ReviewContent(patientCase.id, LocalDate.of(2026, 12, 1),
                List.of("MED-01"), null, null, null, List.of(), null, false, true)), "after the audit");
        assertEquals("reviewDate", refusedField(new ReviewContent(patientCase.id, LocalDate.of(2026, 11, 1),
                List.of("MED-01"), null, null, null, List.of(), null, false, true)), "before admission");
        assertEquals("criteriaMet", refusedField(new ReviewContent(patientCase.id, DAY, List.of("NOT-A-CODE"), null,
                null, null, List.of(), null, false, true)));
        assertEquals("criteriaMet", refusedField(new ReviewContent(patientCase.id, DAY, List.of("MED-01", "MED-01"),
                null, null, null, List.of(), null, false, true)), "listed twice");
        assertEquals("override.reason", refusedField(new ReviewContent(patientCase.id, DAY, List.of("MED-01"),
                Outcome.DOES_NOT_QUALIFY, null, "P1", List.of(), null, false, true)));
        assertEquals("override.outcome", refusedField(new ReviewContent(patientCase.id, DAY, List.of("MED-01"),
                Outcome.QUALIFIES, "agrees anyway", null, List.of(), null, false, true)), "meaningless override");
        assertEquals("alternative", refusedField(notQualifying(null, List.of())), "no alternative place");
        assertEquals("alternative", refusedField(notQualifying("NOWHERE", List.of())));
        assertEquals("reasons", refusedField(notQualifying("P1", List.of("NOT-A-REASON"))));
        assertEquals("reasons", refusedField(notQualifying("P1", List.of("HP-TESTS", "HP-TESTS"))));
        assertEquals("alternative", refusedField(new ReviewContent(patientCase.id, DAY, List.of("MED-01"), null, null,
                "P1", List.of(), null, false, true)), "a qualifying patient has no alternative");
        assertEquals("reasons", refusedField(new ReviewContent(patientCase.id, DAY, List.of("MED-01"), null, null,
                null, List.of("HP-TESTS"), null, false, true)));
    }
}
