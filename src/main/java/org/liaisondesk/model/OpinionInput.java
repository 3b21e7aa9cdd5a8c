package org.liaisondesk.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a clerk enters (or the command line passes) to create or edit an opinion; the service validates it,
 * numbers it and tags it. {@code tags} empty means "let the tagger propose".
 */
public record OpinionInput(LocalDateTime receivedAt, Channel channel, Constituent constituent,
                           String receivedBy, String text, List<AreaTag> tags) {

    public OpinionInput {
        constituent = constituent == null ? Constituent.ANONYMOUS : constituent;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
