package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/** Hostile or careless input on the command line: a clear message, exit 2 where refused, and nothing lost. */
class BadInputTest {

    @TempDir
    Path dir;
    Path db;
    CliRun cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("station.db");
        cli = new CliRun(db);
        cli.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        cli.ok("add", "--text", "已有的意见,不能丢。");
    }

    @Test
    void twoHundredThousandCharacterTextIsRefusedWithoutSavingAnything() throws Exception {
        CliRun.Result r = cli.run("--lang", "en", "add", "--text", "长".repeat(200_000));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at most 20000 characters", "200000").doesNotContain("Exception");
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(1);
    }

    @Test
    void controlCharactersAndDirectionOverridesAreRefused() throws Exception {
        for (String text : new String[] {"含有\u0000空字符", "转义\u001b[31m序列", "反向\u202Egnp.exe"}) {
            CliRun.Result r = cli.run("--lang", "en", "add", "--text", text);
            assertThat(r.code()).as(text).isEqualTo(2);
            assertThat(r.err()).contains("invisible control character");
        }
        CliRun.Result name = cli.run("--lang", "en", "add", "--text", "正常内容", "--name", "张\u0000三");
        assertThat(name.code()).isEqualTo(2);
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(1);
    }

    @Test
    void emojiRtlMarksAndSqlMetacharactersAreStoredVerbatim() throws Exception {
        String text = "路灯坏了😡‏ '); DROP TABLE opinion; -- %_\\ \"quoted\"";
        cli.ok("add", "--text", text, "--name", "O'Brien");
        String json = cli.ok("list", "--query", "DROP TABLE", "--json");
        assertThat(json).contains("😡", "DROP TABLE opinion; --", "\\\"quoted\\\"");
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(2);
    }

    @Test
    void searchStringsWithSqlMetacharactersMatchLiterallyAndHarmNothing() throws Exception {
        for (String q : new String[] {"' OR '1'='1", "%", "_", "\\", "\"; DELETE FROM opinion; --", "😀", "\u200F"}) {
            CliRun.Result r = cli.run("list", "--query", q, "--json");
            assertThat(r.code()).as(q).isZero();
            assertThat(r.out().strip()).as(q).isEqualTo("[]");
        }
        assertThat(Sql.count(db, "SELECT count(*) FROM opinion")).isEqualTo(1);
        assertThat(cli.run("check").code()).isZero();
    }

    @Test
    void notADatabaseIsRefusedClearly() throws Exception {
        Path text = dir.resolve("notes.db");
        java.nio.file.Files.writeString(text, "这不是数据库");
        CliRun.Result r = new CliRun(text).run("--lang", "en", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a Liaison Desk database");
    }
}
