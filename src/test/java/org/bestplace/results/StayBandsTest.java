package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StayBandsTest {

    @Test
    void theLabelsAreReadInOrderFromTheGeneratedColumnsExpression() {
        // As MariaDB gives review.stay_band's generation expression back (V20).
        String expression = "case when `stay_days` <= 6 then '0-6' when `stay_days` <= 13 then '7-13'"
                + " when `stay_days` <= 20 then '14-20' else '21+' end";
        assertEquals(List.of("0-6", "7-13", "14-20", "21+"), StayBands.labelsOf(expression));
    }

    @Test
    void eachBandHasItsTitleInWords() {
        List<String> titles = ExportSchemas.stayBands(List.of("0-6", "21+")).codes().stream()
                .map(ExportColumn.Code::title).toList();
        assertEquals(List.of("0 to 6 days", "21 days or more"), titles);
    }
}
