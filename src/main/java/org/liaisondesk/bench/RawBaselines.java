package org.liaisondesk.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.SearchRepository;

/**
 * What SQLite and Jackson do for the same work without the program around them: the baselines the program's own
 * figures are divided by. Bare tables, no indexes, no triggers, the same pragmas as the program's database
 * (WAL, {@code synchronous=FULL}). This is benchmark code: the rest of the program keeps its SQL in the store.
 */
final class RawBaselines {

    private static final int BATCH = 1_000;
    /** The opinion columns an exchange batch carries, read straight from the program's table. */
    private static final String OPINION_COLUMNS = "id, number, station, received_at, channel, constituent_name, "
            + "constituent_phone, constituent_address, consent_to_contact, received_by, text, primary_area, status, "
            + "created_at, updated_at, revision";

    private RawBaselines() {
    }

    /** A bare table taking one single-row INSERT and COMMIT at a time: the floor of any durable save. */
    static final class BareSave implements AutoCloseable {

        private final Connection c;
        private final PreparedStatement insert;

        BareSave(Path file) throws SQLException {
            c = connect(file);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS bare_save (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            insert = c.prepareStatement("INSERT INTO bare_save (payload) VALUES (?)");
        }

        void save(String payload) throws SQLException {
            insert.setString(1, payload);
            insert.executeUpdate();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            c.close();
        }
    }

    /**
     * Copies every opinion row of {@code source} into a bare table of {@code target} with batched INSERTs in one
     * transaction: the baseline the import is divided by. Returns the number of rows.
     */
    static long batchedInsert(Path source, Path target) throws SQLException {
        long rows = 0;
        try (Connection in = connect(source); Connection out = connect(target)) {
            try (Statement st = out.createStatement()) {
                st.execute("CREATE TABLE bare_opinion (" + OPINION_COLUMNS + ")");
            }
            out.setAutoCommit(false);
            try (Statement select = in.createStatement();
                 ResultSet rs = select.executeQuery("SELECT " + OPINION_COLUMNS + " FROM opinion");
                 PreparedStatement insert = out.prepareStatement("INSERT INTO bare_opinion VALUES ("
                         + "?,".repeat(rs.getMetaData().getColumnCount() - 1) + "?)")) {
                rows = insertAll(rs, insert);
            }
            out.commit();
        }
        return rows;
    }

    /** Every opinion row of {@code source} as one JSON object, column by column: the export's baseline. */
    static long streamAsJson(Path source, JsonGenerator g) throws SQLException, IOException {
        long rows = 0;
        try (Connection c = connect(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + OPINION_COLUMNS + " FROM opinion")) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            String[] names = new String[columns + 1];
            for (int i = 1; i <= columns; i++) {
                names[i] = meta.getColumnName(i);
            }
            g.writeStartArray();
            while (rs.next()) {
                g.writeStartObject();
                for (int i = 1; i <= columns; i++) {
                    g.writeStringField(names[i], rs.getString(i));
                }
                g.writeEndObject();
                rows++;
            }
            g.writeEndArray();
            g.flush();
        }
        return rows;
    }

    /**
     * The rows an import of every opinion of {@code source} must write into the program's own schema, copied as
     * {@link #batchedInsert} copies them but into the real tables with their indexes and triggers: the batch, the
     * opinions, their tags and the batch's list of what it carried, as the import's bulk write does (V021: the per-row
     * count and search triggers stand aside, the counts are added set-based), then the full-text index of them all,
     * set-based. No file, no checks, no object per row: what the schema costs, which no import goes below. Returns
     * the number of opinions.
     */
    static long importFloor(Path source, Path target) throws SQLException {
        try (Connection in = connect(source); Database db = Database.open(target)) {
            long rows = db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO bulk_write (id, since_rowid) VALUES (1, 0)");
                }
                copy(in, c, "batch");
                long opinions = copy(in, c, "opinion");
                copy(in, c, "opinion_tag");
                copy(in, c, "batch_item");
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO opinion_count (deleted, status, channel, area, station, n) "
                            + "SELECT deleted_at IS NOT NULL, status, channel, coalesce(primary_area, 0), station, "
                            + "count(*) FROM opinion GROUP BY 1, 2, 3, 4, 5");
                    st.executeUpdate("INSERT INTO search_pending (opinion_id) SELECT id FROM opinion");
                    st.executeUpdate("DELETE FROM bulk_write");
                }
                return opinions;
            });
            new SearchRepository(db).indexPending();
            return rows;
        }
    }

    /** Ends a measurement whose writes must not stay: the transaction rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient double seconds;

        RolledBack(double seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }

    /**
     * What an export must change in the station's schema besides reading its rows, timed on {@code station}, whose
     * opinions an export has just carried, and rolled back: every opinion listed under a further batch and its
     * status moved from exported back to recorded, the same entries moved in the same two indexes as an export's
     * move to exported (the per-row count trigger standing aside, as it does for the export).
     */
    static double exportBookkeepingSeconds(Database station) {
        try {
            station.write(c -> {
                long start = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO batch (id, direction, station, sequence, created_at, recorded_at, "
                            + "opinion_count, sha256) SELECT 'bench-floor', direction, station, sequence + 1000000, "
                            + "created_at, recorded_at, opinion_count, sha256 FROM batch WHERE direction = 'export' "
                            + "LIMIT 1");
                    st.executeUpdate("INSERT INTO batch_item (batch_id, opinion_id, revision) "
                            + "SELECT 'bench-floor', id, revision FROM opinion");
                    st.executeUpdate("INSERT INTO bulk_write (id, since_rowid) VALUES (1, 0)");
                    st.executeUpdate("UPDATE opinion SET status = 'recorded' WHERE status = 'exported'");
                }
                throw new RolledBack((System.nanoTime() - start) / 1e9);
            });
        } catch (RolledBack done) {
            return done.seconds;
        }
        throw new IllegalStateException("the bookkeeping measurement must roll back");
    }

    /** Copies every row of {@code table} from {@code in} to the same table of {@code out}, batched. */
    private static long copy(Connection in, Connection out, String table) throws SQLException {
        try (Statement select = in.createStatement();
             ResultSet rs = select.executeQuery("SELECT * FROM " + table);
             PreparedStatement insert = out.prepareStatement("INSERT INTO " + table + " VALUES ("
                     + "?,".repeat(rs.getMetaData().getColumnCount() - 1) + "?)")) {
            return insertAll(rs, insert);
        }
    }

    /** Binds each row of {@code rs} to {@code insert}, column by column, and runs the INSERTs in batches. */
    private static long insertAll(ResultSet rs, PreparedStatement insert) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        long rows = 0;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                insert.setObject(i, rs.getObject(i));
            }
            insert.addBatch();
            if (++rows % BATCH == 0) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
        return rows;
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }
}
