package org.liaisondesk.model;

import java.time.Instant;

/**
 * One change the review workflow made to an opinion: which field ({@code action}: review, areas, note, priority,
 * handling, reason, status, reply), its value before and after, who, when, and the revision the change produced.
 */
public record HistoryEntry(Instant at, String actor, String action, int revision, String before, String after) {
}
