package org.liaisondesk.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.i18n.UserFacingException;

/**
 * The period a report covers: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}), a year ({@code 2026}) or any
 * date range ({@code 2026-01-05..2026-03-20}), both ends inclusive; with the period before it (环比) and the same
 * period a year earlier (同比).
 */
public record ReportPeriod(Kind kind, LocalDate from, LocalDate to) {

    /** 月报, 季报, 年报, or a report over any dates. */
    public enum Kind { MONTH, QUARTER, YEAR, RANGE }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    /** Reads {@code YYYY-MM}, {@code YYYY-Qn}, {@code YYYY} or {@code FROM..TO}; a clear message otherwise. */
    public static ReportPeriod parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            Matcher m;
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if (YEAR.matcher(s).matches()) {
                int y = Integer.parseInt(s);
                return new ReportPeriod(Kind.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
            int dots = s.indexOf("..");
            if (dots > 0) {
                LocalDate from = LocalDate.parse(s.substring(0, dots).strip());
                LocalDate to = LocalDate.parse(s.substring(dots + 2).strip());
                if (!to.isBefore(from)) {
                    return new ReportPeriod(Kind.RANGE, from, to);
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message below
        }
        throw new UserFacingException("report.error.period", text);
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(Kind.QUARTER, from, from.plusMonths(3).minusDays(1));
    }

    /** The period just before this one, of the same kind and length (环比). */
    public ReportPeriod previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(from).minusMonths(1));
            case QUARTER -> new ReportPeriod(kind, from.minusMonths(3), from.minusDays(1));
            case YEAR -> new ReportPeriod(kind, from.minusYears(1), from.minusDays(1));
            case RANGE -> {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                yield new ReportPeriod(kind, from.minusDays(days), from.minusDays(1));
            }
        };
    }

    /** The same period one year earlier (同比). */
    public ReportPeriod yearAgo() {
        return kind == Kind.MONTH ? month(YearMonth.from(from).minusYears(1))
                : new ReportPeriod(kind, from.minusYears(1), to.minusYears(1));
    }

    /** Every month the period touches, in order (charts show the months without opinions too). */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** How the period is written in a title: 2026年11月, 2026年第四季度, 2026年, 2026年1月5日至3月20日. */
    public String title() {
        return switch (kind) {
            case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTER -> from.getYear() + "年第" + QUARTERS[(from.getMonthValue() - 1) / 3] + "季度";
            case YEAR -> from.getYear() + "年";
            case RANGE -> date(from) + "至" + date(to);
        };
    }

    /** 月报 / 季报 / 年报 / 情况报告. */
    public String reportName() {
        return switch (kind) {
            case MONTH -> "月报";
            case QUARTER -> "季报";
            case YEAR -> "年报";
            case RANGE -> "情况报告";
        };
    }

    /** How the prose refers to the period: 本月, 本季度, 本年度, 本期. */
    public String thisPeriod() {
        return switch (kind) {
            case MONTH -> "本月";
            case QUARTER -> "本季度";
            case YEAR -> "本年度";
            case RANGE -> "本期";
        };
    }

    /** The period as the command line writes it, e.g. {@code 2026-11}. */
    public String code() {
        return switch (kind) {
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(from.getYear());
            case RANGE -> from + ".." + to;
        };
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
