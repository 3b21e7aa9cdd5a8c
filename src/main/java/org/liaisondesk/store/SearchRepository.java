package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.OpinionText;
import org.liaisondesk.search.SearchText;

/**
 * Full-text search over the index of migration V004, and cheap streams of opinion texts for similarity. Triggers
 * keep the index in step with edits and deletions; an opinion saved on its own waits in {@code search_pending}
 * (V030) until {@link #indexPending()} takes it, and search reads what waits by itself meanwhile.
 */
public final class SearchRepository {

    private static final String RANKED = "SELECT " + OpinionRepository.COLUMNS + " FROM search_fts "
            + "JOIN search_doc ON search_doc.docid = search_fts.rowid "
            + "JOIN opinion ON opinion.id = search_doc.opinion_id";
    /**
     * The opinions not yet in the index (V030), confirmed by their text alone. CROSS JOIN keeps the few waiting ones
     * the outer loop; a plain JOIN let the planner read every opinion in rowid order instead (70 ms at 100,000).
     */
    private static final String WAITING = " FROM search_pending CROSS JOIN opinion "
            + "ON opinion.id = search_pending.opinion_id";

    /** Beyond this many matches, only the most recently recorded this many are ranked. */
    static final int RANK_WINDOW = 10_000;

    private final Database db;

    public SearchRepository(Database db) {
        this.db = db;
    }

    /**
     * The opinions matching the filter whose text contains {@code query} (Latin letters ignoring case), most
     * relevant first (BM25 over the index; opinions saved a moment ago and not yet indexed come first, newest first),
     * {@code limit} of them from {@code offset} ({@code limit <= 0}: all),
     * streamed to the sink.
     *
     * <p>Ranking costs time for every match, so a word found in more than {@value #RANK_WINDOW} opinions (say 希望 or
     * 小区) is ranked among the {@value #RANK_WINDOW} most recently recorded of them, which come first; the older
     * ones follow, newest first. A query without any letter or digit (only punctuation) cannot use the index: a plain
     * scan answers it, newest first. Either way the results are exactly the opinions containing the query.
     */
    public void search(String query, OpinionFilter filter, int offset, int limit, Consumer<Opinion> sink) {
        String folded = SearchText.fold(query);
        Optional<String> expression = SearchText.matchExpression(folded);
        db.read(c -> {
            if (expression.isEmpty()) {
                OpinionRepository.select(c, SqlFilter.of(filter.withTextContains(query)), OpinionSort.NEWEST_FIRST,
                        offset, limit, sink);
                return null;
            }
            c.setAutoCommit(false);
            try {
                OpinionFilter rows = filter.withTextContains(null);
                if (SqlFilter.overCounts(rows).isPresent() && OpinionRepository.count(c, rows) == 0) {
                    // Nothing the filter selects (a general station has no "recorded" opinions): the running
                    // counts say so at once, where the index would have read every match of the word (1.2 s at 5M).
                    return null;
                }
                long oldestRanked = oldestRanked(c, expression.get());
                SqlFilter contains = SqlFilter.ofIndexDriven(filter.withTextContains(null))
                        .and(SqlFilter.CONTAINS, folded);
                SqlFilter where = contains.and("search_fts MATCH ?", expression.get());
                Skipping page = new Skipping(offset, limit, sink);
                run(c, "SELECT " + OpinionRepository.COLUMNS + WAITING, contains, "opinion.rowid DESC",
                        page.wanted(), page);
                if (!page.full()) {
                    run(c, RANKED, where.and("search_fts.rowid >= ?", oldestRanked), "search_fts.rank",
                            page.wanted(), page);
                }
                if (oldestRanked > 0 && !page.full()) {
                    run(c, RANKED, where.and("search_fts.rowid < ?", oldestRanked), "search_fts.rowid DESC",
                            page.wanted(), page);
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** The lowest index key among the {@link #RANK_WINDOW} newest matches; 0 when all of them are ranked. */
    private static long oldestRanked(Connection c, String expression) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM search_fts WHERE search_fts MATCH ? "
                + "ORDER BY rowid DESC LIMIT 1 OFFSET ?")) {
            ps.setString(1, expression);
            ps.setInt(2, RANK_WINDOW);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + 1 : 0;
            }
        }
    }

    private static void run(Connection c, String from, SqlFilter where, String order, int limit,
                            Consumer<Opinion> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(from + where.sql() + " ORDER BY " + order + " LIMIT ?")) {
            ps.setInt(where.bind(ps, 1), limit);
            OpinionRepository.emit(c, ps, sink);
        }
    }

    /**
     * Gives every opinion waiting in {@code search_pending} its search key and its full-text row, set-based, and
     * empties it, in one transaction; returns how many it indexed.
     */
    public int indexPending() {
        return db.write(SearchRepository::indexPending);
    }

    /** As {@link #indexPending()}, inside the caller's write transaction. */
    static int indexPending(Connection c) throws SQLException {
        index(c, "o.id IN (SELECT opinion_id FROM search_pending)");
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM search_pending");
        }
    }

