package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;

/**
 * The cause of the window's SIGBUS (#18 item 2), checked directly: while this process has the database open, nothing
 * it does may drop SQLite's POSIX locks on the database file or its {@code -shm}. Closing any descriptor of a file
 * releases every lock the process holds on it, so one plain read of {@code x.db-shm} (a person picking it for import)
 * or of {@code x.db} (a header check on a file already open) made the next command-line process believe it was
 * alone: it truncated the {@code -shm} and the window died in SQLite's mapping of it. A second process
 * ({@link LockProbe}) looks at the locks after each operation the window and the command line run on a live database.
 */
class LiveDatabaseLocksTest {

    @TempDir
    Path dir;
    Path db;
    AppContext ctx;

    @BeforeEach
    void openLikeTheWindow() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "POSIX record locks as SQLite's unix VFS takes them");
        db = dir.resolve("general.db");
        new CliRun(db).ok("init", "--station", "ZZ-001", "--name", "锁测试总站", "--mode", "general");
        ctx = AppContext.open(db, Messages.forLanguage("zh"));
        ctx.stats().dashboard(org.liaisondesk.model.OpinionFilter.ALL);
        assertThat(probe()).as("an open database holds both locks").isEqualTo("database=held shm=held");
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void pickingTheLiveDatabaseOrItsCompanionsForImportKeepsTheLocks() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path picked = db.resolveSibling(db.getFileName() + suffix);
            Throwable refused = catchThrowable(() -> ctx.imports().importPaths(List.of(picked), "clerk"));
            assertThat(probe()).as("after offering %s for import (%s)", picked.getFileName(), refused)
                    .isEqualTo("database=held shm=held");
        }
    }

    @Test
    void aSecondContextOnTheSameFileKeepsTheLocks() throws Exception {
        AppContext.open(db, Messages.forLanguage("zh")).close();
        assertThat(probe()).isEqualTo("database=held shm=held");
    }

    @Test
    void backupCheckAndStatsKeepTheLocks() throws Exception {
        ctx.backups().backupTo(dir.resolve("copy.db"), false, "clerk");
        assertThat(probe()).as("after backup").isEqualTo("database=held shm=held");
        ctx.backups().now("clerk");
        ctx.backups().backups();
        assertThat(probe()).as("after the dated backup and listing backups").isEqualTo("database=held shm=held");
        ctx.health().check();
        assertThat(probe()).as("after the health check").isEqualTo("database=held shm=held");
    }

    /** What a second process sees of this process's locks on {@link #db}. */
    private String probe() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), db.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
