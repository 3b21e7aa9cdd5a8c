package org.liaisondesk.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.OpinionStats;
import org.liaisondesk.model.Page;
import org.liaisondesk.store.HandlingRepository;
import org.liaisondesk.store.OpinionRepository;

/**
 * The read side the screens need (lists, counts, one opinion, the cases in handling), so the window reaches
 * opinions through a service and never through a repository.
 */
public final class OpinionQueries {

    private final OpinionRepository opinions;
    private final HandlingRepository handling;

    public OpinionQueries(OpinionRepository opinions, HandlingRepository handling) {
        this.opinions = opinions;
        this.handling = handling;
    }

    public Optional<Opinion> find(UUID id) {
        return opinions.find(id);
    }

    public long count(OpinionFilter filter) {
        return opinions.count(filter);
    }

    public Page<Opinion> page(OpinionFilter filter, OpinionSort sort, int offset, int limit) {
        return opinions.page(filter, sort, offset, limit);
    }

    public void forEach(OpinionFilter filter, OpinionSort sort, int limit, Consumer<Opinion> sink) {
        opinions.forEach(filter, sort, limit, sink);
    }

    public OpinionStats stats() {
        return opinions.stats();
    }

    /** The stations that sent opinions, for the station filters. */
    public List<String> stations() {
        return opinions.stations();
    }

    /** Every case in handling, of all stations, in the order they were assigned. */
    public void forEachCase(Consumer<HandlingCase> sink) {
        handling.forEach(null, sink);
    }
}
