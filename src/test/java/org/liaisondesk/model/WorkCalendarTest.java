package org.liaisondesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.service.CalendarService;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.HandlingRepository;

/** Working days and supervision colours on real dates: 国庆, 春节 and the 调休 working weekends of 2025 and 2026. */
class WorkCalendarTest {

    @TempDir
    Path dir;

    private WorkCalendar shipped() {
        try (Database db = Database.open(dir.resolve("cal.db"))) {
            return new CalendarService(new HandlingRepository(db), new ObjectMapper()).calendar();
        }
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void shipsTheStateCouncilNoticesOf2025And2026() {
        WorkCalendar cal = shipped();
        assertThat(cal.covers(2025)).isTrue();
        assertThat(cal.covers(2026)).isTrue();
        assertThat(cal.years().get(2026).holidays()).hasSize(33);
        assertThat(cal.isWorkingDay(d("2026-02-14"))).as("调休 Saturday before 春节").isTrue();
        assertThat(cal.isWorkingDay(d("2026-02-23"))).as("Monday inside 春节").isFalse();
        assertThat(cal.isWorkingDay(d("2025-09-28"))).as("调休 Sunday before 国庆").isTrue();
        assertThat(cal.isWorkingDay(d("2025-10-08"))).as("国庆/中秋 2025").isFalse();
        assertThat(cal.isWorkingDay(d("2026-10-10"))).as("调休 Saturday after 国庆").isTrue();
        assertThat(cal.isWorkingDay(d("2027-10-01"))).as("a year not loaded: plain Monday–Friday").isTrue();
    }

    @Test
    void workingDaysCrossNationalDayAndItsAdjustedSaturday() {
        WorkCalendar cal = shipped();
        // 2025-09-30 (Tue) + 5: 10-09, 10-10, 10-11 (Sat, worked), 10-13, 10-14
        assertThat(cal.addWorkingDays(d("2025-09-30"), 5)).isEqualTo(d("2025-10-14"));
        assertThat(cal.addWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        // 2026: 10-08, 10-09, 10-10 (Sat, worked), 10-12
        assertThat(cal.addWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
        assertThat(cal.addWorkingDays(d("2026-09-30"), 0)).isEqualTo(d("2026-09-30"));
    }

    @Test
    void fifteenWorkingDaysAcrossSpringFestival() {
        WorkCalendar cal = shipped();
        // 02-11..13, 02-14 (Sat, worked), 02-24..27, 02-28 (Sat, worked), 03-02..06, 03-09
        assertThat(cal.addWorkingDays(d("2026-02-10"), 15)).isEqualTo(d("2026-03-09"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(cal.addWorkingDays(d("2026-02-27"), 1)).isEqualTo(d("2026-02-28"));
        // 1 month for re-handling that ends in the holiday rolls to the next working day
        assertThat(new TimeLimits(java.util.Map.of()).of(TimeLimits.REHANDLING).due(cal, d("2026-01-16")))
                .isEqualTo(d("2026-02-24"));
    }

    @Test
    void supervisionColoursCountWorkingDaysNotCalendarDays() {
        WorkCalendar cal = shipped();
        LocalDate due = d("2026-10-09");
        // nine calendar days left, but only 10-08 and 10-09 are working days: yellow
        assertThat(Supervision.of(cal, d("2026-09-10"), due, d("2026-09-30"))).isEqualTo(Supervision.YELLOW);
        assertThat(Supervision.of(cal, d("2026-09-10"), due, d("2026-09-18"))).isEqualTo(Supervision.GREEN);
        assertThat(Supervision.of(cal, d("2026-09-10"), due, due)).isEqualTo(Supervision.YELLOW);
        assertThat(Supervision.of(cal, d("2026-09-10"), due, d("2026-10-10"))).isEqualTo(Supervision.RED);
        // 20 % of a long span: 60 working days, 10 left -> yellow although more than 2
        LocalDate start = d("2026-03-02");
        LocalDate longDue = cal.addWorkingDays(start, 60);
        LocalDate tenLeft = longDue;
        for (int i = 0; i < 14; i++) {
            tenLeft = tenLeft.minusDays(1);
        }
        assertThat(cal.workingDaysBetween(tenLeft, longDue)).isEqualTo(10);
        assertThat(Supervision.of(cal, start, longDue, tenLeft)).isEqualTo(Supervision.YELLOW);
    }
}
