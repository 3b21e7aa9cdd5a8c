package org.liaisondesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite file. Writes go through a single writer connection, one transaction at a time, so the window's
 * background tasks never race each other; reads use a small pool of their own connections (WAL lets them run
 * while a write is in progress).
 */
public final class Database implements AutoCloseable {

    /** How long a write waits for another process (a second instance, a backup) before giving up. */
    static final int BUSY_TIMEOUT_MS = Integer.getInteger("liaisondesk.busyTimeoutMs", 4000);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_IDLE_READERS = 4;
    /** The writer's page cache, in KiB: bulk inserts into a million-row table keep their index pages in memory. */
    private static final int WRITER_CACHE_KIB = 65_536;

    /** How much of the file a reader maps into memory (reads only; writes still go through the WAL). */
    private static final long READER_MMAP_BYTES = 1L << 30;
    /** A reader's page cache, in KiB. */
    private static final int READER_CACHE_KIB = 16_384;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private volatile boolean closed;

    private Database(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if absent) and migrates the database; refuses files that are not ours or too new. */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        checkIsSqliteOrEmpty(absolute);
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                OwnerOnly.createDirectories(parent);
            }
            // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
            OwnerOnly.createFile(absolute);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                OwnerOnly.tighten(absolute.resolveSibling(absolute.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new StoreException("store.error.cannotCreate", e, absolute);
        }
        Connection writer = null;
        try {
            writer = connect(absolute);
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA cache_size=-" + WRITER_CACHE_KIB);
            }
            Migrations.migrate(writer, absolute);
            return new Database(absolute, writer);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw translate(e, absolute);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction; rolls back on any exception so nothing is half-saved. */
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try (Statement st = writer.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(writer);
                try (Statement st = writer.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a read connection; each call sees one consistent snapshot if it reads in a transaction. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = borrowReader();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            returnReader(c);
        }
    }

    /**
     * Runs {@code work} on the writer connection outside any transaction, holding the write lock so nothing else of
     * this program writes meanwhile (restoring a backup replaces every page).
     */
    <T> T exclusive(SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            return work.run(writer);
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a fresh connection of its own, closed afterwards (a backup reads one long snapshot). */
    <T> T withOwnConnection(SqlWork<T> work) {
        ensureOpen();
        try (Connection c = connect(file)) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void rollback() {
        try (Statement st = writer.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // The transaction is already gone (SQLite rolls back by itself on some errors).
        }
    }

    private Connection borrowReader() {
        synchronized (idleReaders) {
            Connection c = idleReaders.pollFirst();
            if (c != null) {
                return c;
            }
        }
        try {
            Connection c = connect(file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=ON");
                // Readers scan large indexes (dashboard counts, the list, search): pages mapped from the file
                // instead of copied through read() calls, and a larger cache of their own (issue #15).
                st.execute("PRAGMA mmap_size=" + READER_MMAP_BYTES);
                st.execute("PRAGMA cache_size=-" + READER_CACHE_KIB);
            }
            return c;
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void returnReader(Connection c) {
        synchronized (idleReaders) {
            if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
                idleReaders.addFirst(c);
                return;
            }
        }
        closeQuietly(c);
    }

    private static Connection connect(Path file) throws SQLException {
        Properties props = new Properties();
        // Nobody asks for generated keys; without this the driver runs a regex and a second query after every INSERT.
        props.setProperty("jdbc.get_generated_keys", "false");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            st.execute("PRAGMA foreign_keys=ON");
            // FULL: a save the window acknowledged survives a power cut, not just a crash.
            st.execute("PRAGMA synchronous=FULL");
        }
        SearchFunctions.register(c);
        return c;
    }

    private static void checkIsSqliteOrEmpty(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException("store.error.notADatabase", file);
        }
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isReadable(file)) {
            throw new StoreException("store.error.unreadable", file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                return;
            }
            if (!java.util.Arrays.equals(head, SQLITE_HEADER)) {
                throw new StoreException("store.error.notADatabase", file);
            }
        } catch (IOException e) {
            throw new StoreException("store.error.unreadable", e, file);
        }
    }

    static RuntimeException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code != null) {
                switch (code.code & 0xff) {
                    case 5, 6 -> {
                        return new StoreException("store.error.locked", e, file);
                    }
                    case 26, 11 -> {
                        return new StoreException("store.error.notADatabase", e, file);
                    }
                    case 8, 14, 23 -> {
                        return new StoreException("store.error.unreadable", e, file);
                    }
                    case 13 -> {
                        return new StoreException("store.error.full", e, file);
                    }
                    default -> {
                    }
                }
            }
        }
        return new IllegalStateException("SQLite error on " + file + ": " + e.getMessage(), e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("database closed: " + file);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
            synchronized (idleReaders) {
                idleReaders.forEach(Database::closeQuietly);
                idleReaders.clear();
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing is best effort; the data is already committed or rolled back.
        }
    }

    /** Work against a connection; SQL stays inside the store package. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
