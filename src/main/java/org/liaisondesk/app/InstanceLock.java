package org.liaisondesk.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.liaisondesk.i18n.UserFacingException;

/**
 * Keeps a second window off the same database file: an operating-system lock on {@code <database>.lock} next to
 * it, held while the window is open and released by the OS even if the program is killed. (The command line does
 * not take it: SQLite's own locking keeps its short writes safe alongside the window.)
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFileFor(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /** Takes the lock or refuses with a message naming the file. */
    public static InstanceLock acquire(Path database) {
        Path file = lockFileFor(database);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyOpen(channel, database);
            }
            return new InstanceLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw alreadyOpen(channel, database);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserFacingException("window.error.lockFile", e, file);
        }
    }

    private static UserFacingException alreadyOpen(FileChannel channel, Path database) {
        closeQuietly(channel);
        return new UserFacingException("window.error.alreadyOpen", database.toAbsolutePath());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing held yet; closing is best effort.
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // The channel close below releases it too.
        }
        closeQuietly(channel);
    }
}
