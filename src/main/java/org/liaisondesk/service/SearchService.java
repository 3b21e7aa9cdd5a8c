package org.liaisondesk.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionText;
import org.liaisondesk.search.SearchText;
import org.liaisondesk.search.SimilarityIndex;
import org.liaisondesk.store.LinkRepository;
import org.liaisondesk.store.MatterRepository;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.SearchRepository;

/**
 * Full-text search, "has this matter been raised already?", groups of near-duplicate opinions, and "same matter"
 * links: what the review queue, the entry form and the command line share.
 */
public final class SearchService {

    /** Opinions grouped at once: a throwaway index of this many texts (and the seeds) stays near 100 MB of heap. */
    static final int GROUPING_SLICE = 100_000;

    /**
     * Two opinions scoring at least this are taken as one matter. Chosen on 60 hand-labelled pairs (test resource
     * {@code search/similar-pairs.tsv}, {@code SimilarityPairsTest}): precision 0.96, recall 0.87 there.
     */
    public static final double SAME_MATTER = 0.35;
    /** Suggestions while typing go lower (recall 0.93, precision 0.80 there): a clerk glances at them and decides. */
    public static final double SUGGEST = 0.25;

    private final SearchRepository search;
    private final LinkRepository links;
    private final OpinionRepository opinions;
    private final MatterRepository matters;
    private final SimilarityIndex similar = new SimilarityIndex();
    private long seenChange;
    /** Where the texts stood when every opinion last had its stored group (null: not checked in this process). */
    private MatterRepository.Version mattersSeen;

    private int groupingSlice = GROUPING_SLICE;

    public SearchService(SearchRepository search, LinkRepository links, OpinionRepository opinions,
                         MatterRepository matters) {
        this.search = search;
        this.links = links;
        this.opinions = opinions;
        this.matters = matters;
    }

    /** A search result: the opinion and where the query occurs in its text. */
    public record Hit(Opinion opinion, List<SearchText.Span> spans) {
    }

    /** A group of opinions on one matter: who raised it where. */
    public record Cluster(List<UUID> opinions, List<String> stations) {

        public int size() {
            return opinions.size();
        }
    }

    /**
     * One page of the opinions matching the filter whose text contains {@code query} (Latin letters ignoring case),
     * most relevant first, with the matches to highlight.
     */
    public List<Hit> search(String query, OpinionFilter filter, int offset, int limit) {
        String q = checkedQuery(query);
        List<Hit> out = new ArrayList<>();
        search.search(q, filter, offset, limit, o -> out.add(new Hit(o, SearchText.spans(o.text(), q))));
        return out;
    }

    /** As {@link #search(String, OpinionFilter, int, int)}, streamed, without spans ({@code limit <= 0}: all). */
    public void search(String query, OpinionFilter filter, int limit, Consumer<Opinion> sink) {
        search.search(checkedQuery(query), filter, 0, limit, sink);
    }

    /** Opinions saying nearly the same as {@code text} (e.g. the one being typed), best first. */
    public List<SimilarityIndex.Match> similarTo(String text, int limit) {
        catchUp();
        return similar.similarTo(text, limit, SUGGEST);
    }

    /** Opinions saying nearly the same as a stored one, best first, itself left out. */
    public List<SimilarityIndex.Match> similarTo(UUID id, int limit) {
        Opinion o = opinions.find(id).orElseThrow(() -> new UserFacingException("opinion.error.notFound", id));
        catchUp();
        return o.deleted() ? similar.similarTo(o.text(), limit, SUGGEST) : similar.similarTo(id, limit, SUGGEST);
    }

    /**
     * Every opinion saying nearly the same as a stored one (at least {@link #SAME_MATTER}), however many there are:
     * the matter's count is not capped by a look-up limit (it stopped at 101 while {@code similar} found 605).
     */
    public List<SimilarityIndex.Match> sameMatterSimilar(UUID id) {
        int limit = 128;
        while (true) {
            List<SimilarityIndex.Match> found = similarTo(id, limit).stream()
                    .filter(m -> m.score() >= SAME_MATTER).toList();
            if (found.size() < limit) {
                return found;
            }
            limit *= 4;
        }
    }

    /**
     * Groups of at least {@code minSize} opinions matching the filter that raise one matter: near-duplicates
     * (score at least {@link #SAME_MATTER}, chained) and opinions a clerk linked. Largest first.
     */
    public List<Cluster> clusters(OpinionFilter filter, int minSize) {
        return clusters(filter, minSize, () -> false);
    }

