package org.liaisondesk.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days in mainland China: Monday to Friday, except the statutory holidays, plus the weekend days declared
 * working days (调休上班) — per year, as the State Council's annual notice (国务院办公厅关于 YYYY 年部分节假日安排的通知)
 * publishes them. A year without a loaded notice falls back to plain Monday–Friday.
 */
public final class WorkCalendar {

    /** One year's notice: its holidays and its adjusted working days, and where it comes from. */
    public record Year(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {

        public Year {
            holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
            workdays = Collections.unmodifiableSet(new TreeSet<>(workdays));
            for (LocalDate d : holidays) {
                if (d.getYear() != year || workdays.contains(d)) {
                    throw new IllegalArgumentException("holiday " + d + " does not fit year " + year);
                }
            }
            for (LocalDate d : workdays) {
                if (d.getYear() != year) {
                    throw new IllegalArgumentException("working day " + d + " does not fit year " + year);
                }
            }
        }
    }

    private final Map<Integer, Year> years;

    public WorkCalendar(Map<Integer, Year> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    public Map<Integer, Year> years() {
        return years;
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** This calendar with {@code year} added or replaced. */
    public WorkCalendar with(Year year) {
        Map<Integer, Year> next = new TreeMap<>(years);
        next.put(year.year(), year);
        return new WorkCalendar(next);
    }

    public boolean isWorkingDay(LocalDate day) {
        Year y = years.get(day.getYear());
        if (y != null) {
            if (y.holidays().contains(day)) {
                return false;
            }
            if (y.workdays().contains(day)) {
                return true;
            }
        }
        DayOfWeek w = day.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /**
     * The day {@code n} working days after {@code start} (the start day itself does not count); 0 is the start day
     * itself (on the spot: the same day).
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative working days: " + n);
        }
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code day} if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
