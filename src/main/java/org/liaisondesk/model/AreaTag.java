package org.liaisondesk.model;

/**
 * One of the six task areas attached to an opinion.
 *
 * @param area            1..6, the report's 一 … 六
 * @param subtopicId      the matched sub-topic (clause) id, or null
 * @param clause          the report wording that matched, shown to explain the tag, or null
 * @param primary         exactly one tag of an opinion is primary
 * @param score           the tagger's score, 1.0 for a person's choice
 * @param source          who or what set it
 * @param setBy           the user name that set it (null for the tagger)
 * @param taxonomyVersion the taxonomy version the tag was made against
 */
public record AreaTag(int area, String subtopicId, String clause, boolean primary, double score,
                      TagSource source, String setBy, String taxonomyVersion) {

    public static final int AREA_COUNT = 6;

    public AreaTag {
        if (area < 1 || area > AREA_COUNT) {
            throw new IllegalArgumentException("area must be 1..6: " + area);
        }
    }
}
