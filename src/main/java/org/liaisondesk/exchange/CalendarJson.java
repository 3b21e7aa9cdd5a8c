package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.WorkCalendar;

/**
 * The working-day calendar as JSON: the file the general station loads, and what a return batch carries under
 * "calendar". {@code {"format":"liaison-desk-calendar","version":1,"years":[{"year":2027,"source":"...",
 * "holidays":["2027-01-01","2027-02-06/2027-02-13"],"workdays":["2027-02-14"]}]}}: holidays and adjusted working days
 * (调休上班) as days or inclusive ranges FROM/TO.
 */
public final class CalendarJson {

    public static final String FORMAT = "liaison-desk-calendar";

    private CalendarJson() {
    }

    /** The years of a calendar document; a clerk-readable error when it is not one. */
    public static List<WorkCalendar.Year> parse(JsonNode doc) {
        if (doc == null || !FORMAT.equals(doc.path("format").asText()) || !doc.path("years").isArray()) {
            throw new UserFacingException("loop.error.calendarFormat");
        }
        List<WorkCalendar.Year> out = new ArrayList<>();
        for (JsonNode y : doc.get("years")) {
            int year = y.path("year").asInt(0);
            if (year < 2000 || year > 2100) {
                throw new UserFacingException("loop.error.calendarFormat");
            }
            try {
                out.add(new WorkCalendar.Year(year, days(y.path("holidays")), days(y.path("workdays")),
                        y.path("source").asText("")));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new UserFacingException("loop.error.calendarYear", e, year, e.getMessage());
            }
        }
        return out;
    }

    /** A calendar document of these years (days listed one by one). */
    public static ObjectNode toJson(ObjectMapper json, Iterable<WorkCalendar.Year> years) {
        ObjectNode doc = json.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        ArrayNode list = doc.putArray("years");
        for (WorkCalendar.Year y : years) {
            ObjectNode o = list.addObject();
            o.put("year", y.year());
            o.put("source", y.source());
            y.holidays().forEach(d -> o.withArray("holidays").add(d.toString()));
            y.workdays().forEach(d -> o.withArray("workdays").add(d.toString()));
            o.withArray("holidays");
            o.withArray("workdays");
        }
        return doc;
    }

    private static Set<LocalDate> days(JsonNode list) {
        Set<LocalDate> out = new TreeSet<>();
        if (!list.isArray()) {
            return out;
        }
        for (JsonNode n : list) {
            String s = n.asText();
            int slash = s.indexOf('/');
            if (slash < 0) {
                out.add(LocalDate.parse(s));
                continue;
            }
            LocalDate from = LocalDate.parse(s.substring(0, slash));
            LocalDate to = LocalDate.parse(s.substring(slash + 1));
            if (to.isBefore(from) || from.plusDays(40).isBefore(to)) {
                throw new IllegalArgumentException(s);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(d);
            }
        }
        return out;
    }

}
