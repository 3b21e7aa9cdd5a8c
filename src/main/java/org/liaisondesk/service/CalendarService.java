package org.liaisondesk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisondesk.exchange.CalendarJson;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.store.HandlingRepository;

/**
 * The working-day calendar: the years shipped with the program (2025 and 2026, from the State Council's notices, see
 * {@code calendar-cn.json}), overlaid by years loaded at the general station or received from it in a return batch.
 *
 * <p>File format (also what a return batch carries under "calendar"): {@code {"format":"liaison-desk-calendar",
 * "version":1,"years":[{"year":2027,"source":"...","holidays":["2027-01-01","2027-02-06/2027-02-13"],
 * "workdays":["2027-02-14"]}]}}: holidays and adjusted working days (调休上班) as days or inclusive ranges FROM/TO.
 */
public final class CalendarService {

    public static final String FORMAT = CalendarJson.FORMAT;
    private static final String BUILT_IN = "/org/liaisondesk/service/calendar-cn.json";

    private final HandlingRepository repository;
    private final ObjectMapper json;
    private final WorkCalendar builtIn;

    public CalendarService(HandlingRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
        try (InputStream in = CalendarService.class.getResourceAsStream(BUILT_IN)) {
            this.builtIn = new WorkCalendar(byYear(parse(json.readTree(in))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped years overlaid by the loaded ones. */
    public WorkCalendar calendar() {
        WorkCalendar c = builtIn;
        for (WorkCalendar.Year y : repository.calendarYears()) {
            c = c.with(y);
        }
        return c;
    }

    /** Loads every year of a calendar file (replacing a year held); returns the years loaded. */
    public List<WorkCalendar.Year> load(Path file, String actor) {
        JsonNode doc;
        try {
            doc = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserFacingException("loop.error.calendarFile", e, file, e.getMessage());
        }
        List<WorkCalendar.Year> years = parse(doc);
        years.forEach(y -> repository.saveCalendarYear(y, actor));
        return years;
    }

    /** The years of a calendar document; a clerk-readable error when it is not one. */
    public static List<WorkCalendar.Year> parse(JsonNode doc) {
        return CalendarJson.parse(doc);
    }

    /** A calendar document of these years (days listed one by one). */
    public static ObjectNode toJson(ObjectMapper json, Iterable<WorkCalendar.Year> years) {
        return CalendarJson.toJson(json, years);
    }

    private static Map<Integer, WorkCalendar.Year> byYear(List<WorkCalendar.Year> years) {
        Map<Integer, WorkCalendar.Year> m = new LinkedHashMap<>();
        years.forEach(y -> m.put(y.year(), y));
        return m;
    }
}
