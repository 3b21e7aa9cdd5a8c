package org.liaisondesk.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people type them, one rule for every field and command: {@code 2025-10-01}, {@code 2025/10/1},
 * {@code 2025.10.1}, {@code 2025年10月1日} and {@code 20251001}. Anything else is no date, never a silent blank.
 */
public final class DateText {

    /** Year, then month and day separated by - / . or 年 月 (日 optional), surrounding blanks ignored. */
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    /** The date {@code text} names, or empty when it names none (including impossible dates like 2月30日). */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        Matcher m = SEPARATED.matcher(s);
        if (!m.matches()) {
            m = COMPACT.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The one way dates are shown: ISO, as the entry form and the command line write them. */
    public static String format(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
