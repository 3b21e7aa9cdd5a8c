package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;

class BackupRestoreTest {

    @TempDir
    Path dir;
    Path db;
    CliRun cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("station.db");
        cli = new CliRun(db);
        cli.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        cli.ok("add", "--text", "小区门口的路灯坏了。", "--name", "张三", "--phone", "13812341234");
    }

    @Test
    void backupIsAVerifiedCopyAndRefusesToOverwriteWithoutForce() throws Exception {
        Path out = dir.resolve("copies/backup.db");
        assertThat(cli.run("backup", "--out", out.toString()).code()).isZero();
        assertThat(Sql.integrity(out)).isEqualTo("ok");
        assertThat(Sql.count(out, "SELECT count(*) FROM opinion")).isEqualTo(1);
        assertThat(Files.exists(out.resolveSibling("backup.db-wal"))).isFalse();

        cli.ok("add", "--text", "第二条意见。");
        CliRun.Result again = cli.run("--lang", "en", "backup", "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists already", "--force");
        assertThat(Sql.count(out, "SELECT count(*) FROM opinion")).isEqualTo(1);

        assertThat(cli.run("backup", "--out", out.toString(), "--force").code()).isZero();
        assertThat(Sql.count(out, "SELECT count(*) FROM opinion")).isEqualTo(2);
        assertThat(Files.list(out.getParent())).containsExactly(out);
        assertThat(cli.ok("--lang", "en", "audit", "--action", "backup", "--json")).contains(out.toString());
    }

    @Test
    void unwritableTargetsGetAClearMessage() throws Exception {
        Path notAFolder = dir.resolve("file.txt");
        Files.writeString(notAFolder, "x");
        CliRun.Result r = cli.run("--lang", "en", "backup", "--out", notAFolder.resolve("b.db").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot write").doesNotContain("Exception");

        CliRun.Result folder = cli.run("--lang", "en", "backup", "--out", dir.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");

        CliRun.Result self = cli.run("--lang", "en", "backup", "--out", db.toString(), "--force");
        assertThat(self.code()).isEqualTo(2);
        assertThat(self.err()).contains("database in use itself");
    }

    @Test
    void backupFromTheCommandLineWaitsOutALongWriteInsteadOfFailing() throws Exception {
        try (AppContext window = AppContext.open(db, Messages.forLanguage("zh"))) {
            CountDownLatch holding = new CountDownLatch(1);
            // an import-sized write transaction: longer than a write normally waits for the lock (4 s)
            Thread longWrite = new Thread(() -> window.database().write(c -> {
                holding.countDown();
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            longWrite.start();
            holding.await();
            Path out = dir.resolve("during-import.db");
            CliRun.Result backup = cli.run("backup", "--out", out.toString());
            longWrite.join();
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(Sql.integrity(out)).isEqualTo("ok");
        }
    }

    @Test
    void backupIsConsistentWhileAnotherThreadKeepsWriting() throws Exception {
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    ctx.opinionService().record(input("持续写入的意见 " + written.get()), "clerk");
                    written.incrementAndGet();
                }
            });
            writer.start();
            try {
                for (int i = 0; i < 3; i++) {
                    int before = written.get();
                    Path out = dir.resolve("live-" + i + ".db");
                    ctx.backups().backupTo(out, false, "tester");
                    assertThat(Sql.integrity(out)).isEqualTo("ok");
                    long inCopy = Sql.count(out, "SELECT count(*) FROM opinion");
                    assertThat(inCopy).isGreaterThanOrEqualTo(before + 1);
                    assertThat(Sql.count(out, "SELECT count(*) FROM opinion o WHERE NOT EXISTS "
                            + "(SELECT 1 FROM audit_log a WHERE a.opinion_id = o.id AND a.action = 'create')"))
                            .isZero();
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            System.out.printf("backup during writes: %d opinions written meanwhile%n", written.get());
        }
    }

    @Test
    void corruptBackupIsRefusedAndNothingChanges() throws Exception {
        Path good = dir.resolve("good.db");
        cli.ok("backup", "--out", good.toString());

        Path truncated = dir.resolve("truncated.db");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(good), 6000));
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "这不是数据库");
        Path scribbled = dir.resolve("scribbled.db");
        Files.copy(good, scribbled);
        try (RandomAccessFile f = new RandomAccessFile(scribbled.toFile(), "rw")) {
            long pageSize = 4096;
            for (long page = 1; page < f.length() / pageSize; page++) {
                f.seek(page * pageSize);
                f.write(new byte[] {13, 0, 0, 0, 7, 0x7f, 0x7f, 0x7f});
            }
        }
        Path notOurs = dir.resolve("other.db");
        Sql.exec(notOurs, "CREATE TABLE t (x)");

        cli.ok("add", "--text", "恢复失败后这条必须还在。");
        for (Path bad : List.of(truncated, garbage, scribbled, notOurs, dir.resolve("missing.db"))) {
            CliRun.Result r = cli.run("--lang", "en", "restore", "--from", bad.toString(), "--yes");
            assertThat(r.code()).as(bad.toString()).isEqualTo(2);
            assertThat(r.err()).as(bad.toString()).containsAnyOf("cannot be restored from", "was not found")
                    .doesNotContain("at org.");
        }
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(2);
        assertThat(cli.run("check").code()).isZero();
        assertThat(Files.exists(dir.resolve("backups"))).isFalse();
    }

    /** Backups hold residents' details: the program's backup folders and files are the owner's only, old ones too. */
    @Test
    void automaticBackupsAreOwnerOnlyAndAnOlderWorldReadableFolderIsTightened() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews()
                .contains("posix"));
        Path backups = Files.createDirectory(dir.resolve("backups"),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        Path good = dir.resolve("good.db");
        cli.ok("backup", "--out", good.toString());
        cli.ok("restore", "--from", good.toString(), "--yes"); // saves the state before it in backups/station/

        Path own = backups.resolve("station");
        assertThat(permissions(backups)).isEqualTo("rwx------");
        assertThat(permissions(own)).isEqualTo("rwx------");
        try (var files = Files.list(own)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(permissions(f)).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path p) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void restoreNeedsYesSavesTheCurrentStateAndIsAudited() throws Exception {
        Path good = dir.resolve("good.db");
        cli.ok("backup", "--out", good.toString());
        cli.ok("add", "--text", "备份之后录入的意见。");

        CliRun.Result unconfirmed = cli.run("--lang", "en", "restore", "--from", good.toString());
        assertThat(unconfirmed.code()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(2);

        String out = cli.ok("--lang", "en", "restore", "--from", good.toString(), "--yes");
        assertThat(out).contains("Restored");
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(1);
        try (java.util.stream.Stream<Path> saved = Files.list(dir.resolve("backups/station"))) {
            Path before = saved.filter(p -> p.toString().endsWith("-before-restore.db")).findFirst().orElseThrow();
            assertThat(before.getFileName().toString()).matches("GS-007_\\d{4}-\\d{2}-\\d{2}_.*-before-restore\\.db");
            assertThat(Sql.count(before, "SELECT count(*) FROM opinion")).isEqualTo(2);
        }
        assertThat(cli.ok("audit", "--action", "backup-restore", "--json")).contains("good.db");
        assertThat(cli.run("check").code()).isZero();
    }

    @Test
    void dailyBackupOncePerDayAndOnlyTheNewestAreKept() throws Exception {
        Clock clock = new TickingClock(Instant.parse("2024-03-01T02:00:00Z"));
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"), clock)) {
            assertThat(ctx.backups().dailyIfDue("tester")).isPresent();
            assertThat(ctx.backups().dailyIfDue("tester")).isEmpty();
            ctx.backups().setKeep(3, "admin");
            for (int i = 0; i < 5; i++) {
                ctx.backups().atExit("tester");
            }
            Files.writeString(ctx.backups().folder().resolve("notes.txt"), "not a backup");
            List<Path> kept = ctx.backups().backups();
            assertThat(kept).hasSize(3);
            for (Path p : kept) {
                assertThat(Sql.integrity(p)).isEqualTo("ok");
            }
            assertThat(Files.exists(ctx.backups().folder().resolve("notes.txt"))).isTrue();
            assertThat(ctx.backups().folder()).isEqualTo(dir.resolve("backups/station"));
            assertThat(kept).allMatch(p -> p.getFileName().toString().startsWith("GS-007_2024-03-01_"));
            assertThat(ctx.audit().find(new AuditQuery(null, null, "backup", 0))).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    /**
     * A station's and the general station's databases in one folder: each keeps its backups in its own folder, named
     * after its station; each lists only its own; restoring the other's backup is refused (exit 2, nothing changes)
     * unless confirmed as a migration, after which the database holds the backup's identity.
     */
    @Test
    void restoreNeverCrossesStationsUnlessConfirmedAsAMigration() throws Exception {
        Path general = dir.resolve("general.db");
        CliRun gs = new CliRun(general);
        gs.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");
        Path stationBackup;
        Path generalBackup;
        Clock clock = new TickingClock(Instant.parse("2026-12-05T10:30:00Z"));
        try (AppContext st = AppContext.open(db, Messages.forLanguage("zh"), clock);
             AppContext gen = AppContext.open(general, Messages.forLanguage("zh"), clock)) {
            stationBackup = st.backups().now("admin");
            generalBackup = gen.backups().now("admin");
            assertThat(st.backups().folder()).isNotEqualTo(gen.backups().folder());
            assertThat(st.backups().backups()).containsExactly(stationBackup);
            assertThat(gen.backups().backups()).containsExactly(generalBackup);
        }
        assertThat(stationBackup.getFileName().toString()).startsWith("GS-007_2026-12-05_");
        assertThat(generalBackup.getFileName().toString()).startsWith("ZZ-000_2026-12-05_");

        // Even a backup copied into the general station's folder under a general-station name is not taken.
        Path disguised = generalBackup.resolveSibling(
                generalBackup.getFileName().toString().replace("-manual", "-daily"));
        Files.copy(stationBackup, disguised);
        CliRun.Result refused = gs.run("--lang", "en", "restore", "--from", disguised.toString(), "--yes");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("GS-007 (station)", "ZZ-000 (general)", "--migrate")
                .doesNotContain("at org.");
        assertThat(Sql.count(general, "SELECT count(*) FROM station WHERE code='ZZ-000' AND mode='general'"))
                .isEqualTo(1);
        assertThat(Sql.count(general, "SELECT count(*) FROM opinion")).isZero();

        String migrated = gs.ok("--lang", "en", "restore", "--from", disguised.toString(), "--yes", "--migrate");
        assertThat(migrated).contains("Restored");
        assertThat(Sql.count(general, "SELECT count(*) FROM station WHERE code='GS-007' AND mode='station'"))
                .isEqualTo(1);
        assertThat(gs.ok("audit", "--action", "backup-restore", "--json")).contains("migrated from ZZ-000");
    }

    @Test
    void theIdentityShownAfterARestoreIsTheRestoredOne() throws Exception {
        Path other = dir.resolve("other-station.db");
        new CliRun(other).ok("init", "--station", "GS-009", "--name", "另一个站");
        Path otherBackup = dir.resolve("other-backup.db");
        new CliRun(other).ok("backup", "--out", otherBackup.toString());
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            assertThat(ctx.stations().current().orElseThrow().code()).isEqualTo("GS-007");
            ctx.backups().restore(otherBackup, "admin", true);
            assertThat(ctx.stations().current().orElseThrow().code()).isEqualTo("GS-009");
            assertThat(ctx.stations().codeForNewOpinions()).isEqualTo("GS-009");
            assertThat(ctx.backups().backups()).allMatch(p -> p.getFileName().toString().startsWith("GS-009_"));
        }
    }

    /**
     * The window keeps running after a restore: its next save goes through the statements the writer keeps
     * prepared (Database.cached) and waits for the index (V030) in the restored file, and is found at once and after
     * the indexer has run; what the replaced file had waiting is gone with it.
     */
    @Test
    void aSaveAfterARestoreInTheSameRunIsStoredChainedAndFound() throws Exception {
        Path backup = dir.resolve("before.db");
        cli.ok("backup", "--out", backup.toString());
        try (AppContext ctx = AppContext.open(db, Messages.forLanguage("zh"))) {
            ctx.opinionService().record(input("公园厕所晚上不开灯"), "clerk"); // waiting when the restore comes
            ctx.backups().restore(backup, "admin");
            assertThat(ctx.searchService().search("厕所", OpinionFilter.ALL, 0, 10)).isEmpty();
            ctx.opinionService().record(input("菜市场门口电动车乱停,堵住消防通道"), "clerk");
            assertThat(ctx.searchService().search("消防通道", OpinionFilter.ALL, 0, 10)).hasSize(1);
            assertThat(ctx.searchService().search("路灯", OpinionFilter.ALL, 0, 10)).hasSize(1);
        }
        assertThat(cli.ok("search", "消防通道", "--json")).contains("消防通道");
        assertThat(cli.ok("--lang", "en", "check")).contains("The database is healthy"); // the audit chain included
    }

    private static OpinionInput input(String text) {
        return new OpinionInput(java.time.LocalDateTime.now().minusMinutes(1), Channel.VISIT, Constituent.ANONYMOUS,
                null, text, null);
    }
}
