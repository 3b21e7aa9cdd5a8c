package org.liaisondesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-10-01", "2025/10/1", "20251001", "2025.10.01", "2025年10月1日", " 2025-10-1 ",
        "2025年10月1"})
    void theUsualWaysOfWritingADateAllMeanTheSameDay(String typed) {
        assertThat(DateText.parse(typed)).contains(LocalDate.of(2025, 10, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "十月一日", "2025-13-01", "2025-02-30", "251001", "2025-10", "2025-10-01x"})
    void textThatIsNoDateIsNoDate(String typed) {
        assertThat(DateText.parse(typed)).isEmpty();
    }
}
