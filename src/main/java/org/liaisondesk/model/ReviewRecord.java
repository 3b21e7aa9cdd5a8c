package org.liaisondesk.model;

import java.util.List;

/** A review with the opinion's history: what a batch carries besides the opinion. */
public record ReviewRecord(Review review, List<HistoryEntry> history) {

    public ReviewRecord {
        history = List.copyOf(history);
    }
}
