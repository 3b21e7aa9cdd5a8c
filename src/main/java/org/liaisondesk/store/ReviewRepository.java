package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Page;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.ReviewRecord;
import org.liaisondesk.model.Status;

/**
 * Deputies' reviews and the history of review changes (migration V011). A change, its history entries and the
 * opinion's new revision commit together, and only if the opinion is still at the revision the reviewer saw.
 */
public final class ReviewRepository {

    private static final String REVIEW_COLUMNS = "opinion_id, note, priority, handling, reason, reply, reviewed_by, "
            + "reviewed_at";
    static final String UPSERT = "INSERT INTO opinion_review (" + REVIEW_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (opinion_id) DO UPDATE SET note=excluded.note, priority=excluded.priority, "
            + "handling=excluded.handling, reason=excluded.reason, reply=excluded.reply, "
            + "reviewed_by=excluded.reviewed_by, reviewed_at=excluded.reviewed_at";
    static final String INSERT_HISTORY = "INSERT OR IGNORE INTO opinion_history (opinion_id, at, actor, "
            + "action, revision, before, after) VALUES (?,?,?,?,?,?,?)";

    private static final String NOT_REVIEWED = "('recorded', 'exported')";
    private static final String UNREVIEWED = " FROM opinion WHERE deleted_at IS NULL AND status IN " + NOT_REVIEWED
            + " AND NOT EXISTS (SELECT 1 FROM opinion_review r WHERE r.opinion_id = opinion.id "
            + "AND r.reviewed_at IS NOT NULL)";

    /** Opinions of a matter linked with at least ? opinions (the parameter: Priority.RAISE_AT_RESIDENTS). */
    private static final String RAISED = "SELECT l.opinion_id FROM opinion_link l WHERE l.matter_id IN "
            + "(SELECT matter_id FROM opinion_link GROUP BY matter_id HAVING count(*) >= ?)";

    private final Database db;

    public ReviewRepository(Database db) {
        this.db = db;
    }

    /** A change of an opinion's areas, status and review, with the history entries that describe it. */
    public record Change(List<AreaTag> tags, Status status, Review review, List<HistoryEntry> history) {
    }

    /**
     * Applies {@code change} if the opinion is still at {@code expectedRevision}; the history entries get the new
     * revision. Empty when someone changed the opinion first (or it does not exist).
     */
    public Optional<Opinion> apply(UUID id, int expectedRevision, Change change, String actor, String action) {
        return db.write(c -> applyIn(c, id, expectedRevision, change, actor, action));
    }

    /** One opinion's part of {@link #applyAll}: a change expected at a revision. */
    public record Pending(UUID id, int expectedRevision, Change change) {
    }

    /**
     * Applies every change in one transaction: all of them, or none when any opinion changed since it was read
     * (then empty). A group review is one decision; half a group reviewed is no state a deputy can reason about.
     */
    public Optional<List<Opinion>> applyAll(List<Pending> changes, String actor, String action) {
        try {
            return Optional.of(db.write(c -> {
                List<Opinion> saved = new ArrayList<>();
                for (Pending p : changes) {
                    saved.add(applyIn(c, p.id(), p.expectedRevision(), p.change(), actor, action)
                            .orElseThrow(ChangedElsewhere::new));
                }
                return List.copyOf(saved);
            }));
        } catch (ChangedElsewhere e) {
            return Optional.empty();
        }
    }

    /** Rolls {@link #applyAll}'s transaction back when one opinion moved on since it was read. */
    private static final class ChangedElsewhere extends RuntimeException {
        ChangedElsewhere() {
            super(null, null, false, false);
        }
    }

