package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.exchange.RemovableDrives.Drive;

class RemovableDrivesTest {

    @TempDir
    Path dir;

    @Test
    void sticksMountedUnderTheDesktopsFoldersAreListedAndNothingElse() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media/clerk"));
        Path stick = Files.createDirectory(media.resolve("KINGSTON"));
        Path spaced = Files.createDirectory(media.resolve("U盘 2"));
        Path table = dir.resolve("mounts");
        Files.writeString(table, String.join("\n",
                "/dev/sda1 / ext4 rw,relatime 0 0",
                "proc /proc proc rw 0 0",
                "/dev/sdb1 " + stick + " vfat rw,nosuid,nodev 0 0",
                "/dev/sdc1 " + spaced.toString().replace(" ", "\\040") + " exfat rw 0 0",
                "/dev/sdd1 " + dir.resolve("media/clerk/gone") + " vfat rw 0 0",
                "tmpfs " + dir.resolve("media") + " tmpfs rw 0 0"));

        List<Drive> drives = RemovableDrives.mountedUnder(table, List.of(dir.resolve("media")));

        assertThat(drives).extracting(Drive::path).containsExactly(stick, spaced);
        assertThat(drives).extracting(Drive::name).containsExactly("KINGSTON", "U盘 2");
        assertThat(drives).allMatch(d -> d.freeBytes() > 0);
    }

    @Test
    void anUnreadableMountTableMeansNoDrivesNotAnError() {
        assertThat(RemovableDrives.mountedUnder(dir.resolve("missing"), List.of(dir))).isEmpty();
    }

    @Test
    void macVolumesLeaveOutTheStartUpDisk() throws Exception {
        Path volumes = Files.createDirectory(dir.resolve("Volumes"));
        Files.createSymbolicLink(volumes.resolve("Macintosh HD"), Path.of("/"));
        Path stick = Files.createDirectory(volumes.resolve("NO NAME"));

        assertThat(RemovableDrives.volumes(volumes)).extracting(Drive::path).containsExactly(stick);
    }

    @Test
    void octalEscapesOfTheMountTableAreUndone() {
        assertThat(RemovableDrives.unescape("/media/a\\040b\\011c\\134d")).isEqualTo("/media/a b\tc\\d");
        assertThat(RemovableDrives.unescape("/media/a\\04")).isEqualTo("/media/a\\04");
    }

    @Test
    void onWindowsOnlyRemovableDrivesAreListedNotEveryWritableLetter() throws Exception {
        Path system = Files.createDirectory(dir.resolve("C"));
        Path secondDisk = Files.createDirectory(dir.resolve("D"));
        Path stick = Files.createDirectory(dir.resolve("E"));
        Path network = Files.createDirectory(dir.resolve("Z"));

        List<Drive> drives = RemovableDrives.windows(List.of(system, secondDisk, stick, network), system.toString(),
                root -> root.equals(stick) || root.equals(system));

        assertThat(drives).extracting(Drive::path).containsExactly(stick);
    }
}
