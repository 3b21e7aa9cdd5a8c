package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.ImportCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.ReviewRecord;
import org.liaisondesk.model.SequenceRange;

/**
 * The SQL of the exchange: which opinions the next batch must carry, the batch history, and the writes of recording
 * an export or applying an import, each in one transaction through {@link #transaction}.
 */
public final class ExchangeRepository {

    /** Never sent, or changed (a newer revision) since it was last sent. */
    private static final String PENDING = " FROM opinion o WHERE o.station = ? AND NOT EXISTS (SELECT 1 FROM "
            + "batch_item bi WHERE bi.opinion_id = o.id AND bi.revision >= o.revision)" + carriesGenerated("o");
    /** What an earlier export carried, for writing it again. */
    private static final String IN_BATCH = " FROM opinion o WHERE o.id IN (SELECT opinion_id FROM batch_item "
            + "WHERE batch_id = ?)";
    private static final String BATCH_COLUMNS = "id, direction, station, station_name, sequence, created_at, "
            + "recorded_at, opinion_count, sha256, file_name, added_count, updated_count, unchanged_count, "
            + "conflict_count, privacy, encrypted, signed_by";

    /** The setting {@code generate --demo} writes: this database is a demonstration database (V025). */
    public static final String DEMO_SETTING = "generate.demo";

    private final Database db;

    /**
     * Opinions made by {@code generate} travel only from a demonstration database: one declared so by
     * {@code generate --demo}, or one holding no real opinion at all (benchmarks, training). A station that holds
     * real opinions keeps its generated ones to itself, so test data never reaches the general station as real.
     * Both sub-queries are uncorrelated, evaluated once per statement.
     */
    static String carriesGenerated(String alias) {
        return " AND (" + alias + ".generated = 0 OR EXISTS (SELECT 1 FROM setting WHERE key = '" + DEMO_SETTING
                + "' AND value = 'true') OR NOT EXISTS (SELECT 1 FROM opinion r WHERE r.generated = 0 "
                + "AND r.deleted_at IS NULL))";
    }

    /** One row of the running counts (V008): the opinions of this status, recycle-bin state, channel, area, station. */
    private record CountGroup(String status, int deleted, String channel, int area, String station) {
        /** Binds deleted, channel, area and station from {@code index} on. */
        void bindAfterStatus(PreparedStatement ps, int index) throws SQLException {
            ps.setInt(index, deleted);
            ps.setString(index + 1, channel);
            ps.setInt(index + 2, area);
            ps.setString(index + 3, station);
        }
    }

    public ExchangeRepository(Database db) {
        this.db = db;
    }

    /**
     * Counts of a selection of opinions, taken in the same snapshot as the opinions themselves, and the reviews and
     * histories of those that have any (V011), which the batch carries beside them.
     */
    public record Selection(long count, Map<String, Long> byArea, List<String> taxonomyVersions,
                            Map<UUID, ReviewRecord> reviews) {
    }

    /** Reads a selection of opinions: its counts first, then the opinions one by one, all from one snapshot. */
    @FunctionalInterface
    public interface SelectionReader<T> {
        T read(Selection selection, Consumer<Consumer<Opinion>> opinions);
    }

    /** The opinions of {@code station} the next batch must carry, in the order they were recorded. */
    public <T> T readPending(String station, SelectionReader<T> reader) {
        return readSelection(PENDING, station, reader);
    }

    /** The opinions an earlier export carried, as they are now, in the order they were recorded. */
    public <T> T readBatchContent(UUID batchId, SelectionReader<T> reader) {
        return readSelection(IN_BATCH, batchId.toString(), reader);
    }

