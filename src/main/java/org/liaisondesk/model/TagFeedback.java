package org.liaisondesk.model;

import java.util.List;

/**
 * A person's confirmation or correction of the areas of a text: what the tagger learns from.
 *
 * @param areas    the areas the person chose, primary first; empty when no area fits
 * @param proposed what the tagger had proposed, same form
 */
public record TagFeedback(String text, List<Integer> areas, List<Integer> proposed) {

    public TagFeedback {
        areas = List.copyOf(areas);
        proposed = List.copyOf(proposed);
    }
}
