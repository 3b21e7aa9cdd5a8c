package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handling commands the round trip does not need: side paths, calendar, limits, overdue. */
class LoopCommandsTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sidePathsCalendarLimitsAndOverdue() throws Exception {
        CliRun cli = new CliRun(dir.resolve("desk.db"));
        cli.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        cli.ok("units", "add", "QJ-01", "--name", "区交通运输局", "--kind", "district-dept");
        assertThat(cli.run("units", "add", "QJ-01", "--name", "x", "--kind", "street").code()).isEqualTo(2);
        cli.ok("units", "edit", "QJ-01", "--contact", "王科长 87000001");
        assertThat(json.readTree(cli.ok("units", "--json")).get(0).get("contact").asText()).isEqualTo("王科长 87000001");

        String a = cli.ok("add", "--text", "公交站台没有遮雨棚,老人等车不便").strip();
        String b = cli.ok("add", "--text", "邻居装修纠纷,已起诉到法院").strip();
        String c = cli.ok("add", "--text", "建议全市推广老旧小区加装电梯").strip();

        CliRun.Result noReferral = cli.run("reject", b, "--reason", "已进入诉讼程序", "--referral", "nowhere");
        assertThat(noReferral.code()).isEqualTo(2);
        assertThat(noReferral.err()).contains("petition");
        assertThat(cli.ok("reject", b, "--reason", "已进入诉讼程序", "--referral", "court")).contains("不予受理");
        assertThat(cli.ok("suggest", c, "--number", "JY-2026-018")).contains("转为代表建议");

        LocalDate soon = LocalDate.now().plusDays(1);
        cli.ok("assign", a, "--unit", "QJ-01", "--due", soon.toString());
        assertThat(cli.ok("extend", a, "--due", soon.plusDays(20).toString(), "--reason", "需协调")).contains(
                soon.plusDays(20).toString());
        assertThat(cli.ok("return", a, "--reason", "不属于本单位职责")).contains("退回重交");
        cli.ok("assign", a, "--unit", "QJ-01", "--due", LocalDate.now().toString());
        JsonNode soonList = json.readTree(cli.ok("overdue", "--json", "--soon"));
        assertThat(soonList).anySatisfy(w -> {
            assertThat(w.get("id").asText()).isEqualTo(a);
            assertThat(w.get("kind").asText()).isEqualTo("due-soon");
            assertThat(w.get("supervision").asText()).isEqualTo("yellow");
        });
        assertThat(json.readTree(cli.ok("overdue", "--json"))).isEmpty();

        Path file = dir.resolve("2027.json");
        Files.writeString(file, "{\"format\":\"liaison-desk-calendar\",\"version\":1,\"years\":[{\"year\":2027,"
                + "\"source\":\"test\",\"holidays\":[\"2027-01-01\",\"2027-02-06/2027-02-12\"],"
                + "\"workdays\":[\"2027-02-14\"]}]}");
        assertThat(cli.ok("calendar", "--load", file.toString())).contains("2027");
        assertThat(cli.ok("calendar")).contains("2025", "2026", "2027");
        assertThat(json.readTree(cli.ok("calendar", "--year", "2027", "--json")).get("years").get(0)
                .get("holidays")).hasSize(8);
        Files.writeString(file, "{\"format\":\"nope\"}");
        assertThat(cli.run("calendar", "--load", file.toString()).code()).isEqualTo(2);

        cli.ok("limits", "district", "10");
        assertThat(json.readTree(cli.ok("limits", "--json")).get("district").get("amount").asInt()).isEqualTo(10);
        assertThat(cli.run("limits", "nowhere", "3").code()).isEqualTo(2);
        assertThat(cli.ok("history", a)).contains("assign", "return", "extend");

        Path slip = dir.resolve("slip.html");
        cli.ok("slip", a, "--out", slip.toString());
        assertThat(Files.readString(slip)).contains("交办单", "HZ-000-", "区交通运输局", "王科长", "公交站台");
        assertThat(cli.run("slip", b, "--out", slip.toString()).code()).isEqualTo(2);
    }
}