    /**
     * As {@link #clusters(OpinionFilter, int)}, stopping with a {@link CancellationException} as soon as
     * {@code cancelled} says so (checked per opinion read, and before grouping): the dashboard's cancel button.
     */
    public List<Cluster> clusters(OpinionFilter filter, int minSize, BooleanSupplier cancelled) {
        SimilarityIndex index = new SimilarityIndex();
        Map<UUID, String> stations = new HashMap<>();
        search.texts(filter, t -> {
            stopIf(cancelled);
            index.put(t.id(), t.text());
            stations.put(t.id(), t.station());
        });
        stopIf(cancelled);
        List<Cluster> out = new ArrayList<>();
        for (List<UUID> group : index.groups(SAME_MATTER, links.matters())) {
            if (group.size() >= Math.max(minSize, 2)) {
                TreeSet<String> where = new TreeSet<>();
                group.forEach(id -> where.add(stations.get(id)));
                out.add(new Cluster(group, List.copyOf(where)));
            }
        }
        return out;
    }

    /**
     * The {@code limit} largest groups of at least two opinions the filter selects that raise one matter, largest
     * first, from the stored groups (V029): near-duplicates (star groups at {@link #SAME_MATTER}, as
     * {@link #clusters}) and opinions a clerk linked. Opinions that arrived since the last call are given their group
     * first (a look-up each, or one per group after a large import); stops with a {@link CancellationException} when
     * {@code cancelled} says so.
     */
    public List<Cluster> largestMatters(OpinionFilter filter, int limit, BooleanSupplier cancelled) {
        stopIf(cancelled);
        assignMatters(cancelled);
        stopIf(cancelled);
        return matters.largest(filter, limit).stream().map(g -> new Cluster(g.opinions(), g.stations())).toList();
    }

    /**
     * Gives the opinions without a stored group theirs (nothing to do, and no index built, when none changed), a
     * slice of {@value #GROUPING_SLICE} at a time, oldest first: each slice is weighed in a throwaway index of the
     * seeds and the slice's opinions (the first time: all opinions, a slice at a time), so the heap needed does not
     * grow with the database.
     */
    private synchronized void assignMatters(BooleanSupplier cancelled) {
        MatterRepository.Version latest = matters.latestChange();
        if (latest.equals(mattersSeen)) {
            return;
        }
        long after = 0;
        while (true) {
            MatterRepository.Pending slice = matters.pending(after, groupingSlice);
            if (slice.ids().isEmpty()) {
                break;
            }
            SimilarityIndex index = new SimilarityIndex();
            matters.groupingTexts(after, slice, t -> {
                stopIf(cancelled);
                index.put(t.id(), t.text());
            });
            matters.save(index.assign(slice.ids(), matters.seeds(), SAME_MATTER, cancelled));
            after = slice.lastRowid();
        }
        mattersSeen = latest;
    }

    /** Tests: groups a few opinions at a time, to see slices join the groups of earlier ones. */
    void groupInSlicesOf(int opinions) {
        groupingSlice = opinions;
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** Records that {@code opinion} raises the same matter as {@code sameAs}; returns the matter's opinions. */
    public List<UUID> link(UUID opinion, UUID sameAs, String actor) {
        if (opinion.equals(sameAs)) {
            throw new UserFacingException("link.error.self");
        }
        for (UUID id : List.of(opinion, sameAs)) {
            if (opinions.find(id).isEmpty()) {
                throw new UserFacingException("opinion.error.notFound", id);
            }
        }
        return links.link(opinion, sameAs, actor);
    }

    /** Takes an opinion out of its matter; it stands alone again. */
    public void unlink(UUID opinion, String actor) {
        if (!links.unlink(opinion, actor)) {
            throw new UserFacingException("link.error.notLinked", opinion);
        }
    }

    /** The opinions of the same matter, itself included. */
    public List<UUID> sameMatter(UUID opinion) {
        return links.sameMatter(opinion);
    }

    /** Brings the similarity index up to date with the store: everything on first use, then only changes. */
    private synchronized void catchUp() {
        seenChange = search.changesSince(seenChange, this::apply);
    }

    private void apply(OpinionText t) {
        if (t.deleted()) {
            similar.remove(t.id());
        } else {
            similar.put(t.id(), t.text());
        }
    }

    private static String checkedQuery(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new UserFacingException("search.error.emptyQuery");
        }
        return q;
    }
}
