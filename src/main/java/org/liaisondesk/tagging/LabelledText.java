package org.liaisondesk.tagging;

import java.util.List;

/**
 * An opinion text with the areas a person settled on, primary first; empty means "no area fits".
 * The training unit of {@link CorrectionModel}; the store turns confirmed or corrected tags into these.
 */
public record LabelledText(String text, List<Integer> areas) {

    public LabelledText {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        areas = List.copyOf(areas);
        for (int a : areas) {
            if (a < 1 || a > 6) {
                throw new IllegalArgumentException("area must be 1..6: " + a);
            }
        }
    }
}
