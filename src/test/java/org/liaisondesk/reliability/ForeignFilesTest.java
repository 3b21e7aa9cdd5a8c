package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/**
 * Files that are not (yet) ours are never taken for ours: another program's SQLite file, an empty file, a missing
 * folder, a damaged database, one from a newer version, a read-only one each get a clear message and are left as
 * they were; only {@code init} sets a new database up.
 */
class ForeignFilesTest {

    @TempDir
    Path dir;

    @Test
    void anotherProgramsSqliteFileIsRefusedAndLeftAlone() throws Exception {
        Path other = dir.resolve("other.sqlite");
        Sql.exec(other, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')");
        String before = sha256(other);
        CliRun.Result stats = new CliRun(other).run("--lang", "en", "stats", "--json");
        assertThat(stats.code()).isEqualTo(2);
        assertThat(stats.err()).contains("another program's SQLite database").doesNotContain("at org.");
        CliRun.Result init = new CliRun(other).run("--lang", "en", "init", "--station", "GS-001", "--name", "x");
        assertThat(init.code()).isEqualTo(2);
        assertThat(Sql.count(other, "SELECT count(*) FROM sqlite_master")).isEqualTo(1);
        assertThat(sha256(other)).isEqualTo(before);
    }

    @Test
    void anEmptyFileIsSetUpOnlyByInit() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        CliRun cli = new CliRun(empty);
        CliRun.Result stats = cli.run("--lang", "en", "stats", "--json");
        assertThat(stats.code()).isEqualTo(2);
        assertThat(stats.err()).contains("empty file", "init");
        assertThat(cli.run("check").code()).isEqualTo(2);
        assertThat(cli.run("add", "--text", "不能在空文件里录入。").code()).isEqualTo(2);
        assertThat(Files.size(empty)).isZero();

        cli.ok("init", "--station", "GS-002", "--name", "新站");
        assertThat(cli.ok("stats", "--json")).contains("\"opinions\"");
        assertThat(Sql.count(empty, "PRAGMA application_id")).isEqualTo(0x4C444B31);
    }

    @Test
    void aMissingFolderIsCreatedOnlyByInit() {
        Path db = dir.resolve("nowhere/yet/x.db");
        CliRun.Result stats = new CliRun(db).run("--lang", "en", "stats", "--json");
        assertThat(stats.code()).isEqualTo(2);
        assertThat(stats.err()).contains("does not exist", "init");
        assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
        new CliRun(db).ok("init", "--station", "GS-003", "--name", "新站");
        assertThat(Files.exists(db)).isTrue();
    }

    @Test
    void aDamagedDatabaseIsReportedAsDamagedNotAsForeign() throws Exception {
        Path db = dir.resolve("damaged.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "GS-004", "--name", "损坏站");
        cli.ok("add", "--text", "这条意见所在的文件随后被损坏。");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(100); // keep the 100-byte header, scribble over the schema page and all after it
            byte[] junk = new byte[(int) f.length() - 100];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            f.write(junk);
        }
        CliRun.Result r = cli.run("--lang", "en", "stats", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("damaged", "backup").doesNotContain("not an SQLite file", "at org.");
    }

    @Test
    void aDatabaseFromANewerVersionIsLeftUntouched() throws Exception {
        Path db = dir.resolve("newer.db");
        new CliRun(db).ok("init", "--station", "GS-005", "--name", "新版本站");
        Sql.exec(db, "PRAGMA user_version=999");
        String before = sha256(db);
        CliRun.Result r = new CliRun(db).run("--lang", "en", "add", "--text", "旧程序不能写新版本的数据库。");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("newer Liaison Desk", "999");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void anOlderDatabaseOfOursWithoutTheMarkIsStillOurs() throws Exception {
        Path db = dir.resolve("older.db");
        new CliRun(db).ok("init", "--station", "GS-006", "--name", "老站");
        Sql.exec(db, "PRAGMA application_id=0");
        assertThat(new CliRun(db).ok("stats", "--json")).contains("\"opinions\"");
    }

    @Test
    void aReadOnlyDatabaseSaysSoAndWritesNothing() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write a read-only file anyway");
        Path db = dir.resolve("readonly.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "GS-008", "--name", "只读站");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        CliRun.Result r = cli.run("--lang", "en", "add", "--text", "只读文件不能写入。");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsAnyOf("read-only", "Cannot read").doesNotContain("at org.");
    }

    @Test
    void exportXlsxToAFolderNamesTheFolderNotATemporaryFile() {
        Path db = dir.resolve("xlsx.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "GS-013", "--name", "导出站");
        cli.ok("add", "--text", "导出到文件夹的意见。");
        CliRun.Result r = cli.run("--lang", "en", "export-xlsx", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder", dir.toString()).doesNotContain(".part", ".liaison-desk-");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
