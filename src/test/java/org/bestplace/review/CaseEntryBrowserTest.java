package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.bestplace.LogCapture;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.bestplace.audit.Audit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cleaner data at entry, on a tablet (768×1024): the audit's specialties with "Other" and a note,
 * a confirmation for an admission more than a year ago, a note that looks identifying sent back to
 * be taken out, a case corrected and withdrawn from the ward list, and the review form of a
 * signed-off day saying it is locked before the reviewer starts. Today is 10 November 2026.
 */
@QuarkusTest
class CaseEntryBrowserTest {

    static final String TODAY = "2026-11-10";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void noonOnTheTenth() {
        clock.set(Instant.parse("2026-11-10T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    long cases(TestAudit audit) throws SQLException {
        return Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit.id());
    }

    static String focused(Page page) {
        return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    void fillRegistration(Page page, String specialty, String admissionDate) {
        page.selectOption("#specialty", specialty);
        page.selectOption("#ageBand", "75-84");
        page.selectOption("#sex", "FEMALE");
        page.fill("#admissionDate", admissionDate);
    }

    void register(Page page) {
        page.click("form[action$='/cases'] button[type=submit]");
    }

    @Test
    void registrationOffersTheAuditsSpecialtiesAndAsksAboutWhatLooksWrong() throws SQLException {
        TestAudit audit = TestAudit.create();
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            List<String> offered = new ArrayList<>(page.locator("#specialty option").allTextContents());
            List<String> expected = new ArrayList<>(List.of("Choose…"));
            expected.addAll(Audit.DEFAULT_SPECIALTIES);
            expected.add("Other (say which below)");
            assertEquals(expected, offered);
            assertEquals(List.of(), Axe.seriousViolations(page), "ward page");
            long before = cases(audit);

            // "Other" needs a note saying which specialty.
            fillRegistration(page, "Other", "2026-11-09");
            register(page);
            page.waitForSelector("#registration-errors");
            assertTrue(page.textContent("#specialtyNote-error").contains("Say which specialty"));
            assertTrue(page.textContent("#registration-errors").contains("Other specialty"));
            assertEquals("specialtyNote", focused(page));
            assertEquals("Other", page.inputValue("#specialty"));
            Chromium.screenshot(page, "CaseEntryBrowserTest/other-without-note");

            // A note that names a person is sent back, kept in the field, with what looked identifying.
            try (LogCapture log = LogCapture.start()) {
                page.fill("#specialtyNote", "Dr Zebedee's firm");
                register(page);
                page.waitForSelector("#specialtyNote-error");
                assertTrue(page.textContent("#specialtyNote-error").contains("a title followed by a name"),
                        page.textContent("#specialtyNote-error"));
                assertEquals("Dr Zebedee's firm", page.inputValue("#specialtyNote"));
                assertFalse(String.join("\n", log.records()).contains("Zebedee"), "the note reached the log");
            }
            Chromium.screenshot(page, "CaseEntryBrowserTest/other-note-identifying");
            assertEquals(before, cases(audit), "nothing stored");

            page.fill("#specialtyNote", "Tropical medicine");
            register(page);
            page.waitForSelector(".notice:has-text('Registered case')");
            assertEquals("Other|Tropical medicine", Db.value(dataSource, "select concat(specialty, '|', specialty_note)"
                    + " from patient_case where audit_id = ? order by id desc limit 1", audit.id()));
            assertTrue(page.locator("tbody tr").first().textContent().contains("Other"));

            // An admission more than a year ago comes back with a box to confirm it.
            fillRegistration(page, "Cardiology", "2025-06-01");
            register(page);
            page.waitForSelector("#admissionConfirmed");
            assertTrue(page.textContent("#admissionDate-error").contains("more than a year before today"),
                    page.textContent("#admissionDate-error"));
            assertEquals("2025-06-01", page.inputValue("#admissionDate"));
            assertEquals(List.of(), Axe.seriousViolations(page), "ward page asking to confirm");
            Chromium.screenshot(page, "CaseEntryBrowserTest/admission-confirm");
            assertEquals(before + 1, cases(audit));
            page.check("#admissionConfirmed");
            register(page);
            page.waitForSelector(".notice:has-text('Registered case')");
            assertEquals(before + 2, cases(audit));
            Chromium.screenshot(page, "CaseEntryBrowserTest/registered");
        }
    }

    @Test
    void aNoteThatLooksIdentifyingComesBackToBeTakenOut() throws SQLException {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/cases/" + caseId + "/review");
            page.click("label[for^='c-']");
            String note = "Spoke to Mrs Quartermaine, DOB 12/03/1941, about going home";
            try (LogCapture log = LogCapture.start()) {
                page.fill("#note", note);
                page.click("button[value=submit]");
                page.waitForSelector("#error-summary:has-text('Note')");
                String message = page.textContent("#note-error");
                assertTrue(message.contains("a title followed by a name and a full date"), message);
                assertFalse(message.contains("Quartermaine") || message.contains("1941"), message);
                assertEquals(note, page.inputValue("#note"));
                assertEquals("note", focused(page));
                assertFalse(String.join("\n", log.records()).contains("Quartermaine"), "the note reached the log");
            }
            Chromium.screenshot(page, "CaseEntryBrowserTest/note-identifying");
            assertEquals(0, Db.number(dataSource, "select count(*) from review where case_id = ?",
                    Long.valueOf(caseId)), "nothing stored");

            page.fill("#note", "Spoke to the patient about going home");
            page.click("button[value=submit]");
            page.waitForSelector(".notice:has-text('saved')");
            assertEquals("Spoke to the patient about going home", Db.value(dataSource,
                    "select note from review where case_id = ?", Long.valueOf(caseId)));
        }
    }

