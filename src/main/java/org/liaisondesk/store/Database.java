package org.liaisondesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

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

    /**
     * How much of the file a reader maps into memory (reads only; writes still go through the WAL): all of any
     * database we plan for. Pages beyond the map are read with a system call each, which on the 5,000,000-opinion
     * general station (9.6 GB) made the largest-matters query 49-59 s instead of 17-20 s with the whole file mapped.
     * (The writer maps nothing: mapped, an import into that station took 11 % less CPU, but a station's export,
     * whose file grows while it writes, up to 9 % more; not clear enough to change.)
     */
    private static final long MMAP_BYTES = 64L << 30;
    /** A reader's page cache, in KiB. */
    private static final int READER_CACHE_KIB = 16_384;
    /**
     * The database files this process has open, with how many {@code Database}s hold each. SQLite's locks are POSIX
     * advisory locks, which belong to the process: closing ANY descriptor of a file drops every lock the process
     * holds on it. So no code of ours may open such a file (or its {@code -wal}/{@code -shm}) with plain file I/O
     * while SQLite has it open, or the next program to open the database thinks it is alone, truncates the
     * {@code -shm} and the open one dies of SIGBUS in SQLite's mapping of it.
     */
    private static final Map<Path, Integer> OPEN = new ConcurrentHashMap<>();
    private static final List<String> COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    /**
     * Statements prepared once on the writer for the single-row writes a clerk makes all day (issue #15): preparing
     * the opinion INSERT compiles every trigger on the table, a tenth of a save. Touched under the write lock only.
     */
    private final PreparedStatements writerStatements;
    private volatile boolean closed;

    /**
     * Opened for reading only because the disk is full (see {@link #openReadingOnly}): no writer connection, every
     * write refused with "the disk is full".
     */
    private final boolean diskFull;

    private Database(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
        this.writerStatements = new PreparedStatements(writer);
        this.diskFull = writer == null;
    }

    /**
     * Is {@code candidate} a database this process has open, or one of its {@code -wal}/{@code -shm}/{@code -journal}
     * files? Such a file must never be opened with plain file I/O (see {@link #OPEN}): callers that read files a
     * person picked refuse it instead.
     */
    public static boolean isOpenDatabaseFile(Path candidate) {
        Path p = candidate.toAbsolutePath().normalize();
        for (Path db : OPEN.keySet()) {
            for (String suffix : COMPANIONS) {
                Path companion = db.resolveSibling(db.getFileName() + suffix);
                try {
                    if (p.equals(companion) || Files.exists(p) && Files.exists(companion)
                            && Files.isSameFile(p, companion)) { // stat only: opens nothing
                        return true;
                    }
                } catch (IOException e) {
                    // unreadable: not a file we hold
                }
            }
        }
        return false;
    }

    /** Opens (creating if absent) and migrates the database; refuses files that are not ours or too new. */
    public static Database open(Path file) {
        return open(file, true);
    }

    /**
     * Opens and migrates the database; refuses files that are not ours (another program's SQLite file, not SQLite at
     * all), damaged or too new, before anything is written to them. A missing file in an existing folder is created
     * (recording may start before set-up); only with {@code mayCreate} (setting up: {@code init}, the window) is an
     * existing empty file set up or a missing folder made, otherwise they are refused as "no database here".
     */
    public static Database open(Path file, boolean mayCreate) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean heldHere = isOpenDatabaseFile(absolute);
        if (!heldHere) {
            // Reading the header with plain I/O would drop the locks of a connection this process already holds.
            checkIsSqliteOrEmpty(absolute, mayCreate);
        }
        if (mayCreate) {
            try {
                Path parent = absolute.getParent();
                if (parent != null) {
                    OwnerOnly.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new StoreException("store.error.cannotCreate", e, absolute);
            }
        }
        if (absolute.getParent() == null || Files.isDirectory(absolute.getParent())) {
            try {
                // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
                // (Neither creating nor chmod opens an existing file, so no lock of this process is dropped.)
                OwnerOnly.createFile(absolute);
                for (String suffix : COMPANIONS) {
                    OwnerOnly.tighten(absolute.resolveSibling(absolute.getFileName() + suffix));
                }
            } catch (IOException e) {
                throw new StoreException("store.error.cannotCreate", e, absolute);
            }
        }
        if (!mayCreate && Files.exists(absolute) && DiskSpace.isFull(absolute)) {
            // Before any read-write connection: one would share its read-write -shm with the read-only ones.
            return openReadingOnly(absolute, new StoreException("store.error.full", absolute));
        }
        Connection writer = null;
        try {
            writer = connect(absolute);
            checkIsOurs(writer, absolute);
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA cache_size=-" + WRITER_CACHE_KIB);
            }
            Migrations.migrate(writer, absolute);
            try (Statement st = writer.createStatement()) {
                // A statement that fires a trigger keeps a statement journal of the pages it changes that the
                // transaction had already changed; in a long import that is every row, and in a temporary file
                // (past 64 KiB) it cost 18 microseconds a trigger a row (issue #15). After the migrations, whose
                // index builds may sort more than memory should hold.
                st.execute("PRAGMA temp_store=MEMORY");
            }
            OPEN.merge(absolute, 1, Integer::sum);
            return new Database(absolute, writer);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            RuntimeException why = e instanceof SQLException sql ? translate(sql, absolute) : (RuntimeException) e;
            if (!mayCreate && why instanceof StoreException se && se.messageKey().equals("store.error.full")) {
                return openReadingOnly(absolute, se);
            }
            throw why;
        }
    }

    /**
     * The disk is full: opening the usual way needs the {@code -shm} to grow, which fails (SQLITE_IOERR_SHMSIZE).
     * Reading still works through connections that open the {@code -shm} read-only: alone, SQLite then builds the
     * WAL index in memory; beside a running window it uses the window's. Writes say the disk is full. A schema that
     * still needs migrating cannot be read this way (migrating writes), so then the original error stands.
     */
    private static Database openReadingOnly(Path absolute, StoreException full) {
        try (Connection c = connectReadingOnly(absolute)) {
            checkIsOurs(c, absolute);
            if (Migrations.userVersion(c) != Migrations.latestVersion()) {
                throw full;
            }
        } catch (SQLException e) {
            full.addSuppressed(e);
            throw full;
        }
        OPEN.merge(absolute, 1, Integer::sum);
        return new Database(absolute, null);
    }

    private static Connection connectReadingOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String path = file.toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23");
        Connection c = config.createConnection("jdbc:sqlite:file:" + path + "?" + readingOnlyMode(file));
        SearchFunctions.register(c);
        return c;
    }

    /**
     * With a {@code -shm} (someone has or had the database open): read through it read-only. Without one and with an
     * empty or no {@code -wal}, nobody has it open and the database file holds everything: read it as unchanging
     * (a read-only connection cannot create the {@code -shm}, and on a full disk nobody can write meanwhile).
     */
    private static String readingOnlyMode(Path file) {
        Path shm = file.resolveSibling(file.getFileName() + "-shm");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (!Files.exists(shm) && (!Files.exists(wal) || Files.size(wal) == 0)) {
                return "immutable=1";
            }
        } catch (IOException e) {
            // fall through to the usual read-only way
        }
        return "readonly_shm=1";
    }

    /** A new connection: the usual one, or a read-only one when the disk is full. */
    private Connection connection() throws SQLException {
        return diskFull ? connectReadingOnly(file) : connect(file);
    }

    /** True when opened for reading only because the disk is full: every write says so. */
    public boolean readingOnly() {
        return diskFull;
    }

    private void refuseWhenDiskFull() {
        if (diskFull) {
            throw new StoreException("store.error.full", file);
        }
    }

    /**
     * Ours: marked with our {@code application_id} (migration V014), or an older database of ours (our tables and a
     * schema version) from before the mark. A file with no tables at all is new (an existing empty file got this far
     * only with {@code mayCreate}). Anything else belongs to another program and is left untouched; so is a newer
     * schema.
     */
    private static void checkIsOurs(Connection c, Path file) throws SQLException {
        int applicationId;
        int tables;
        boolean ourTables;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                applicationId = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE name IN "
                    + "('station', 'opinion', 'audit_log')) FROM sqlite_master WHERE type='table'")) {
                rs.next();
                tables = rs.getInt(1);
                ourTables = rs.getInt(2) == 3;
            }
        }
        int version = Migrations.userVersion(c);
        if (tables == 0 && version == 0 && applicationId == 0) {
            return; // new: SQLite just created it (an existing empty file was refused before, unless setting up)
        }
        boolean ours = applicationId == Migrations.APPLICATION_ID
                || applicationId == 0 && version > 0 && ourTables;
        if (!ours) {
            throw new StoreException("store.error.notOurs", file);
        }
        if (version > Migrations.latestVersion()) {
            throw new StoreException("store.error.tooNew", file, version, Migrations.latestVersion());
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction; rolls back on any exception so nothing is half-saved. */
    public <T> T write(SqlWork<T> work) {
        refuseWhenDiskFull();
        writeLock.lock();
        try {
            ensureOpen();
            cached(writer, "BEGIN IMMEDIATE").execute();
            try {
                T result = work.run(writer);
                cached(writer, "COMMIT").execute();
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

    /**
     * {@code sql} prepared on the writer {@code c} once and kept until the database closes, for work inside
     * {@link #write}: the caller binds every parameter and must not close it.
     */
    PreparedStatement cached(Connection c, String sql) throws SQLException {
        if (c != writer || !writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("kept statements are for the writer inside a write");
        }
        return writerStatements.get(sql);
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
        refuseWhenDiskFull();
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
        try (Connection c = connection()) {
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
            Connection c = connection();
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=ON");
                // Readers scan large indexes (dashboard counts, the list, search): pages mapped from the file
                // instead of copied through read() calls, and a larger cache of their own (issue #15).
                st.execute("PRAGMA mmap_size=" + MMAP_BYTES);
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

    private static void checkIsSqliteOrEmpty(Path file, boolean mayCreate) {
        if (Files.isDirectory(file)) {
            throw new StoreException("store.error.notADatabase", file);
        }
        if (!Files.exists(file)) {
            Path folder = file.getParent();
            if (!mayCreate && folder != null && !Files.isDirectory(folder)) {
                throw new StoreException("store.error.missing", file); // a mistyped path: only init makes folders
            }
            return;
        }
        if (!Files.isReadable(file)) {
            throw new StoreException("store.error.unreadable", file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                if (!mayCreate) {
                    throw new StoreException("store.error.empty", file);
                }
                return;
            }
            if (!java.util.Arrays.equals(head, SQLITE_HEADER)) {
                throw new StoreException("store.error.notADatabase", file);
            }
        } catch (IOException e) {
            throw new StoreException("store.error.unreadable", e, file);
        }
    }

    /** Does the file start like an SQLite database? (A file this process holds open is known to; it is not read.) */
    private static boolean hasSqliteHeader(Path file) {
        if (isOpenDatabaseFile(file)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
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
                    case 11 -> {
                        return new StoreException("store.error.damaged", e, file);
                    }
                    case 26 -> {
                        // An SQLite header over pages SQLite cannot read is a damaged database, not a foreign file.
                        return new StoreException(hasSqliteHeader(file) ? "store.error.damaged"
                                : "store.error.notADatabase", e, file);
                    }
                    case 8 -> {
                        return new StoreException("store.error.readOnly", e, file);
                    }
                    case 14, 23 -> {
                        return new StoreException("store.error.unreadable", e, file);
                    }
                    case 13 -> {
                        return new StoreException("store.error.full", e, file);
                    }
                    case 10 -> {
                        if (DiskSpace.isFull(file)) {
                            // e.g. SQLITE_IOERR_SHMSIZE: the -shm or -wal could not grow on a full disk
                            return new StoreException("store.error.full", e, file);
                        }
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
            if (!closed) {
                OPEN.computeIfPresent(file, (f, n) -> n > 1 ? n - 1 : null);
            }
            closed = true;
            synchronized (idleReaders) {
                idleReaders.forEach(Database::closeQuietly);
                idleReaders.clear();
            }
            try {
                writerStatements.close();
            } catch (SQLException ignored) {
                // the connection closes next, which releases them anyway
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
