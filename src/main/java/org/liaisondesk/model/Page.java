package org.liaisondesk.model;

import java.util.List;

/** One page of a longer result: the rows, where they start, and how many there are in all. */
public record Page<T>(List<T> items, int offset, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
