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
     * transaction: the floor of an import. Returns the number of rows.
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
                int columns = rs.getMetaData().getColumnCount();
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
            }
            out.commit();
        }
        return rows;
    }

    /** Every opinion row of {@code source} as one JSON object, column by column: the floor of an export. */
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

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }
}
