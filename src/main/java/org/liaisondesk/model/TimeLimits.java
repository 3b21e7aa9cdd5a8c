package org.liaisondesk.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time limits per handling route, in working days or calendar months. Defaults: on the spot the same day; community
 * or street 5 working days; district department 15; city department 15; deputies' suggestions 3 months (extendable to
 * 6); re-handling 1 month; a unit's return of a wrong assignment within 7 working days of the assignment.
 */
public record TimeLimits(Map<String, Limit> limits) {

    public static final String ON_THE_SPOT = "on-the-spot";
    public static final String STREET = "street";
    public static final String DISTRICT = "district";
    public static final String CITY = "city";
    public static final String SUGGESTION = "deputy-suggestion";
    public static final String SUGGESTION_MAX = "deputy-suggestion-max";
    public static final String REHANDLING = "rehandling";
    public static final String UNIT_RETURN = "unit-return";

    /** An amount of working days or months. */
    public record Limit(int amount, boolean months) {

        public String unitCode() {
            return months ? "months" : "working-days";
        }

        /** The due date of a span that starts on {@code start}; a month limit that ends off work rolls forward. */
        public LocalDate due(WorkCalendar calendar, LocalDate start) {
            return months ? calendar.onOrAfter(start.plusMonths(amount)) : calendar.addWorkingDays(start, amount);
        }
    }

    public static final Map<String, Limit> DEFAULTS;

    static {
        Map<String, Limit> d = new LinkedHashMap<>();
        d.put(ON_THE_SPOT, new Limit(0, false));
        d.put(STREET, new Limit(5, false));
        d.put(DISTRICT, new Limit(15, false));
        d.put(CITY, new Limit(15, false));
        d.put(SUGGESTION, new Limit(3, true));
        d.put(SUGGESTION_MAX, new Limit(6, true));
        d.put(REHANDLING, new Limit(1, true));
        d.put(UNIT_RETURN, new Limit(7, false));
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    public TimeLimits {
        Map<String, Limit> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(limits);
        limits = Collections.unmodifiableMap(all);
    }

    public static boolean isRoute(String route) {
        return DEFAULTS.containsKey(route);
    }

    public Limit of(String route) {
        Limit l = limits.get(route);
        if (l == null) {
            throw new IllegalArgumentException("unknown route: " + route);
        }
        return l;
    }
}
