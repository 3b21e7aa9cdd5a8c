package org.liaisondesk.tagging;

import java.util.List;

/**
 * One task or clause of the report, the unit a suggestion points to as its explanation.
 *
 * @param id       {@code area.seq}, e.g. {@code 4.07}; stable for the same report text
 * @param area     1..6
 * @param wording  the clause as the report words it
 * @param keywords the clause's content phrases (task verbs and generic report words removed)
 */
public record Subtopic(String id, int area, String wording, List<String> keywords) {

    public Subtopic {
        keywords = List.copyOf(keywords);
    }
}
