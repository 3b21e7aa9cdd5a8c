package org.liaisondesk.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Residents' personal details live in the database, its logs and work files: on a POSIX file system they are
 * created readable by their owner only (folders 0700, files 0600), and an existing database is tightened when this
 * account owns it. Elsewhere (Windows) the user's profile folder already keeps other accounts out.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /** Creates {@code folder} and its missing parents, each new one owner-only; existing folders are left alone. */
    public static void createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(absolute)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
    }

    /** Creates an empty owner-only file unless one exists (another process may win the race: fine). */
    public static void createFile(Path file) throws IOException {
        try {
            FileAttribute<?>[] attrs = posix(file.toAbsolutePath())
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
            Files.createFile(file, attrs);
        } catch (FileAlreadyExistsException e) {
            // someone else created it first
        }
    }

    /**
     * Removes group and other permissions from an existing file or folder this account owns; a file owned by
     * someone else (a shared install set up by an administrator) is left as it is.
     */
    public static void tighten(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null || !Files.exists(path)) {
            return;
        }
        try {
            Set<PosixFilePermission> now = view.readAttributes().permissions();
            if (now.stream().anyMatch(OTHERS::contains)) {
                Set<PosixFilePermission> kept = EnumSet.copyOf(now);
                kept.removeAll(OTHERS);
                view.setPermissions(kept);
            }
        } catch (IOException | SecurityException e) {
            // not ours to change: leave it
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
