package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/**
 * A full disk stops writing, not reading: on a real full file system (a 3 MB tmpfs, so the test needs root and
 * skips cleanly without), {@code stats}, {@code list}, {@code search} and {@code check} still answer, and {@code add}
 * says the disk is full instead of "disk I/O error".
 */
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void readingGoesOnAndWritingSaysTheDiskIsFull() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()) == 0,
                "needs root to mount a small tmpfs");
        try {
            Path db = mount.resolve("station.db");
            CliRun cli = new CliRun(db);
            cli.ok("init", "--station", "GS-012", "--name", "满盘站");
            cli.ok("add", "--text", "磁盘满之前录入的路灯意见。");
            try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                }
            } catch (IOException expected) {
                // the disk is full now
            }
            assertThat(cli.ok("stats", "--json")).contains("\"opinions\"");
            assertThat(cli.ok("list", "--json")).contains("路灯");
            assertThat(cli.ok("search", "路灯", "--json")).contains("路灯");
            assertThat(cli.run("check").code()).isZero();
            CliRun.Result add = cli.run("add", "--text", "磁盘满时录入的意见。");
            assertThat(add.code()).isEqualTo(2);
            assertThat(add.err()).contains("磁盘已满").doesNotContain("I/O", "Unexpected");
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static int run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
