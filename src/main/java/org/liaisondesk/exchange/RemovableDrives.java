package org.liaisondesk.exchange;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The drives a clerk may mean by "the USB stick": on Linux the file systems mounted under {@code /media} and
 * {@code /run/media} (where desktops mount sticks), on macOS the volumes in {@code /Volumes} other than the start-up
 * disk, on Windows the removable drives (not the system drive, nor a fixed second disk or a network drive). Asked
 * again whenever the exchange screen is shown or the clerk presses 刷新, so a stick plugged in meanwhile appears.
 */
public interface RemovableDrives {

    /** A drive: where it is mounted, what to call it, and how much room is left (-1: unknown). */
    record Drive(Path path, String name, long freeBytes) {
    }

    /** The drives mounted now, by name. */
    List<Drive> find();

    /** This computer's drives. */
    static RemovableDrives system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return RemovableDrives::windows;
        }
        if (os.startsWith("mac")) {
            return () -> volumes(Path.of("/Volumes"));
        }
        return () -> mountedUnder(Path.of("/proc/mounts"), List.of(Path.of("/media"), Path.of("/run/media")));
    }

    /** The mount points in a {@code /proc/mounts}-style table that lie below one of {@code roots}. */
    static List<Drive> mountedUnder(Path mountTable, List<Path> roots) {
        List<Drive> drives = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(mountTable);
        } catch (IOException e) {
            return drives;
        }
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length < 2) {
                continue;
            }
            Path mountPoint = Path.of(unescape(fields[1]));
            if (roots.stream().anyMatch(r -> mountPoint.startsWith(r) && !mountPoint.equals(r))
                    && Files.isDirectory(mountPoint)) {
                drives.add(drive(mountPoint));
            }
        }
        return sorted(drives);
    }

    /** macOS: every volume but the start-up disk, which {@code /Volumes} holds as a link to {@code /}. */
    static List<Drive> volumes(Path dir) {
        List<Drive> drives = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory).filter(p -> !isRoot(p)).forEach(p -> drives.add(drive(p)));
        } catch (IOException e) {
            return drives;
        }
        return sorted(drives);
    }

    private static List<Drive> windows() {
        List<Path> roots = new ArrayList<>();
        for (File root : File.listRoots()) {
            roots.add(root.toPath());
        }
        return windows(roots, System.getenv().getOrDefault("SystemDrive", "C:"), RemovableDrives::removable);
    }

    /**
     * Windows: the drive letters whose volume is removable (a USB stick, a card), never the system drive. A fixed
     * second disk (D:) or a network drive is not "the stick", even though it can be written.
     */
    static List<Drive> windows(List<Path> roots, String systemDrive, Predicate<Path> removable) {
        List<Drive> drives = new ArrayList<>();
        for (Path root : roots) {
            if (!root.toString().toUpperCase(Locale.ROOT).startsWith(systemDrive.toUpperCase(Locale.ROOT))
                    && removable.test(root)) {
                drives.add(drive(root));
            }
        }
        return sorted(drives);
    }

    /** Windows' own answer (GetDriveType: DRIVE_REMOVABLE), through the file store's {@code volume:isRemovable}. */
    private static boolean removable(Path root) {
        try {
            return Boolean.TRUE.equals(Files.getFileStore(root).getAttribute("volume:isRemovable"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRoot(Path p) {
        try {
            return p.toRealPath().getNameCount() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Drive drive(Path mountPoint) {
        String name = mountPoint.getFileName() == null ? mountPoint.toString() : mountPoint.getFileName().toString();
        long free;
        try {
            free = Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        return new Drive(mountPoint, name, free);
    }

    private static List<Drive> sorted(List<Drive> drives) {
        drives.sort(Comparator.comparing(Drive::name).thenComparing(d -> d.path().toString()));
        return drives;
    }

    /** {@code /proc/mounts} writes a space as {@code \040}, a tab as {@code \011} and so on. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
