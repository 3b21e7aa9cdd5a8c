package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path db;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        db = dir.resolve("station.db");
        cli = new CliRunner(db);
    }

    private JsonNode json(CliRunner.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void helpAndVersionNeedNoDatabase() {
        CliRunner.Result help = cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("init", "add", "list", "stats", "用法");
        assertThat(new CliRunner(db).run("--lang", "en", "--help").out()).contains("Usage", "Record one opinion");
        CliRunner.Result version = cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("Liaison Desk");
        assertThat(db).doesNotExist();
    }

    @Test
    void initAddListStatsRoundTrip() throws Exception {
        assertThat(cli.run("init", "--station", "GS-007", "--name", "湖滨街道人大代表联络站").code()).isZero();
        CliRunner.Result added = cli.run("add", "--text", "对面工地每天晚上十一点还在打桩,孩子睡不着。", "--channel", "phone",
                "--name", "张三", "--phone", "13812341234", "--address", "湖滨花园3幢", "--received", "2023-05-01");
        assertThat(added.code()).as(added.err()).isZero();
        String id = added.out().strip();
        assertThat(id).matches("[0-9a-f-]{36}");

        JsonNode list = json(cli.run("list", "--json"));
        assertThat(list).hasSize(1);
        JsonNode o = list.get(0);
        assertThat(o.get("id").asText()).isEqualTo(id);
        assertThat(o.get("station").asText()).isEqualTo("GS-007");
        assertThat(o.get("number").asText()).isEqualTo("GS-007-2023-000001");
        assertThat(o.get("receivedAt").asText()).startsWith("2023-05-01T");
        assertThat(o.get("channel").asText()).isEqualTo("phone");
        assertThat(o.get("text").asText()).isEqualTo("对面工地每天晚上十一点还在打桩,孩子睡不着。");
        assertThat(o.get("status").asText()).isEqualTo("recorded");
        assertThat(o.get("areas").isArray()).isTrue();

        JsonNode stats = json(cli.run("stats", "--json"));
        assertThat(stats.get("opinions").asLong()).isEqualTo(1);
        assertThat(stats.get("byStation").get("GS-007").asLong()).isEqualTo(1);
        assertThat(stats.get("byStatus").get("recorded").asLong()).isEqualTo(1);
        long areaSum = 0;
        for (String k : new String[] {"1", "2", "3", "4", "5", "6", "none"}) {
            areaSum += stats.get("byArea").get(k).asLong();
        }
        assertThat(areaSum).isEqualTo(1);
        assertThat(stats.get("batchesExported").asLong()).isZero();
        assertThat(stats.get("batchesImported").asLong()).isZero();
    }

    @Test
    void numbersIncreasePerStationAndYear() throws Exception {
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        cli.run("add", "--text", "第一条意见内容", "--received", "2023-01-02");
        cli.run("add", "--text", "第二条意见内容", "--received", "2023-03-02");
        cli.run("add", "--text", "第三条意见内容", "--received", "2024-01-05");
        JsonNode list = json(cli.run("list", "--json"));
        assertThat(list).extracting(n -> n.get("number").asText())
                .containsExactly("GS-001-2024-000001", "GS-001-2023-000002", "GS-001-2023-000001");
    }

    @Test
    void listFiltersAndLimit() throws Exception {
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        cli.run("add", "--text", "电话反映的意见", "--channel", "phone", "--received", "2023-01-02");
        cli.run("add", "--text", "来信反映的意见", "--channel", "letter", "--received", "2023-02-02");
        cli.run("add", "--text", "来访反映的意见", "--received", "2023-03-02");
        assertThat(json(cli.run("list", "--channel", "letter", "--json"))).hasSize(1);
        assertThat(json(cli.run("list", "--status", "recorded", "--json"))).hasSize(3);
        assertThat(json(cli.run("list", "--status", "reviewed", "--json"))).isEmpty();
        assertThat(json(cli.run("list", "--limit", "2", "--json"))).hasSize(2);
        assertThat(json(cli.run("list", "--query", "来信", "--json"))).hasSize(1);
        assertThat(json(cli.run("list", "--from", "2023-02-01", "--to", "2023-02-28", "--json"))).hasSize(1);
        assertThat(cli.run("list", "--status", "lost", "--json").code()).isEqualTo(2);
        assertThat(cli.run("list", "--area", "9", "--json").code()).isEqualTo(2);
    }

    @Test
    void addWorksBeforeInitAndInitAdoptsTheOpinions() throws Exception {
        assertThat(cli.run("add", "--text", "还没设置联络站时录入的意见").code()).isZero();
        assertThat(cli.run("init", "--station", "GS-009", "--name", "良渚街道联络站").code()).isZero();
        JsonNode o = json(cli.run("list", "--json")).get(0);
        assertThat(o.get("station").asText()).isEqualTo("GS-009");
        assertThat(o.get("number").asText()).startsWith("GS-009-");
    }

    @Test
    void initIsOnceButRepeatingTheSameIdentityIsHarmless() {
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站", "--mode", "general").code()).isZero();
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站", "--mode", "general").code()).isZero();
        CliRunner.Result other = cli.run("init", "--station", "GS-002", "--name", "别的站");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("GS-001");
    }

    @Test
    void badInitInput() {
        assertThat(cli.run("init", "--station", "../../x", "--name", "测试站").code()).isEqualTo(2);
        assertThat(cli.run("init", "--station", "GS-1", "--name", "  ").code()).isEqualTo(2);
        assertThat(cli.run("init", "--station", "GS-1", "--name", "站", "--mode", "central").code()).isEqualTo(2);
        assertThat(cli.run("init", "--name", "缺少代码").code()).isEqualTo(1);
    }

    @Test
    void badOpinionInputIsRejectedWithAClearMessageAndNothingSaved() throws Exception {
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        assertRejected(cli.run("add", "--text", ""), "请填写意见内容");
        assertRejected(cli.run("add", "--text", "   \n\t "), "请填写意见内容");
        assertRejected(cli.run("add", "--text", "长".repeat(20_001)), "最多 20000 字");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        assertRejected(cli.run("add", "--text", "未来的意见", "--received", tomorrow), "不能晚于今天");
        assertRejected(cli.run("add", "--text", "日期不对", "--received", "2023-13-45"), "日期");
        assertRejected(cli.run("add", "--text", "含有\u0000控制字符"), "控制字符");
        assertRejected(cli.run("add", "--text", "含有\u001b[31m转义"), "控制字符");
        assertRejected(cli.run("add", "--text", "正常内容", "--name", "张\u202e三"), "控制字符");
        assertRejected(cli.run("add", "--text", "正常内容", "--phone", "abc"), "电话号码");
        assertRejected(cli.run("add", "--text", "正常内容", "--channel", "fax"), "来源渠道");
        assertThat(json(cli.run("stats", "--json")).get("opinions").asLong()).isZero();
        assertThat(cli.run("add", "--text", "正好两万字".repeat(4000)).code()).isZero();
    }

    @Test
    void englishMessagesWithLangEn() {
        CliRunner.Result r = cli.run("--lang", "en", "add", "--text", " ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Please enter the opinion's text");
    }

    @Test
    void theCommandIsFoundWhereverTheGlobalOptionsStand() {
        assertThat(Cli.commandName(new String[] {"--db", "x.db", "--lang", "en", "stats", "--json"})).isEqualTo("stats");
        assertThat(Cli.commandName(new String[] {"--db=x.db", "list"})).isEqualTo("list");
        assertThat(Cli.commandName(new String[] {"--db", "x.db"})).as("the window").isNull();
        assertThat(cli.run("--lang", "en", "stats", "--json").code()).isZero();
        assertThat(cli.run("stats", "--json", "--lang", "en").code()).isZero();
    }

    @Test
    void usageErrorsExitOne() {
        assertThat(cli.run("frobnicate").code()).isEqualTo(1);
        assertThat(cli.run("add").code()).isEqualTo(1);
        assertThat(cli.run("list", "--limit", "many").code()).isEqualTo(1);
    }

    @Test
    void notADatabaseFileIsRefused() throws Exception {
        Path junk = dir.resolve("notes.db");
        Files.writeString(junk, "这不是数据库,是一份会议纪要。".repeat(20));
        CliRunner.Result r = new CliRunner(junk).run("list", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("不是联络站民意簿的数据库").doesNotContain("Exception");
        assertThat(Files.readString(junk)).startsWith("这不是数据库");

        CliRunner.Result folder = new CliRunner(dir).run("list", "--json");
        assertThat(folder.code()).isEqualTo(2);
    }

    @Test
    void unreadableDatabaseFileIsRefused() throws Exception {
        Path file = dir.resolve("locked-away.db");
        new CliRunner(file).run("init", "--station", "GS-1", "--name", "站");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100);
            raf.write(new byte[4096]);
        }
        CliRunner.Result r = new CliRunner(file).run("list", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void databaseLockedByAnotherInstanceGetsAClearMessage() throws Exception {
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            CliRunner.Result r = cli.run("add", "--text", "被锁住时录入的意见");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("占用");
            st.execute("ROLLBACK");
        }
        assertThat(json(cli.run("stats", "--json")).get("opinions").asLong()).isZero();
    }

    private static void assertRejected(CliRunner.Result r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isBlank();
    }
}