    private <T> T readSelection(String from, String param, SelectionReader<T> reader) {
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                Selection selection = selection(c, from, param);
                return reader.read(selection, sink -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed() + from
                            + " ORDER BY o.rowid")) {
                        ps.setString(1, param);
                        try (ResultSet rs = ps.executeQuery()) {
                            OpinionRepository.stream(c, rs, sink);
                        }
                    } catch (SQLException e) {
                        throw Database.translate(e, db.file());
                    }
                });
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    private static String prefixed() {
        return "o." + OpinionRepository.COLUMNS.replace(", ", ", o.");
    }

    private static Selection selection(Connection c, String from, String param) throws SQLException {
        Map<String, Long> byArea = new LinkedHashMap<>();
        for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
            byArea.put(Integer.toString(a), 0L);
        }
        byArea.put("none", 0L);
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT o.primary_area, count(*)" + from
                + " GROUP BY o.primary_area")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int area = rs.getInt(1);
                    byArea.put(rs.wasNull() ? "none" : Integer.toString(area), rs.getLong(2));
                    count += rs.getLong(2);
                }
            }
        }
        List<String> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT t.taxonomy_version FROM opinion_tag t "
                + "WHERE t.taxonomy_version IS NOT NULL AND t.opinion_id IN (SELECT o.id" + from + ") "
                + "ORDER BY t.taxonomy_version")) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
        }
        return new Selection(count, byArea, versions,
                ReviewRepository.recordsOf(c, "SELECT o.id" + from, param));
    }

    /** The highest sequence number this station has exported, 0 before the first batch. */
    /**
     * The highest sequence number the station has used: recorded exports, and attempts whose file reached the medium
     * but were never recorded (the program was killed in between), so no number is used twice.
     */
    public int lastExportSequence(String station) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(coalesce((SELECT max(sequence) FROM batch "
                    + "WHERE direction='export' AND station=?1), 0), coalesce((SELECT max(sequence) FROM "
                    + "export_attempt WHERE station=?1), 0))")) {
                ps.setString(1, station);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    public Optional<BatchRecord> findExport(String station, int sequence) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS
                    + " FROM batch WHERE direction='export' AND station=? AND sequence=?")) {
                ps.setString(1, station);
                ps.setInt(2, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readBatch(rs)) : Optional.<BatchRecord>empty();
                }
            }
        });
    }

    /**
     * Notes that batch {@code sequence} is about to get its final name on the medium; see V013. Kept after the export
     * is recorded; removed by {@link #forgetExportAttempt} when the export fails and its file is deleted.
     */
    public void recordExportAttempt(String station, int sequence, UUID batchId, String sha256, String fileName,
                                    Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO export_attempt (station, sequence, "
                    + "batch_id, sha256, file_name, attempted_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, station);
                ps.setInt(2, sequence);
                ps.setString(3, batchId.toString());
                ps.setString(4, sha256);
                ps.setString(5, fileName);
                ps.setString(6, at.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** An attempt whose file was deleted again (the export failed): its number may be used again. */
    public void forgetExportAttempt(String station, int sequence) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM export_attempt WHERE station=? AND sequence=? "
                    + "AND NOT EXISTS (SELECT 1 FROM batch WHERE direction='export' AND station=? AND sequence=?)")) {
                ps.setString(1, station);
                ps.setInt(2, sequence);
                ps.setString(3, station);
                ps.setInt(4, sequence);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Attempts whose file reached the medium but that were never recorded as exports (at most {@code limit}). */
    public List<String> unrecordedExportAttempts(String station, int limit) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence, batch_id, file_name FROM export_attempt a "
                    + "WHERE station=? AND NOT EXISTS (SELECT 1 FROM batch b WHERE b.direction='export' "
                    + "AND b.station=a.station AND b.sequence=a.sequence) ORDER BY sequence LIMIT ?")) {
                ps.setString(1, station);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                    }
                }
            }
            return out;
        });
    }

    /** The batch history, newest first. */
    public List<BatchRecord> batches(BatchRecord.Direction direction, int limit) {
        return db.read(c -> {
            List<BatchRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM batch "
                    + "WHERE direction=? ORDER BY recorded_at DESC, station, sequence DESC LIMIT ?")) {
                ps.setString(1, direction.code());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readBatch(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The first {@code limit} ranges of sequence numbers not imported from {@code station} below the highest one
     * imported, ascending. Memory and time follow the batches held, never the numbers they claim (a stored 2147483647
     * is one range, 2–2147483646).
     */
    public List<SequenceRange> importGaps(String station, int limit) {
        return db.read(c -> {
            List<SequenceRange> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s + 1, next - 1 FROM (SELECT s, "
                    + "lead(s) OVER (ORDER BY s) AS next FROM (SELECT 0 AS s UNION SELECT sequence FROM batch "
                    + "WHERE direction='import' AND station=? AND sequence >= 1)) WHERE next > s + 1 ORDER BY s "
                    + "LIMIT ?")) {
                ps.setString(1, station);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SequenceRange(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    /** Conflicts nobody has resolved yet, oldest first. */
    public List<ExchangeConflict> openConflicts(int limit) {
        return db.read(c -> {
            List<ExchangeConflict> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, batch_id, opinion_id, number, station, "
                    + "revision, kind, incoming, detected_at FROM exchange_conflict WHERE resolved_at IS NULL "
                    + "ORDER BY detected_at, id LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExchangeConflict(rs.getLong(1), UUID.fromString(rs.getString(2)),
                                UUID.fromString(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6),
                                ExchangeConflict.Kind.fromCode(rs.getString(7)), rs.getString(8),
                                Instant.parse(rs.getString(9))));
                    }
                }
            }
            return out;
        });
    }

    private static BatchRecord readBatch(ResultSet rs) throws SQLException {
        ImportCounts counts = null;
        long added = rs.getLong("added_count");
        if (!rs.wasNull()) {
            counts = new ImportCounts(added, rs.getLong("updated_count"), rs.getLong("unchanged_count"),
                    rs.getLong("conflict_count"));
        }
        return new BatchRecord(UUID.fromString(rs.getString("id")),
                BatchRecord.Direction.fromCode(rs.getString("direction")), rs.getString("station"),
                rs.getString("station_name"), rs.getInt("sequence"), Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("recorded_at")), rs.getLong("opinion_count"), rs.getString("sha256"),
                rs.getString("file_name"), counts,
                ExportPrivacy.fromCode(rs.getString("privacy")).orElse(null), rs.getBoolean("encrypted"),
                rs.getString("signed_by"));
    }

    /**
     * The audit-chain head an exported batch carried, read back from its export's audit entry (an earlier batch
     * written again carries the same); empty for batches written before the field existed.
     */
    public Optional<String> exportedAuditHead(UUID batchId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT detail FROM audit_log WHERE action='export' "
                    + "AND detail LIKE ? ORDER BY id LIMIT 1")) {
                ps.setString(1, "batch=" + batchId + " %");
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        Matcher m = AUDIT_HEAD.matcher(rs.getString(1));
                        if (m.find()) {
                            return Optional.of(m.group(1));
                        }
                    }
                }
            }
            return Optional.<String>empty();
        });
    }

    private static final Pattern AUDIT_HEAD = Pattern.compile(" auditHead=([0-9]+:[0-9a-f]{64})");

    /**
     * The head of this database's audit-log hash chain, {@code <entry id>:<sha-256 hex>}: an upward batch carries it so
     * the general station holds an anchor of the station's log.
     */
    public String auditHead() {
        return db.read(c -> {
            AuditLog.Head head = AuditLog.head(c);
            return head.id() + ":" + head.hash();
        });
    }

    /** Runs {@code work} in one write transaction: everything it did is kept, or nothing if it throws. */
    public <T> T transaction(Function<Transaction, T> work) {
        return db.write(c -> {
            try (Transaction tx = new Transaction(c)) {
                T result = work.apply(tx);
                tx.finishBulk();
                return result;
            }
        });
    }

    /** The writes of the exchange, valid only inside {@link #transaction}. */
    public final class Transaction implements AutoCloseable {

        private final Connection c;
        /** Statements reused for every opinion of a batch: preparing them anew costs as much as running them. */
        private final PreparedStatements prepared;
        /** While a bulk write is open (V021): the largest rowid of {@code opinion} before it; else null. */
        private Long bulkSince;

        private Transaction(Connection c) {
            this.c = c;
            this.prepared = new PreparedStatements(c);
        }

        /** The batch a station's sequence number was imported as (trust and integrity: a number is used once). */
        public Optional<BatchRecord> findImport(String station, int sequence) {
            return sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM batch "
                        + "WHERE direction='import' AND station=? AND sequence=? LIMIT 1")) {
                    ps.setString(1, station);
                    ps.setInt(2, sequence);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(readBatch(rs)) : Optional.<BatchRecord>empty();
                    }
                }
            });
        }

        public Optional<BatchRecord> findBatch(UUID batchId) {
            return sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM batch WHERE id=?")) {
                    ps.setString(1, batchId.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(readBatch(rs)) : Optional.<BatchRecord>empty();
                    }
                }
            });
        }

        /** Records a batch; an import's counts and checksum are completed by {@link #completeImport}. */
        public void insertBatch(BatchRecord b) {
            sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch (id, direction, station, "
                        + "station_name, sequence, created_at, recorded_at, opinion_count, sha256, file_name, "
                        + "privacy, encrypted, signed_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, b.id().toString());
                    ps.setString(2, b.direction().code());
                    ps.setString(3, b.station());
                    ps.setString(4, b.stationName());
                    ps.setInt(5, b.sequence());
                    ps.setString(6, b.createdAt().toString());
                    ps.setString(7, b.recordedAt().toString());
                    ps.setLong(8, b.opinionCount());
                    ps.setString(9, b.sha256());
                    ps.setString(10, b.fileName());
                    ps.setString(11, b.privacy() == null ? null : b.privacy().code());
                    ps.setBoolean(12, b.encrypted());
                    ps.setString(13, b.signedBy());
                    ps.executeUpdate();
                }
                return null;
            });
        }

        public void completeImport(UUID batchId, String sha256, ImportCounts counts) {
            sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET sha256=?, added_count=?, "
                        + "updated_count=?, unchanged_count=?, conflict_count=? WHERE id=?")) {
                    ps.setString(1, sha256);
                    ps.setLong(2, counts.added());
                    ps.setLong(3, counts.updated());
                    ps.setLong(4, counts.unchanged());
                    ps.setLong(5, counts.conflicts());
                    ps.setString(6, batchId.toString());
                    ps.executeUpdate();
                }
                return null;
            });
        }

        /** Notes that the batch carried this opinion at this revision; false when it already listed the opinion. */
        public boolean addItem(UUID batchId, UUID opinionId, int revision) {
            return sql(() -> {
                PreparedStatement addItem = prepared("INSERT INTO batch_item (batch_id, opinion_id, revision) "
                        + "VALUES (?,?,?) ON CONFLICT DO NOTHING");
                addItem.setString(1, batchId.toString());
                addItem.setString(2, opinionId.toString());
                addItem.setInt(3, revision);
                return addItem.executeUpdate() == 1;
            });
        }

        /**
         * After a verified export: opinions still at the revision the batch carried move from recorded (or reviewed)
         * to exported. The revision stays, because the batch already carried the opinion with that status.
         * The running counts (V008) are moved set-based: the per-row count trigger stands aside (V021's
         * {@code bulk_write} row, for every rowid, only inside this statement's part of the transaction) and the
         * rows each UPDATE changed, grouped as the counts are, move from the old status to exported, so the counts
         * are exact when the export's transaction commits (the trigger cost about a third of this UPDATE).
         */
        public void markExported(UUID batchId) {
            sql(() -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO bulk_write (id, since_rowid) VALUES (1, 0)");
                }
                // No handling trigger moves these rows on: a recorded or reviewed opinion has no case past review
                // (handling_keeps_status would have given it "handling"), so what RETURNING reports is final.
                Map<CountGroup, Integer> moved = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET status='exported' "
                        + "WHERE status = ? AND EXISTS (SELECT 1 FROM batch_item bi WHERE bi.batch_id=? "
                        + "AND bi.opinion_id=opinion.id AND bi.revision=opinion.revision) "
                        + "RETURNING deleted_at IS NOT NULL, channel, coalesce(primary_area, 0), station")) {
                    for (String from : List.of("recorded", "reviewed")) {
                        ps.setString(1, from);
                        ps.setString(2, batchId.toString());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                moved.merge(new CountGroup(from, rs.getInt(1), rs.getString(2), rs.getInt(3),
                                        rs.getString(4)), 1, Integer::sum);
                            }
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM bulk_write");
                }
                try (PreparedStatement out = c.prepareStatement("UPDATE opinion_count SET n = n - ? WHERE "
                        + "status = ? AND deleted = ? AND channel = ? AND area = ? AND station = ?");
                     PreparedStatement in = c.prepareStatement("INSERT INTO opinion_count (n, status, deleted, "
                             + "channel, area, station) VALUES (?, 'exported', ?, ?, ?, ?) "
                             + "ON CONFLICT DO UPDATE SET n = n + excluded.n")) {
                    for (Map.Entry<CountGroup, Integer> e : moved.entrySet()) {
                        CountGroup g = e.getKey();
                        out.setInt(1, e.getValue());
                        out.setString(2, g.status());
                        g.bindAfterStatus(out, 3);
                        in.setInt(1, e.getValue());
                        g.bindAfterStatus(in, 2);
                        out.executeUpdate();
                        in.executeUpdate();
                    }
                }
                return null;
            });
        }

        public OptionalInt revisionOf(UUID opinionId) {
            return sql(() -> {
                PreparedStatement revisionOf = prepared("SELECT revision FROM opinion WHERE id=?");
                revisionOf.setString(1, opinionId.toString());
                try (ResultSet rs = revisionOf.executeQuery()) {
                    return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
                }
            });
        }

        public Optional<Opinion> find(UUID opinionId) {
            return sql(() -> OpinionRepository.findIn(c, opinionId));
        }

        /**
         * Stores an opinion exactly as a batch carried it (its own number, revision and times), deleted at the station
         * (in the recycle bin here too, since its last change) or not. The first insert starts a bulk write (V021):
         * the full-text index and the running counts of the inserted opinions are brought up to date set-based when
         * the transaction's work is done, before it commits.
         *
         * @return false, storing nothing, when an opinion with its id, or another with its station and number, is
         *         already held: most opinions a general station receives are new, and trying the insert first spares
         *         them the two lookups that tell those cases apart
         */
        public boolean insertIfNew(Opinion o) {
            return sql(() -> {
                startBulk();
                PreparedStatement ps = prepared(OpinionRepository.INSERT_CARRIED);
                OpinionRepository.bindOpinion(ps, o, o.number());
                ps.setString(18, o.deleted() ? o.updatedAt().toString() : null);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
                if (!o.tags().isEmpty()) {
                    OpinionRepository.insertTags(prepared(OpinionRepository.INSERT_TAG), o.id(), o.tags());
                }
                return true;
            });
        }

        private void startBulk() throws SQLException {
            if (bulkSince != null) {
                return;
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(rowid), 0) FROM opinion")) {
                bulkSince = rs.next() ? rs.getLong(1) : 0L;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bulk_write (id, since_rowid) VALUES (1, ?)")) {
                ps.setLong(1, bulkSince);
                ps.executeUpdate();
            }
        }

        /**
         * Ends a bulk write: the opinions it inserted get their search keys (in insertion order, as the per-row
         * trigger would have numbered them), their full-text rows and their running counts, three set-based
         * statements in the same transaction, so search and counts are exact the moment it commits.
         */
        void finishBulk() {
            if (bulkSince == null) {
                return;
            }
            sql(() -> {
                long since = bulkSince;
                SearchRepository.index(c, "o.rowid > ?", since);
                try (Statement st = c.createStatement();
                     PreparedStatement counts = c.prepareStatement("INSERT INTO opinion_count (deleted, status, "
                             + "channel, area, station, n) SELECT deleted_at IS NOT NULL, status, channel, "
                             + "coalesce(primary_area, 0), station, count(*) FROM opinion WHERE rowid > ? "
                             + "GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n")) {
                    counts.setLong(1, since);
                    counts.executeUpdate();
                    st.executeUpdate("DELETE FROM bulk_write");
                }
                bulkSince = null;
                return null;
            });
        }

        /** Replaces a held opinion with a newer revision a batch carried. */
        public void replace(Opinion o) {
            sql(() -> {
                PreparedStatement ps = prepared("UPDATE opinion SET number=?, station=?, received_at=?, "
                        + "channel=?, constituent_name=?, constituent_phone=?, constituent_address=?, "
                        + "consent_to_contact=?, received_by=?, text=?, primary_area=?, status=?, created_at=?, "
                        + "updated_at=?, revision=? WHERE id=?");
                ps.setString(1, o.number());
                ps.setString(2, o.station());
                ps.setString(3, o.receivedAt().toString());
                ps.setString(4, o.channel().code());
                OpinionRepository.setConstituent(ps, 5, o.constituent());
                ps.setString(9, o.receivedBy());
                ps.setString(10, o.text());
                OpinionRepository.setPrimaryArea(ps, 11, o.tags());
                ps.setString(12, o.status().code());
                ps.setString(13, o.createdAt().toString());
                ps.setString(14, o.updatedAt().toString());
                ps.setInt(15, o.revision());
                ps.setString(16, o.id().toString());
                ps.executeUpdate();
                writeTags(o);
                setDeleted(o);
                return null;
            });
        }

        private void writeTags(Opinion o) throws SQLException {
            OpinionRepository.writeTags(prepared(OpinionRepository.DELETE_TAGS),
                    prepared(OpinionRepository.INSERT_TAG), o.id(), o.tags());
        }

        /** Deleted at the station: in the recycle bin here too (kept since it was first deleted); or restored. */
        private void setDeleted(Opinion o) throws SQLException {
            PreparedStatement ps = prepared("UPDATE opinion SET deleted_at = CASE WHEN ? "
                    + "THEN coalesce(deleted_at, ?) END WHERE id=?");
            ps.setBoolean(1, o.deleted());
            ps.setString(2, o.updatedAt().toString());
            ps.setString(3, o.id().toString());
            ps.executeUpdate();
        }

        private PreparedStatement prepared(String sql) throws SQLException {
            return prepared.get(sql);
        }

        /** Stores the review and history a batch carried for an opinion it inserted or replaced. */
        public void storeReview(UUID opinionId, ReviewRecord carried) {
            sql(() -> {
                ReviewRepository.storeCarried(prepared(ReviewRepository.UPSERT),
                        prepared(ReviewRepository.INSERT_HISTORY), opinionId, carried);
                return null;
            });
        }

        public void addConflict(UUID batchId, Opinion incoming, ExchangeConflict.Kind kind, String incomingJson) {
            sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO exchange_conflict (batch_id, "
                        + "opinion_id, number, station, revision, kind, incoming, detected_at) "
                        + "VALUES (?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, batchId.toString());
                    ps.setString(2, incoming.id().toString());
                    ps.setString(3, incoming.number());
                    ps.setString(4, incoming.station());
                    ps.setInt(5, incoming.revision());
                    ps.setString(6, kind.code());
                    ps.setString(7, incomingJson);
                    ps.setString(8, Instant.now().toString());
                    ps.executeUpdate();
                }
                return null;
            });
        }

        public void audit(String actor, String action, String detail) {
            sql(() -> {
                AuditLog.append(c, actor, action, null, detail);
                return null;
            });
        }

        private <T> T sql(SqlAction<T> work) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw Database.translate(e, db.file());
            }
        }

        @Override
        public void close() throws SQLException {
            prepared.close();
        }
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }
}