    @Test
    void aCaseIsCorrectedAndWithdrawnFromTheWardList() throws SQLException {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        Api.putReview(audit.id(), audit.hospital(), UUID.randomUUID().toString(), Map.of("caseId", caseId,
                "reviewDate", TODAY, "criteriaMet", List.of(), "alternative", "P1", "submitted", true))
                .statusCode(201);
        assertEquals(1, reviewedToday(audit));
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            page.click("tr[data-case='" + caseId + "'] a.correct");
            page.waitForSelector("h1:has-text('Correct or withdraw case')");
            assertEquals("75-84", page.inputValue("#ageBand"));
            assertEquals("General medicine", page.inputValue("#specialty"));
            assertEquals(List.of(), Axe.seriousViolations(page), "correction page");
            Chromium.screenshot(page, "CaseEntryBrowserTest/correction-form");

            page.selectOption("#ageBand", "85+");
            page.click("form[action$='/correction'] button[type=submit]");
            page.waitForSelector("#reason-error");
            assertTrue(page.textContent("#correction-errors").contains("Why you correct it"));
            assertEquals("85+", page.inputValue("#ageBand"), "the form keeps what was chosen");
            page.fill("#reason", "Mrs Quartermaine's age was misread");
            page.click("form[action$='/correction'] button[type=submit]");
            page.waitForSelector("#reason-error:has-text('a title followed by a name')");
            Chromium.screenshot(page, "CaseEntryBrowserTest/correction-refused");
            assertEquals("75-84", Db.value(dataSource, "select age_band from patient_case where id = ?",
                    Long.valueOf(caseId)));

            page.fill("#reason", "Age band misread from the handover sheet");
            page.click("form[action$='/correction'] button[type=submit]");
            page.waitForSelector(".notice:has-text('corrected')");
            assertEquals("85+", Db.value(dataSource, "select age_band from patient_case where id = ?",
                    Long.valueOf(caseId)));
            assertEquals("85+", Db.value(dataSource, "select age_band from review where case_id = ?",
                    Long.valueOf(caseId)), "the review's copy follows");

            page.click("tr[data-case='" + caseId + "'] a.correct");
            page.waitForSelector("#case-history");
            String history = page.textContent("#case-history");
            assertTrue(history.contains("Age band 75-84 → 85+"), history);
            assertTrue(history.contains("Age band misread from the handover sheet"), history);
            assertTrue(history.contains(audit.hospital()), history);
            page.click("#withdraw-button");
            page.waitForSelector("#withdrawal-error");
            page.fill("#withdrawalReason", "Registered twice: the patient is already case 1");
            page.click("#withdraw-button");
            page.waitForSelector(".notice:has-text('withdrawn')");
            assertEquals(0, page.locator("tr[data-case='" + caseId + "']").count(), "off the ward list");
            Chromium.screenshot(page, "CaseEntryBrowserTest/withdrawn");
        }
        assertEquals(0, reviewedToday(audit), "the withdrawn case leaves the day's figures");
        assertEquals(1, Db.number(dataSource, "select count(*) from patient_case where id = ?",
                Long.valueOf(caseId)), "never deleted");
    }

    int reviewedToday(TestAudit audit) {
        return Api.asAdmin().get("/api/audits/" + audit.id() + "/summary?date=" + TODAY).then().statusCode(200)
                .extract().path("reviewed");
    }

    @Test
    void theReviewFormSaysTheDayIsLockedBeforeTheReviewerStarts() {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + TODAY + "/opening").then()
                .statusCode(200);
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + TODAY + "/sign-off").then()
                .statusCode(200);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.community(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/cases/" + caseId + "/review");
            page.waitForSelector("#review-form");
            String lock = page.textContent("#day-lock");
            assertTrue(lock.contains("signed off") && lock.contains("locked") && lock.contains(TODAY), lock);
            // It is said before the form: above the first criterion, not only after a refused save.
            assertTrue((Boolean) page.evaluate("() => document.querySelector('#day-lock').compareDocumentPosition("
                    + "document.querySelector('#review-form')) & Node.DOCUMENT_POSITION_FOLLOWING ? true : false"));
            assertEquals(List.of(), Axe.seriousViolations(page), "locked review form");
            Chromium.screenshot(page, "CaseEntryBrowserTest/review-form-locked");
        }
    }
}
