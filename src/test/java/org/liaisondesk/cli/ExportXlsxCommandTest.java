package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-xlsx} through the real command line: the list's filters, Chinese text, clear errors. */
class ExportXlsxCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFilteredListAsAWorkbook() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站").code()).isZero();
        assertThat(cli.run("add", "--text", "小区门口的路灯坏了", "--channel", "phone").code()).isZero();
        assertThat(cli.run("add", "--text", "=1+2 公交车太少").code()).isZero();
        Path out = dir.resolve("电话.xlsx");

        CliRunner.Result r = cli.run("export-xlsx", "--out", out.toString(), "--channel", "phone");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1").contains(out.getFileName().toString());
        List<Row> rows = read(out);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getCellText(6)).isEqualTo("小区门口的路灯坏了");
        assertThat(rows.get(1).getCellText(3)).isEqualTo("电话");

        assertThat(cli.run("export-xlsx", "--out", out.toString()).code()).isZero();
        assertThat(read(out)).extracting(row -> row.getCellText(6)).contains("'=1+2 公交车太少");
    }

    /**
     * #14.13: the ledger carries the deputy's review after the eight columns of before, and an exported opinion still
     * reads 已审阅 (the export is a fact about the batch, not the opinion's handling).
     */
    @Test
    void theLedgerCarriesTheReviewAndKeepsItsStateAfterExport() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站").code()).isZero();
        String reviewed = cli.run("add", "--text", "老小区加装电梯的补贴什么时候能落实").out().strip();
        assertThat(cli.run("add", "--text", "小区门口的路灯坏了", "--received", "2026-11-01").code()).isZero();
        CliRunner.Result review = cli.run("review", reviewed, "--areas", "4,3", "--note", "请街道尽快答复",
                "--priority", "urgent", "--handling", "street");
        assertThat(review.code()).as(review.err()).isZero();
        assertThat(cli.run("export", "--out", dir.toString()).code()).isZero();
        Path out = dir.resolve("台账.xlsx");

        assertThat(cli.run("export-xlsx", "--out", out.toString()).code()).isZero();

        List<Row> rows = read(out);
        assertThat(rows.get(0).getCellText(7)).isEqualTo("接待人");
        assertThat(rows.get(0).getCellText(8)).isEqualTo("审阅状态");
        Row row = rows.stream().filter(r -> r.getCellText(6).startsWith("老小区")).findFirst().orElseThrow();
        assertThat(row.getCellText(5)).isEqualTo("已导出");
        assertThat(row.getCellText(8)).isEqualTo("已审阅");
        assertThat(row.getCellText(9)).isEqualTo("是");
        assertThat(row.getCellText(10)).startsWith("四 ").contains("; 三 ");
        assertThat(row.getCellText(12)).isEqualTo("紧急");
        assertThat(row.getCellText(13)).isEqualTo("转街道/乡镇办理");
        assertThat(row.getCellText(15)).isEqualTo("请街道尽快答复");
        Row other = rows.stream().filter(r -> r.getCellText(6).startsWith("小区门口")).findFirst().orElseThrow();
        assertThat(other.getCellText(8)).isEqualTo("未审阅");
        try (InputStream in = Files.newInputStream(out); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getSheets().map(s -> s.getName()).toList()).contains("按任务领域", "按渠道", "按月份");
        }
    }

    @Test
    void aFolderThatDoesNotExistIsAClearErrorWithExit2() {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站").code()).isZero();

        CliRunner.Result r = cli.run("export-xlsx", "--out", dir.resolve("nowhere/x.xlsx").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("文件夹").contains("不存在").doesNotContain("Exception");
        assertThat(cli.run("export-xlsx", "--out", "x.xlsx", "--from", "2024-13-01").code()).isEqualTo(2);
    }

    private static List<Row> read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            return wb.getFirstSheet().read();
        }
    }
}
