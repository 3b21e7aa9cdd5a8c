package org.liaisondesk.tagging;

import java.util.List;

/**
 * One of the report's six main task areas.
 *
 * @param number    1..6
 * @param numeral   the report's own numeral, 一 … 六
 * @param heading   the heading text after {@code 一、}
 * @param label     short Chinese label for lists and charts, e.g. {@code 经济发展}
 * @param subtopics the area's clauses in report order
 */
public record TaskArea(int number, String numeral, String heading, String label, List<Subtopic> subtopics) {

    public TaskArea {
        subtopics = List.copyOf(subtopics);
    }

    /** Numeral and label, e.g. {@code 二 经济发展}: how the program names an area to a clerk. */
    public String shortName() {
        return numeral + " " + label;
    }
}
