package org.liaisondesk.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 督办 colours by time left: RED overdue (today after the due date); YELLOW at most 2 working days left, or at most 20 %
 * of the span's working days; GREEN otherwise. NONE when nothing runs against a due date.
 */
public enum Supervision implements Coded {
    GREEN("green"), YELLOW("yellow"), RED("red"), NONE("none");

    /** Yellow at or below this many working days left. */
    public static final int YELLOW_DAYS = 2;
    /** Yellow at or below this share (percent) of the span's working days left. */
    public static final int YELLOW_PERCENT = 20;

    private final String code;

    Supervision(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The colour of a span from {@code start} to {@code due}, seen on {@code today}. */
    public static Supervision of(WorkCalendar calendar, LocalDate start, LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return RED;
        }
        int left = calendar.workingDaysBetween(today, due);
        int span = calendar.workingDaysBetween(start, due);
        if (left <= YELLOW_DAYS || left * 100 <= span * YELLOW_PERCENT) {
            return YELLOW;
        }
        return GREEN;
    }

    /** The colour of a case: NONE unless its stage runs against a due date. */
    public static Supervision of(WorkCalendar calendar, HandlingCase c, LocalDate today) {
        Optional<LocalDate> due = c.dueDate();
        if (!c.stage().runsAgainstDueDate() || due.isEmpty()) {
            return NONE;
        }
        return of(calendar, c.spanStart().orElse(due.get()), due.get(), today);
    }

    public static Optional<Supervision> fromCode(String code) {
        return Coded.fromCode(Supervision.class, code);
    }
}