    private static Optional<Opinion> applyIn(Connection c, UUID id, int expectedRevision, Change change,
                                             String actor, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET primary_area=?, status=?, "
                + "updated_at=?, revision=revision+1 WHERE id=? AND revision=? AND deleted_at IS NULL")) {
            OpinionRepository.setPrimaryArea(ps, 1, change.tags());
            ps.setString(2, change.status().code());
            ps.setString(3, Instant.now().toString());
            ps.setString(4, id.toString());
            ps.setInt(5, expectedRevision);
            if (ps.executeUpdate() == 0) {
                return Optional.<Opinion>empty();
            }
        }
        int revision = expectedRevision + 1;
        OpinionRepository.writeTags(c, id, change.tags());
        try (PreparedStatement upsert = c.prepareStatement(UPSERT);
             PreparedStatement history = c.prepareStatement(INSERT_HISTORY)) {
            bindReview(upsert, change.review());
            upsert.executeUpdate();
            for (HistoryEntry h : change.history()) {
                bindHistory(history, id, new HistoryEntry(h.at(), h.actor(), h.action(), revision, h.before(),
                        h.after()));
                history.executeUpdate();
            }
        }
        AuditLog.append(c, actor, action, id, "revision " + revision);
        return OpinionRepository.findIn(c, id);
    }

    /**
     * Reviews of opinions just generated as demonstration data with the status reviewed, each with its
     * {@code review} history entry (revision 1), in one transaction: a reviewed opinion always has its review.
     */
    public void storeGenerated(List<Review> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT);
                 PreparedStatement history = c.prepareStatement(INSERT_HISTORY)) {
                for (Review r : reviews) {
                    bindReview(upsert, r);
                    upsert.addBatch();
                    bindHistory(history, r.opinionId(), new HistoryEntry(r.reviewedAt(), r.reviewedBy(), "review", 1,
                            Status.RECORDED.code(), Status.REVIEWED.code()));
                    history.addBatch();
                }
                upsert.executeBatch();
                history.executeBatch();
            }
            return null;
        });
    }

    /**
     * One page of the opinions not yet reviewed: recorded, or exported (a batch carries unreviewed opinions too, and
     * the general station reviews what it imported) without a review. Deleted ones are left out.
     */
    public Page<Opinion> unreviewed(OpinionSort sort, int offset, int limit) {
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                List<Opinion> items = new ArrayList<>(Math.min(limit, 1000));
                // matters raised by many residents first (Priority.RAISE_AT_RESIDENTS), then the rest, each in order
                int raised = 0;
                boolean anyRaised;
                // cheap (the link index only): without any such matter the queue costs what it did before
                try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM opinion_link "
                        + "GROUP BY matter_id HAVING count(*) >= ?)")) {
                    ps.setInt(1, Priority.RAISE_AT_RESIDENTS);
                    try (ResultSet rs = ps.executeQuery()) {
                        anyRaised = rs.next() && rs.getInt(1) == 1;
                    }
                }
                if (anyRaised) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + UNREVIEWED + " AND id IN ("
                            + RAISED + ")")) {
                        ps.setInt(1, Priority.RAISE_AT_RESIDENTS);
                        try (ResultSet rs = ps.executeQuery()) {
                            raised = rs.next() ? rs.getInt(1) : 0;
                        }
                    }
                }
                if (offset < raised) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + OpinionRepository.COLUMNS + UNREVIEWED
                            + " AND id IN (" + RAISED + ") ORDER BY " + OpinionRepository.orderBy(sort)
                            + " LIMIT ? OFFSET ?")) {
                        ps.setInt(1, Priority.RAISE_AT_RESIDENTS);
                        ps.setInt(2, limit);
                        ps.setInt(3, offset);
                        OpinionRepository.emit(c, ps, items::add);
                    }
                }
                int left = limit - items.size();
                if (left > 0) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + OpinionRepository.COLUMNS + UNREVIEWED
                            + (raised > 0 ? " AND id NOT IN (" + RAISED + ")" : "")
                            + " ORDER BY " + OpinionRepository.orderBy(sort) + " LIMIT ? OFFSET ?")) {
                        int i = 1;
                        if (raised > 0) {
                            ps.setInt(i++, Priority.RAISE_AT_RESIDENTS);
                        }
                        ps.setInt(i++, left);
                        ps.setInt(i, Math.max(0, offset - raised));
                        OpinionRepository.emit(c, ps, items::add);
                    }
                }
                return new Page<>(items, offset, unreviewedCount(c));
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    public long unreviewedCount() {
        return db.read(ReviewRepository::unreviewedCount);
    }

    /** From the running counts (V008) less the reviewed ones, which are few: fast on any size. */
    private static long unreviewedCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT coalesce(sum(n), 0) FROM opinion_count "
                + "WHERE deleted = 0 AND status IN " + NOT_REVIEWED + ") - (SELECT count(*) FROM opinion_review r "
                + "JOIN opinion o ON o.id = r.opinion_id WHERE r.reviewed_at IS NOT NULL AND o.deleted_at IS NULL "
                + "AND o.status IN " + NOT_REVIEWED + ")");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public Optional<Review> find(UUID id) {
        return db.read(c -> findIn(c, id));
    }

    /** The opinion's review history, oldest first. */
    public List<HistoryEntry> history(UUID id) {
        return db.read(c -> historyIn(c, id));
    }

    /**
     * Reviews and histories of the opinions {@code idsQuery} selects (one parameter), for a batch to carry; opinions
     * with neither are absent.
     */
    static Map<UUID, ReviewRecord> recordsOf(Connection c, String idsQuery, String param) throws SQLException {
        Map<UUID, Review> reviews = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM opinion_review WHERE opinion_id IN (" + idsQuery + ")")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Review r = readReview(rs);
                    reviews.put(r.opinionId(), r);
                }
            }
        }
        Map<UUID, List<HistoryEntry>> histories = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT opinion_id, at, actor, action, revision, before, "
                + "after FROM opinion_history WHERE opinion_id IN (" + idsQuery + ") ORDER BY revision, id")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    histories.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                            .add(readHistory(rs));
                }
            }
        }
        Map<UUID, ReviewRecord> out = new HashMap<>();
        for (Map.Entry<UUID, Review> e : reviews.entrySet()) {
            out.put(e.getKey(), new ReviewRecord(e.getValue(), histories.getOrDefault(e.getKey(), List.of())));
        }
        for (Map.Entry<UUID, List<HistoryEntry>> e : histories.entrySet()) {
            out.putIfAbsent(e.getKey(), new ReviewRecord(Review.none(e.getKey()), e.getValue()));
        }
        return out;
    }

    /**
     * Stores what a batch carried, inside the import's transaction: the review replaces the one held, history
     * entries not yet held are added; with statements prepared from {@link #UPSERT} and {@link #INSERT_HISTORY}
     * (an import reuses them for every opinion).
     */
    static void storeCarried(PreparedStatement upsert, PreparedStatement history, UUID id, ReviewRecord carried)
            throws SQLException {
        bindReview(upsert, carried.review());
        upsert.executeUpdate();
        for (HistoryEntry h : carried.history()) {
            bindHistory(history, id, h);
            history.executeUpdate();
        }
    }

    private static Optional<Review> findIn(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM opinion_review WHERE opinion_id=?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readReview(rs)) : Optional.empty();
            }
        }
    }

    private static List<HistoryEntry> historyIn(Connection c, UUID id) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT opinion_id, at, actor, action, revision, before, after "
                + "FROM opinion_history WHERE opinion_id=? ORDER BY revision, id")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readHistory(rs));
                }
            }
        }
        return out;
    }

    private static void bindReview(PreparedStatement ps, Review r) throws SQLException {
        ps.setString(1, r.opinionId().toString());
        ps.setString(2, r.note());
        ps.setString(3, r.priority().code());
        ps.setString(4, r.handling() == null ? null : r.handling().code());
        ps.setString(5, r.reason());
        ps.setString(6, r.reply());
        ps.setString(7, r.reviewedBy());
        ps.setString(8, r.reviewedAt() == null ? null : r.reviewedAt().toString());
    }

    private static void bindHistory(PreparedStatement ps, UUID id, HistoryEntry h) throws SQLException {
        ps.setString(1, id.toString());
        ps.setString(2, h.at().toString());
        ps.setString(3, h.actor());
        ps.setString(4, h.action());
        ps.setInt(5, h.revision());
        ps.setString(6, h.before());
        ps.setString(7, h.after());
    }

    private static Review readReview(ResultSet rs) throws SQLException {
        String handling = rs.getString("handling");
        String at = rs.getString("reviewed_at");
        return new Review(UUID.fromString(rs.getString("opinion_id")), rs.getString("note"),
                Priority.fromCode(rs.getString("priority")).orElse(Priority.NORMAL),
                handling == null ? null : Handling.fromCode(handling).orElse(null), rs.getString("reason"),
                rs.getString("reply"), rs.getString("reviewed_by"), at == null ? null : Instant.parse(at));
    }

    private static HistoryEntry readHistory(ResultSet rs) throws SQLException {
        return new HistoryEntry(Instant.parse(rs.getString("at")), rs.getString("actor"), rs.getString("action"),
                rs.getInt("revision"), rs.getString("before"), rs.getString("after"));
    }
}
