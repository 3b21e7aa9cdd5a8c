package org.liaisondesk.tagging;

import java.util.List;

/**
 * One proposed task area for a text, with the evidence a clerk sees.
 *
 * @param area       1..6
 * @param score      higher is better; comparable within one call
 * @param subtopicId the best-matching sub-topic of that area, or null
 * @param clause     the report wording of that sub-topic, shown as the explanation, or null when no clause is
 *                   the reason (the area rests on scattered evidence or on what the station taught it)
 * @param path       how the text reached the clause, or null when the clause's own words matched directly
 */
public record Suggestion(int area, double score, String subtopicId, String clause, Path path) {

    public Suggestion(int area, double score, String subtopicId, String clause) {
        this(area, score, subtopicId, clause, null);
    }

    /**
     * The route from a resident's words to the clause: everyday words → topic → clause → area.
     *
     * @param kind     {@link #TOPIC} (an everyday topic of {@code everyday-topics.tsv}) or {@link #PHRASE} (an everyday
     *                 phrase of the synonym list attached to the clause)
     * @param words    the words of the text that matched, in text order
     * @param category the topic's hotline category, e.g. 住房 (null for a phrase)
     * @param topic    the topic, e.g. 房屋维修与漏水 (null for a phrase)
     */
    public record Path(String kind, List<String> words, String category, String topic) {

        public static final String TOPIC = "topic";
        public static final String PHRASE = "phrase";

        public Path {
            words = List.copyOf(words);
        }

        /** E.g. {@code 漏水、返潮 → 住房 › 房屋维修与漏水}: the part of the path before the clause. */
        public String describe() {
            String said = String.join("、", words);
            return topic == null ? said : said + " → " + category + " › " + topic;
        }
    }
}
