package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.OpinionStats;
import org.liaisondesk.model.Page;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.OpinionText;
import org.liaisondesk.model.TagSource;

/** Opinions and their task-area tags. Every change bumps the revision and appends to the audit log. */
public final class OpinionRepository {

    static final String COLUMNS = "id, number, station, received_at, channel, constituent_name, constituent_phone, "
            + "constituent_address, consent_to_contact, received_by, text, status, created_at, updated_at, revision, "
            + "deleted_at, generated";
    private static final int TAG_BATCH = 500;

    private final Database db;

    public OpinionRepository(Database db) {
        this.db = db;
    }

    /** Stores a new opinion, handing out the next number of its station and year; returns it as stored. */
    public Opinion create(Opinion draft, String actor) {
        return db.write(c -> {
            // the clerk's save, many times a day: its statements are prepared once (Database.cached)
            String number = draft.number() != null ? draft.number() : nextNumber(db.cached(c, NEXT_NUMBER),
                    draft.station(), draft.receivedAt().getYear());
            Opinion stored = new Opinion(draft.id(), number, draft.station(), draft.receivedAt(), draft.channel(),
                    draft.constituent(), draft.receivedBy(), draft.text(), draft.tags(), draft.status(),
                    draft.createdAt(), draft.updatedAt(), draft.revision(), false, draft.generated());
            insert(db.cached(c, INSERT), stored);
            if (!stored.tags().isEmpty()) {
                insertTags(db.cached(c, INSERT_TAG), stored.id(), stored.tags());
            }
            AuditLog.append(db, c, actor, "create", stored.id(), number);
            return stored;
        });
    }

    /** Stores many new opinions in one transaction (generation, tests); numbers are handed out as in create. */
    public void createAll(Collection<Opinion> drafts, String actor) {
        db.write(c -> {
            try (BulkInsert bulk = new BulkInsert(c)) {
                for (Opinion d : drafts) {
                    bulk.add(d);
                }
            }
            // Many opinions at once: indexed together before this commits, in one index segment, as imports do.
            SearchRepository.indexPending(c);
            AuditLog.append(c, actor, "create-many", null, Integer.toString(drafts.size()));
            return null;
        });
    }

