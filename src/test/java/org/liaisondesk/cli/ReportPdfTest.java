package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.report.PdfConverter;

/**
 * {@code report --format pdf}: converted by LibreOffice when it is installed (skipped otherwise); without it, exit 2
 * with a message saying to install LibreOffice or use docx, and no file.
 */
class ReportPdfTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void station() {
        cli = new CliRun(dir.resolve("t.db"));
        cli.ok("init", "--station", "GS-001", "--name", "翠苑街道人大代表联络站");
        cli.ok("add", "--received", "2026-11-03", "--channel", "visit", "--text", "小区门口的路灯坏了一个多月,晚上出门很危险");
        cli.ok("add", "--received", "2026-11-05", "--channel", "phone", "--text", "对面工地每天晚上十一点还在打桩");
    }

    @Test
    void aPdfReportWhenLibreOfficeIsInstalled() throws Exception {
        Assumptions.assumeTrue(PdfConverter.office().isPresent(), "LibreOffice (soffice) not installed");
        Path out = dir.resolve("月报.pdf");
        String said = cli.ok("report", "--period", "2026-11", "--format", "pdf", "--out", out.toString());
        assertThat(said).contains(out.getFileName().toString());
        byte[] pdf = Files.readAllBytes(out);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(10_000);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".docx"));
        }
    }

    @Test
    void withoutLibreOfficeItSaysWhatToDoAndWritesNothing() {
        String before = System.getProperty("liaisondesk.soffice");
        System.setProperty("liaisondesk.soffice", "");
        try {
            Path out = dir.resolve("月报.pdf");
            CliRun.Result r = cli.run("report", "--period", "2026-11", "--format", "pdf", "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("LibreOffice").contains("docx").doesNotContain("Exception");
            assertThat(out).doesNotExist();
            CliRun.Result en = cli.run("--lang", "en", "report", "--period", "2026-11", "--format", "pdf", "--out",
                    out.toString());
            assertThat(en.err()).contains("install LibreOffice");
        } finally {
            if (before == null) {
                System.clearProperty("liaisondesk.soffice");
            } else {
                System.setProperty("liaisondesk.soffice", before);
            }
        }
    }
}
