package org.liaisondesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.service.HandlingService;

/** The reminder notice (催办通知) read back with POI, on a real database with a clock set around 国庆 2026. */
class ReminderNoticeTest extends org.liaisondesk.service.HandlingDeskTest {

    @Override
    protected String stationName() {
        return "湖滨联络总站";
    }

    private Opinion add(String name, String text) {
        return ctx.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 9, 22, 9, 0), Channel.VISIT,
                new Constituent(name, "13800000000", "湖滨路8号3幢201室", true), "clerk", text, List.of()), "clerk");
    }

    @Test
    void onePagePerUnitWithAssignmentNumberDueDateWorkingDaysOverdueAndMaskedResidents() throws Exception {
        Opinion late = add("张三丰", "小区门口道路坑洼,下雨积水严重");
        Opinion bus = add("李四", "公交站台没有遮雨棚");
        handling.assign(late.id(), new HandlingService.Assignment("JD-01", List.of(), null, null, null, false),
                "总站");
        handling.assign(bus.id(), new HandlingService.Assignment("QJ-01", List.of(), null,
                java.time.LocalDate.parse("2026-10-13"), null, false), "总站");
        assertThat(ReminderNotice.write(handling, null, "湖滨联络总站", dir.resolve("none.docx")).file()).isNull();
        // street: due Thu 10-08 (after 中秋 and 国庆); on Mon 10-12 it is 10-09, 10-10 (调休 Saturday), 10-12 late
        clock.advance(19 * 86_400L);
        Path out = dir.resolve("催办.docx");
        ReminderNotice.Written w = ReminderNotice.write(handling, null, "湖滨联络总站", out);
        assertThat(w.units()).isEqualTo(2);
        assertThat(w.matters()).isEqualTo(2);
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("催办通知", "湖滨街道办事处：", "区交通运输局：", "湖滨联络总站", "2026年10月12日",
                    "已超过办理期限");
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(2);
            String street = tables.stream().map(XWPFTable::getText).filter(t -> t.contains("坑洼")).findFirst()
                    .orElseThrow();
            assertThat(street).contains("GS-001-2026-0001", late.number(), "2026年10月8日", "超期 3 个工作日")
                    .doesNotContain("张三丰", "13800000000", "公交站台");
            assertThat(street).contains("张*");
            String district = tables.stream().map(XWPFTable::getText).filter(t -> t.contains("遮雨棚")).findFirst()
                    .orElseThrow();
            assertThat(district).contains("剩 1 个工作日");
            String allText = text + tables.stream().map(XWPFTable::getText).collect(Collectors.joining());
            assertThat(allText).doesNotContain("张三丰", "李四", "13800000000", "3幢201室");
        }
        Path one = dir.resolve("one.docx");
        assertThat(ReminderNotice.write(handling, "QJ-01", "湖滨联络总站", one).units()).isEqualTo(1);
    }
}