    /**
     * What V004's per-row trigger did, set-based, for the opinions {@code where} selects (a condition on {@code o},
     * with {@code params}) that have no search key yet: search keys and change numbers in the order the opinions were
     * stored, then their full-text rows, in that order.
     */
    static void index(Connection c, String where, Object... params) throws SQLException {
        long seq;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM search_doc")) {
            seq = rs.next() ? rs.getLong(1) : 0;
        }
        try (PreparedStatement docs = c.prepareStatement("INSERT INTO search_doc (opinion_id, seq) "
                + "SELECT o.id, ? + row_number() OVER (ORDER BY o.rowid) FROM opinion o WHERE " + where
                + " ORDER BY o.rowid");
             PreparedStatement fts = c.prepareStatement("INSERT INTO search_fts (rowid, bi, ch) "
                     + "SELECT d.docid, search_bigrams(o.text), search_chars(o.text) "
                     + "FROM opinion o JOIN search_doc d ON d.opinion_id = o.id WHERE " + where
                     + " ORDER BY o.rowid")) {
            docs.setLong(1, seq);
            for (int i = 0; i < params.length; i++) {
                docs.setObject(i + 2, params[i]);
                fts.setObject(i + 1, params[i]);
            }
            docs.executeUpdate();
            fts.executeUpdate();
        }
    }

    /** How many opinions wait for the full-text index. */
    public long pendingCount() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM search_pending")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Hands rows {@code offset..offset+limit-1} of everything it is given to the sink. */
    private static final class Skipping implements Consumer<Opinion> {
        private final int offset;
        private final int limit;
        private final Consumer<Opinion> sink;
        private int seen;

        Skipping(int offset, int limit, Consumer<Opinion> sink) {
            this.offset = Math.max(offset, 0);
            this.limit = limit;
            this.sink = sink;
        }

        /** How many more rows to ask for ({@code -1}: no limit). */
        int wanted() {
            return limit <= 0 ? -1 : offset + limit - seen;
        }

        boolean full() {
            return limit > 0 && seen >= offset + limit;
        }

        @Override
        public void accept(Opinion o) {
            if (seen++ >= offset) {
                sink.accept(o);
            }
        }
    }

    /** As {@link #search(String, OpinionFilter, int, int, Consumer)}, collected: one page of results. */
    public List<Opinion> search(String query, OpinionFilter filter, int offset, int limit) {
        List<Opinion> out = new ArrayList<>();
        search(query, filter, offset, limit, out::add);
        return out;
    }

    /** Id, station and text of the opinions matching the filter, in no particular order. */
    public void texts(OpinionFilter filter, Consumer<OpinionText> sink) {
        SqlFilter where = SqlFilter.of(filter);
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, station, text, deleted_at FROM opinion"
                    + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(readText(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Every opinion whose text or deletion changed (or that was added) after change number {@code after}, oldest
     * change first, then those still waiting for the index (again on every call, until they have their number);
     * returns the last change number seen, to pass next time. From 0: all opinions.
     */
    public long changesSince(long after, Consumer<OpinionText> sink) {
        return db.read(c -> {
            long last = after;
            try (PreparedStatement ps = c.prepareStatement("SELECT search_doc.seq, id, station, text, deleted_at "
                    + "FROM search_doc JOIN opinion ON opinion.id = search_doc.opinion_id "
                    + "WHERE search_doc.seq > ? ORDER BY search_doc.seq")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        sink.accept(readText(rs));
                    }
                }
            }
            // not numbered yet (V030): handed over every time until they are, so nothing waits for the index
            try (PreparedStatement ps = c.prepareStatement("SELECT id, station, text, deleted_at" + WAITING
                    + " ORDER BY opinion.rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(readText(rs));
                }
            }
            return last;
        });
    }

    private static OpinionText readText(ResultSet rs) throws SQLException {
        return new OpinionText(UUID.fromString(rs.getString("id")), rs.getString("station"), rs.getString("text"),
                rs.getString("deleted_at") != null);
    }
}
