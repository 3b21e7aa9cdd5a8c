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
