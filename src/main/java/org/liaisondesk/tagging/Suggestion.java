package org.liaisondesk.tagging;

/**
 * One proposed task area for a text, with the evidence a clerk sees.
 *
 * @param area       1..6
 * @param score      higher is better; comparable within one call
 * @param subtopicId the best-matching sub-topic of that area, or null
 * @param clause     the report wording of that sub-topic, shown as the explanation, or null
 */
public record Suggestion(int area, double score, String subtopicId, String clause) {
}
