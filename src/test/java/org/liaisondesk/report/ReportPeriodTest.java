package org.liaisondesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisondesk.i18n.UserFacingException;

/** Report periods, their neighbours for 环比/同比, and the chart helpers (whole ticks, no skipped months). */
class ReportPeriodTest {

    @Test
    void readsEveryKindAndFindsThePeriodBeforeAndAYearAgo() {
        ReportPeriod march = ReportPeriod.parse("2024-03");
        assertThat(march.to()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(march.previous()).isEqualTo(ReportPeriod.month(YearMonth.of(2024, 2)));
        assertThat(ReportPeriod.parse("2024-02").yearAgo().to()).isEqualTo(LocalDate.of(2023, 2, 28));
        ReportPeriod q1 = ReportPeriod.parse("2026-Q1");
        assertThat(q1.title()).isEqualTo("2026年第一季度");
        assertThat(q1.previous().from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q1.previous().to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(ReportPeriod.parse("2026").previous().code()).isEqualTo("2025");
        ReportPeriod range = ReportPeriod.parse("2026-01-05..2026-01-14");
        assertThat(range.previous().from()).isEqualTo(LocalDate.of(2025, 12, 26));
        assertThat(range.months()).containsExactly(YearMonth.of(2026, 1));
        for (String bad : new String[] {"2026-13", "2026-Q5", "26", "2026-02-10..2026-01-01", ""}) {
            assertThatThrownBy(() -> ReportPeriod.parse(bad)).isInstanceOf(UserFacingException.class);
        }
    }

    /** #14.9: counts step by whole numbers, never 0.5. */
    @Test
    void countAxesStepByWholeNumbers() {
        assertThat(ChartPainter.axis(0)).containsExactly(1, 1);
        assertThat(ChartPainter.axis(3)).containsExactly(3, 1);
        assertThat(ChartPainter.axis(7)).containsExactly(8, 2);
        assertThat(ChartPainter.axis(1234)).containsExactly(1500, 500);
    }

    /** #14.9: December 2025 and December 2026 are not drawn side by side. */
    @Test
    void monthsWithoutOpinionsAreShownAsZero() {
        Map<String, Long> filled = ReportService.monthsFilled(Map.of("2025-12", 4L, "2026-03", 2L),
                YearMonth.of(2025, 12), YearMonth.of(2026, 3));
        assertThat(filled).containsExactly(Map.entry("2025-12", 4L), Map.entry("2026-01", 0L),
                Map.entry("2026-02", 0L), Map.entry("2026-03", 2L));
    }
}
