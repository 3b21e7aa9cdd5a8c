package org.liaisondesk.reliability;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Child process of {@link LiveDatabaseLocksTest}: asks the operating system whether another process holds SQLite's
 * locks on a database. POSIX record locks belong to a process, so only a second process can see them. Prints
 * {@code database=held|free shm=held|free}: {@code held} when the byte ranges SQLite's unix VFS locks are taken,
 * i.e. some process has the database open. (Taking and releasing the probe lock here is harmless: this process has
 * no SQLite connection whose locks it could drop.)
 */
public final class LockProbe {

    /** SQLite's unix VFS: a reader's SHARED lock is a read lock on these 510 bytes past the 1 GiB "pending" byte. */
    static final long SHARED_FIRST = 0x40000000L + 2;
    static final long SHARED_SIZE = 510;
    /** The {@code -shm}'s "dead man switch" byte: every connection holds a read lock on it while the file is mapped. */
    static final long SHM_DMS = (22 + 8) * 4 + 8;

    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path db = Path.of(args[0]);
        System.out.println("database=" + state(db, SHARED_FIRST, SHARED_SIZE)
                + " shm=" + state(db.resolveSibling(db.getFileName() + "-shm"), SHM_DMS, 1));
    }

    private static String state(Path file, long position, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(position, size, false);
            if (lock == null) {
                return "held";
            }
            lock.release();
            return "free";
        }
    }
}