    /**
     * Replaces the editable fields of an opinion if it is still at {@code expectedRevision}; returns the stored
     * result with the next revision, or empty when someone else changed it first (or it does not exist).
     */
    public Optional<Opinion> update(Opinion changed, int expectedRevision, String actor, String action) {
        return db.write(c -> {
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET received_at=?, channel=?, "
                    + "constituent_name=?, constituent_phone=?, constituent_address=?, consent_to_contact=?, "
                    + "received_by=?, text=?, primary_area=?, status=?, updated_at=?, revision=revision+1 "
                    + "WHERE id=? AND revision=?")) {
                ps.setString(1, changed.receivedAt().toString());
                ps.setString(2, changed.channel().code());
                setConstituent(ps, 3, changed.constituent());
                ps.setString(7, changed.receivedBy());
                ps.setString(8, changed.text());
                setPrimaryArea(ps, 9, changed.tags());
                ps.setString(10, changed.status().code());
                ps.setString(11, now.toString());
                ps.setString(12, changed.id().toString());
                ps.setInt(13, expectedRevision);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Opinion>empty();
                }
            }
            writeTags(c, changed.id(), changed.tags());
            AuditLog.append(c, actor, action, changed.id(), "revision " + (expectedRevision + 1));
            return findIn(c, changed.id());
        });
    }

    /** Moves an opinion to the recycle bin (or back); it is never erased. */
    public boolean setDeleted(UUID id, boolean deleted, String actor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET deleted_at=?, updated_at=?, "
                    + "revision=revision+1 WHERE id=? AND (deleted_at IS NULL) = ?")) {
                String now = Instant.now().toString();
                ps.setString(1, deleted ? now : null);
                ps.setString(2, now);
                ps.setString(3, id.toString());
                ps.setBoolean(4, deleted);
                boolean changed = ps.executeUpdate() == 1;
                if (changed) {
                    AuditLog.append(c, actor, deleted ? "delete" : "restore", id, null);
                }
                return changed;
            }
        });
    }

    public Optional<Opinion> find(UUID id) {
        return db.read(c -> findIn(c, id));
    }

    /** An opinion's new tagger tags, for {@link #replaceAutoTags(List)}. */
    public record AutoTags(UUID opinion, List<AreaTag> tags) {
    }

    /**
     * The text of every opinion whose tags all came from the tagger (or that has none): what a re-tag may change.
     * Unless {@code all}, only those with a tagger tag made against another taxonomy version than {@code version}.
     */
    public List<OpinionText> autoTagged(boolean all, String version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, station, text, deleted_at FROM opinion o "
                    + "WHERE NOT EXISTS (SELECT 1 FROM opinion_tag t WHERE t.opinion_id=o.id AND t.source<>'auto') "
                    + "AND (? OR EXISTS (SELECT 1 FROM opinion_tag t WHERE t.opinion_id=o.id "
                    + "AND t.taxonomy_version IS NOT ?)) ORDER BY id")) {
                ps.setBoolean(1, all);
                ps.setString(2, version);
                List<OpinionText> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OpinionText(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4) != null));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Replaces the tagger's tags of a chunk of opinions in one transaction. An opinion a person tagged meanwhile is
     * left alone (people's choices are never overwritten); the revision stays, as the opinion itself did not change.
     * Returns how many opinions were re-tagged.
     */
    public int replaceAutoTags(List<AutoTags> chunk, String actor) {
        return db.write(c -> {
            int done = 0;
            try (PreparedStatement personal = c.prepareStatement("SELECT 1 FROM opinion_tag WHERE opinion_id=? "
                    + "AND source<>'auto' LIMIT 1");
                 PreparedStatement primary = c.prepareStatement("UPDATE opinion SET primary_area=? WHERE id=?");
                 PreparedStatement del = c.prepareStatement(DELETE_TAGS);
                 PreparedStatement ins = c.prepareStatement(INSERT_TAG)) {
                for (AutoTags a : chunk) {
                    if (a.tags().stream().anyMatch(t -> t.source() != TagSource.AUTO)) {
                        throw new IllegalArgumentException("only tagger tags can be replaced: " + a.opinion());
                    }
                    personal.setString(1, a.opinion().toString());
                    try (ResultSet rs = personal.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    setPrimaryArea(primary, 1, a.tags());
                    primary.setString(2, a.opinion().toString());
                    primary.executeUpdate();
                    writeTags(del, ins, a.opinion(), a.tags());
                    done++;
                }
            }
            AuditLog.append(c, actor, "retag", null, Integer.toString(done));
            return done;
        });
    }

    public long count(OpinionFilter filter) {
        return db.read(c -> count(c, filter));
    }

    /** From the running counts when the filter allows (any size, a few rows read), else by counting the rows. */
    static long count(Connection c, OpinionFilter filter) throws SQLException {
        Optional<SqlFilter> counted = SqlFilter.overCounts(filter);
        SqlFilter where = counted.orElseGet(() -> SqlFilter.of(filter));
        String sql = counted.isPresent() ? "SELECT coalesce(sum(n), 0) FROM opinion_count"
                : "SELECT count(*) FROM opinion";
        try (PreparedStatement ps = c.prepareStatement(sql + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** How many of the opinions {@code filter} selects were made by {@code generate} (V025). */
    public long countGenerated(OpinionFilter filter) {
        return db.read(c -> countGenerated(c, filter));
    }

    private static long countGenerated(Connection c, OpinionFilter filter) throws SQLException {
        SqlFilter where = SqlFilter.of(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM opinion" + where.sql()
                + " AND generated = 1")) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** One page for the list: never more rows than asked for, so the window stays instant on any size. */
    public Page<Opinion> page(OpinionFilter filter, OpinionSort sort, int offset, int limit) {
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                long total = count(c, filter);
                List<Opinion> items = new ArrayList<>(Math.min(limit, 1000));
                if (offset < total) { // past the end (or none at all): the counts say so without reading the rows
                    select(c, SqlFilter.of(filter), sort, offset, limit, items::add);
                }
                return new Page<>(items, offset, total);
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    /** Streams matching opinions in order without holding them all (the command line's {@code list}). */
    public void forEach(OpinionFilter filter, OpinionSort sort, int limit, Consumer<Opinion> sink) {
        db.read(c -> {
            select(c, SqlFilter.of(filter), sort, 0, limit, sink);
            return null;
        });
    }

    public OpinionStats stats() {
        return db.read(c -> {
            Map<String, Long> byArea = new LinkedHashMap<>();
            for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
                byArea.put(Integer.toString(a), 0L);
            }
            byArea.put("none", 0L);
            long total = 0;
            // From the running counts (V008): a few hundred rows, not a scan of every opinion (the list's station
            // filter and the status bar read these when they open).
            for (Map.Entry<String, Long> e : groupCount(c, "area").entrySet()) {
                byArea.put(e.getKey().equals("0") ? "none" : e.getKey(), e.getValue());
                total += e.getValue();
            }
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (Status s : Status.values()) {
                byStatus.put(s.code(), 0L);
            }
            byStatus.putAll(groupCount(c, "status"));
            return new OpinionStats(total, byArea, byStatus, groupCount(c, "station"), groupCount(c, "channel"),
                    countBatches(c, "export"), countBatches(c, "import"), countGenerated(c, OpinionFilter.ALL));
        });
    }

    /**
     * The stations that hold live opinions, in code order, from the running counts alone: what the list's station
     * filter needs when it opens, without {@link #stats()}'s count of generated opinions, which reads an index entry
     * per generated opinion (0.6 s at a million).
     */
    public List<String> stations() {
        return db.read(c -> List.copyOf(groupCount(c, "station").keySet()));
    }

    /** Live (not deleted) opinions per value of a column of {@code opinion_count}, in the column's order. */
    private static Map<String, Long> groupCount(Connection c, String column) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", sum(n) FROM opinion_count "
                + "WHERE deleted = 0 GROUP BY " + column + " HAVING sum(n) > 0 ORDER BY " + column);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long countBatches(Connection c, String direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM batch WHERE direction=?")) {
            ps.setString(1, direction);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void select(Connection c, SqlFilter where, OpinionSort sort, int offset, int limit,
                       Consumer<Opinion> sink) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM opinion" + where.sql() + " ORDER BY " + orderBy(sort)
                + " LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(ps, 1);
            ps.setInt(next, limit <= 0 ? -1 : limit);
            ps.setInt(next + 1, offset);
            emit(c, ps, sink);
        }
    }

    /** Runs a query selecting {@link #COLUMNS} and hands each opinion, with its tags, to the sink in order. */
    static void emit(Connection c, PreparedStatement ps, Consumer<Opinion> sink) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            stream(c, rs, sink);
        }
    }

    /** Hands each row of {@code rs} (selected with {@link #COLUMNS}) to {@code sink} with its tags, in chunks. */
    static void stream(Connection c, ResultSet rs, Consumer<Opinion> sink) throws SQLException {
        List<Opinion> chunk = new ArrayList<>(TAG_BATCH);
        while (rs.next()) {
            chunk.add(read(rs, List.of()));
            if (chunk.size() == TAG_BATCH) {
                withTags(c, chunk).forEach(sink);
                chunk.clear();
            }
        }
        withTags(c, chunk).forEach(sink);
    }

    static String orderBy(OpinionSort sort) {
        String dir = sort.ascending() ? " ASC" : " DESC";
        String column = switch (sort.field()) {
            case RECEIVED_AT -> "received_at";
            case NUMBER -> "number";
            case CHANNEL -> "channel";
            case STATUS -> "status";
            case AREA -> "primary_area";
            case STATION -> "station";
            case UPDATED_AT -> "updated_at";
        };
        return column + dir + ", received_at" + dir + ", id" + dir;
    }

    /** Loads the tags of a chunk of opinions with one query and returns the opinions with their tags. */
    static List<Opinion> withTags(Connection c, List<Opinion> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return List.of();
        }
        Map<String, List<AreaTag>> tags = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT opinion_id, area, subtopic_id, clause, is_primary, "
                + "score, source, set_by, taxonomy_version FROM opinion_tag WHERE opinion_id IN (" + marks + ") "
                + "ORDER BY is_primary DESC, score DESC, area")) {
            for (int i = 0; i < chunk.size(); i++) {
                ps.setString(i + 1, chunk.get(i).id().toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(readTag(rs));
                }
            }
        }
        List<Opinion> out = new ArrayList<>(chunk.size());
        for (Opinion o : chunk) {
            List<AreaTag> t = tags.getOrDefault(o.id().toString(), List.of());
            out.add(new Opinion(o.id(), o.number(), o.station(), o.receivedAt(), o.channel(), o.constituent(),
                    o.receivedBy(), o.text(), t, o.status(), o.createdAt(), o.updatedAt(), o.revision(),
                    o.deleted(), o.generated()));
        }
        return out;
    }

    static Optional<Opinion> findIn(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM opinion WHERE id=?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(withTags(c, List.of(read(rs, List.of()))).get(0));
            }
        }
    }

    static Opinion read(ResultSet rs, List<AreaTag> tags) throws SQLException {
        return new Opinion(UUID.fromString(rs.getString("id")), rs.getString("number"), rs.getString("station"),
                LocalDateTime.parse(rs.getString("received_at")),
                Channel.fromCode(rs.getString("channel")).orElse(Channel.VISIT),
                new Constituent(rs.getString("constituent_name"), rs.getString("constituent_phone"),
                        rs.getString("constituent_address"), rs.getBoolean("consent_to_contact")),
                rs.getString("received_by"), rs.getString("text"), tags,
                Status.fromCode(rs.getString("status")).orElse(Status.RECORDED),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")),
                rs.getInt("revision"), rs.getString("deleted_at") != null, rs.getBoolean("generated"));
    }

    private static AreaTag readTag(ResultSet rs) throws SQLException {
        return new AreaTag(rs.getInt("area"), rs.getString("subtopic_id"), rs.getString("clause"),
                rs.getBoolean("is_primary"), rs.getDouble("score"),
                TagSource.fromCode(rs.getString("source")).orElse(TagSource.AUTO), rs.getString("set_by"),
                rs.getString("taxonomy_version"));
    }

    static final String INSERT = "INSERT INTO opinion (id, number, station, received_at, channel, "
            + "constituent_name, constituent_phone, constituent_address, consent_to_contact, received_by, text, "
            + "primary_area, status, created_at, updated_at, revision, primary_subtopic) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** {@link #INSERT} for an opinion made by {@code generate}: marked as generated (V025). */
    static final String INSERT_GENERATED = INSERT.replace("primary_subtopic) VALUES (",
            "primary_subtopic, generated) VALUES (").replace("?)", "?, 1)");
    /**
     * {@link #INSERT} for an opinion a batch carried, with {@code deleted_at} as the 18th parameter; it inserts
     * nothing when the id, or the station and number, are already held.
     */
    static final String INSERT_CARRIED = INSERT.replace("primary_subtopic) VALUES (",
            "primary_subtopic, deleted_at) VALUES (?,") + " ON CONFLICT DO NOTHING";
    static final String DELETE_TAGS = "DELETE FROM opinion_tag WHERE opinion_id=?";
    static final String INSERT_TAG = "INSERT INTO opinion_tag (opinion_id, area, subtopic_id, clause, is_primary, "
            + "score, source, set_by, taxonomy_version) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String NEXT_NUMBER = "INSERT INTO opinion_sequence (station, year, last) VALUES (?, ?, 1) "
            + "ON CONFLICT (station, year) DO UPDATE SET last = last + 1 RETURNING last";

    static void insert(Connection c, Opinion o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            insert(ps, o);
        }
    }

    /** Inserts with a statement prepared from {@link #INSERT}, for callers that insert many in a row. */
    static void insert(PreparedStatement ps, Opinion o) throws SQLException {
        bindOpinion(ps, o, o.number());
        ps.executeUpdate();
    }

    static void bindOpinion(PreparedStatement ps, Opinion o, String number) throws SQLException {
        ps.setString(1, o.id().toString());
        ps.setString(2, number);
        ps.setString(3, o.station());
        ps.setString(4, o.receivedAt().toString());
        ps.setString(5, o.channel().code());
        setConstituent(ps, 6, o.constituent());
        ps.setString(10, o.receivedBy());
        ps.setString(11, o.text());
        setPrimaryArea(ps, 12, o.tags());
        ps.setString(13, o.status().code());
        ps.setString(14, o.createdAt().toString());
        ps.setString(15, o.updatedAt().toString());
        ps.setInt(16, o.revision());
        // V029: written with the row, so the tag trigger that keeps it finds nothing to change.
        ps.setString(17, o.tags().stream().filter(AreaTag::primary).findFirst().map(AreaTag::subtopicId)
                .orElse(null));
    }

    private static void bindTag(PreparedStatement ps, UUID id, AreaTag t) throws SQLException {
        ps.setString(1, id.toString());
        ps.setInt(2, t.area());
        ps.setString(3, t.subtopicId());
        ps.setString(4, t.clause());
        ps.setBoolean(5, t.primary());
        ps.setDouble(6, t.score());
        ps.setString(7, t.source().code());
        ps.setString(8, t.setBy());
        ps.setString(9, t.taxonomyVersion());
    }

    static void writeTags(Connection c, UUID id, List<AreaTag> tags) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(DELETE_TAGS);
             PreparedStatement ins = c.prepareStatement(INSERT_TAG)) {
            writeTags(del, ins, id, tags);
        }
    }

    /** Replaces the tags with statements prepared from {@link #DELETE_TAGS} and {@link #INSERT_TAG}. */
    static void writeTags(PreparedStatement del, PreparedStatement ins, UUID id, List<AreaTag> tags)
            throws SQLException {
        del.setString(1, id.toString());
        del.executeUpdate();
        if (!tags.isEmpty()) {
            insertTags(ins, id, tags);
        }
    }

    /** Inserts the tags of an opinion that has none yet, with a statement prepared from {@link #INSERT_TAG}. */
    static void insertTags(PreparedStatement ins, UUID id, List<AreaTag> tags) throws SQLException {
        for (AreaTag t : tags) {
            bindTag(ins, id, t);
            ins.addBatch();
        }
        ins.executeBatch();
    }

    static void setConstituent(PreparedStatement ps, int first, Constituent who) throws SQLException {
        ps.setString(first, who.name());
        ps.setString(first + 1, who.phone());
        ps.setString(first + 2, who.address());
        ps.setBoolean(first + 3, who.consentToContact());
    }

    static void setPrimaryArea(PreparedStatement ps, int index, List<AreaTag> tags) throws SQLException {
        Optional<AreaTag> primary = tags.stream().filter(AreaTag::primary).findFirst();
        if (primary.isPresent()) {
            ps.setInt(index, primary.get().area());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    private static String nextNumber(Connection c, String station, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEXT_NUMBER)) {
            return nextNumber(ps, station, year);
        }
    }

    private static String nextNumber(PreparedStatement sequence, String station, int year) throws SQLException {
        sequence.setString(1, station);
        sequence.setInt(2, year);
        long next;
        try (ResultSet rs = sequence.executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        String digits = Long.toString(next);
        // Zero-padded by hand: String.format cost more than the insert itself in bulk runs.
        return station + "-" + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    /**
     * Inserts many opinions on one connection with statements prepared once: preparing per row cost more than the
     * inserts themselves.
     */
    private static final class BulkInsert implements AutoCloseable {

        private final PreparedStatement opinion;
        private final PreparedStatement generated;
        private final PreparedStatement tag;
        private final PreparedStatement sequence;

        BulkInsert(Connection c) throws SQLException {
            opinion = c.prepareStatement(INSERT);
            generated = c.prepareStatement(INSERT_GENERATED);
            tag = c.prepareStatement(INSERT_TAG);
            sequence = c.prepareStatement(NEXT_NUMBER);
        }

        void add(Opinion d) throws SQLException {
            String number = d.number() != null ? d.number() : nextNumber(sequence, d.station(),
                    d.receivedAt().getYear());
            PreparedStatement insert = d.generated() ? generated : opinion;
            bindOpinion(insert, d, number);
            insert.executeUpdate();
            for (AreaTag t : d.tags()) {
                bindTag(tag, d.id(), t);
                tag.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            opinion.close();
            generated.close();
            tag.close();
            sequence.close();
        }
    }
}
