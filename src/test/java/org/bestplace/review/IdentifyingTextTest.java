package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bestplace.review.IdentifyingText.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Worked examples of notes a reviewer might write: the ones that identify, and the ones that do not. */
class IdentifyingTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NHS 943 476 5919 on the wristband|NHS_NUMBER",
        "ref 9434765919|NHS_NUMBER",
        "943-476-5919|NHS_NUMBER",
        "(9434765919)|NHS_NUMBER",
        "Spoke to Mrs Patel about discharge|TITLE_AND_NAME",
        "seen by Dr. Okafor this morning|TITLE_AND_NAME",
        "Mr O'Brien's daughter will visit|TITLE_AND_NAME",
        "Miss Ng prefers a care home|TITLE_AND_NAME",
        "Ms Wójcik|TITLE_AND_NAME",
        "DOB 12/03/1941|FULL_DATE",
        "born 12.3.41, lives alone|FULL_DATE",
        "admitted 1941-03-12|FULL_DATE",
        "date of birth 3 March 1941|FULL_DATE",
        "born 21st Sept 1938|FULL_DATE",
    })
    void findsWhatIdentifies(String text, Finding expected) {
        assertEquals(List.of(expected), IdentifyingText.findings(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "BP 120/80, HR 88, NEWS2 3",
        "IV antibiotics day 2/7, obs 4-hourly",
        "awaiting OT assessment; family meeting 12/03",
        "Hb 98, CRP 123, WCC 11.2",
        "123 456 789",                               // 9 digits
        "12345678901",                               // 11 digits
        "waiting for Dr review",
        "MRSA screen negative; MS nurse to see",
        "discussed with the Dr on call",
        "Drain removed; Mrs to be asked",
        "Waiting for a bed since March 2026",
        "",
        "Pain 10/10 at night; 1/2 hourly obs",
    })
    void leavesCleanNotesAlone(String text) {
        assertEquals(List.of(), IdentifyingText.findings(text), text);
    }

    @Test
    void namesEveryKindItFoundButNeverQuotesTheText() {
        String note = "Mr Smith, NHS 943 476 5919, born 12/03/1941";
        List<Finding> found = IdentifyingText.findings(note);
        assertEquals(List.of(Finding.NHS_NUMBER, Finding.TITLE_AND_NAME, Finding.FULL_DATE), found);
        String message = IdentifyingText.refusal("The note", note).orElseThrow();
        assertTrue(message.startsWith("The note seems to contain a number shaped like an NHS number, a title"),
                message);
        assertTrue(message.contains(" and a full date"), message);
        for (String part : List.of("Smith", "943", "5919", "1941")) {
            assertFalse(message.contains(part), "the message quotes " + part + ": " + message);
        }
        assertTrue(IdentifyingText.refusal("The note", "Awaiting care package").isEmpty());
        assertTrue(IdentifyingText.refusal("The note", null).isEmpty());
    }
}
