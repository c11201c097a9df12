package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.criteria.CriteriaFile;
import org.junit.jupiter.api.Test;

/** The difference a history page shows, worked out in plain Java from two versions of a review. */
class ReviewDifferenceTest {

    private static CriteriaFile set() throws Exception {
        return CriteriaFile.parse(Files.readString(Path.of("criteria", "acute-adult-day-of-care.yaml")));
    }

    private static ReviewContent content(LocalDate day, List<String> criteria, String alternative, String note) {
        return new ReviewContent(1, day, criteria, null, null, alternative, List.of(), note, false, true);
    }

    @Test
    void aMovedDayAndACodeTheSetDoesNotKnowAreShownAsTheyAre() throws Exception {
        CriteriaFile set = set();
        ReviewContent before = content(LocalDate.of(2026, 11, 3), List.of("NO-SUCH"), null, "  ");
        ReviewContent after = content(LocalDate.of(2026, 11, 4), List.of("NO-SUCH"), null, null);
        assertEquals(List.of(new ReviewDifference.Row("Day of care", "Tue 3 Nov 2026", "Wed 4 Nov 2026")),
                ReviewDifference.between(before, after, set), "a blank note is no note; the unknown code is unchanged");

        ReviewContent gone = content(LocalDate.of(2026, 11, 4), List.of(), "P1", null);
        String title = set.alternatives().stream().filter(a -> a.code().equals("P1")).findFirst().orElseThrow()
                .title();
        assertEquals(List.of(new ReviewDifference.Row("NO-SUCH", "Met", "Not met"),
                new ReviewDifference.Row("Outcome", "Qualifies", "Does not qualify"),
                new ReviewDifference.Row("Best alternative place of care", "None", title)),
                ReviewDifference.between(after, gone, set));
    }
}
