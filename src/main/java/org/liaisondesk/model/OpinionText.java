package org.liaisondesk.model;

import java.util.UUID;

/** Just what similarity and grouping need of an opinion: cheap to stream over a whole database. */
public record OpinionText(UUID id, String station, String text, boolean deleted) {
}
