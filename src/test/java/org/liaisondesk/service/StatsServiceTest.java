package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;

/** The dashboard's counts against known data, and the Excel export read back. */
class StatsServiceTest {

    @TempDir
    Path dir;

    private AppContext ctx;

    @BeforeEach
    void open() {
        ctx = AppContext.open(dir.resolve("t.db"), Messages.forLanguage("zh"));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static Opinion opinion(String station, String received, Channel channel, Status status, String text,
                                   AreaTag... tags) {
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        return new Opinion(UUID.randomUUID(), null, station, LocalDateTime.parse(received), channel,
                new Constituent("李四", "13900001111", "西湖区某小区", true), "王秘书", text, List.of(tags), status,
                now, now, 1, false);
    }

    private static AreaTag tag(String subtopic, boolean primary) {
        int area = Integer.parseInt(subtopic.substring(0, 1));
        return new AreaTag(area, subtopic, "条款", primary, 0.8, TagSource.AUTO, null, "test");
    }

    /** 10 opinions: 6 at GS-1 in 2024-01..03, 4 at GS-2 in 2024-03 and 2023-12; one without area; one deleted. */
    private void known() {
        List<Opinion> all = new ArrayList<>();
        all.add(opinion("GS-1", "2024-01-05T09:00", Channel.VISIT, Status.RECORDED, "路灯坏了", tag("4.01", true),
                tag("3.01", false)));
        all.add(opinion("GS-1", "2024-01-20T09:00", Channel.PHONE, Status.REVIEWED, "公交太少", tag("4.01", true)));
        all.add(opinion("GS-1", "2024-02-02T09:00", Channel.PHONE, Status.EXPORTED, "垃圾分类", tag("3.01", true)));
        all.add(opinion("GS-1", "2024-03-03T09:00", Channel.VISIT, Status.HANDLING, "停车难", tag("4.01", true)));
        all.add(opinion("GS-1", "2024-03-04T09:00", Channel.ONLINE, Status.CLOSED, "河道治理", tag("3.02", true)));
        all.add(opinion("GS-1", "2024-03-31T23:59", Channel.VISIT, Status.RECORDED, "说不清的事"));
        all.add(opinion("GS-2", "2024-03-10T09:00", Channel.VISIT, Status.RECORDED, "学校扩建", tag("4.02", true)));
        all.add(opinion("GS-2", "2024-03-11T09:00", Channel.LETTER, Status.RECORDED, "立法建议", tag("5.01", true)));
        all.add(opinion("GS-2", "2024-03-12T09:00", Channel.VISIT, Status.REVIEWED, "菜场改造", tag("4.01", true)));
        all.add(opinion("GS-2", "2023-12-30T09:00", Channel.VISIT, Status.RECORDED, "去年的意见", tag("2.01", true)));
        ctx.opinions().createAll(all, "clerk");
        Opinion gone = ctx.opinions().create(opinion("GS-2", "2024-03-13T09:00", Channel.VISIT, Status.RECORDED,
                "已删除", tag("4.01", true)), "clerk");
        ctx.opinions().setDeleted(gone.id(), true, "clerk");
    }

    @Test
    void countsEveryDimensionOfThePeriodAndStation() {
        known();
        StatsService.Dashboard all = ctx.stats().dashboard(OpinionFilter.ALL);
        DashboardCounts c = all.counts();
        assertThat(c.total()).isEqualTo(10);
        assertThat(c.byArea()).containsExactly(entry(1, 0L), entry(2, 1L), entry(3, 2L), entry(4, 5L), entry(5, 1L),
                entry(6, 0L), entry(0, 1L));
        assertThat(c.byMonth()).containsExactly(entry("2023-12", 1L), entry("2024-01", 2L), entry("2024-02", 1L),
                entry("2024-03", 6L));
        assertThat(c.byStation()).containsExactly(entry("GS-1", 6L), entry("GS-2", 4L));
        assertThat(c.byStatus()).containsExactly(entry("recorded", 5L), entry("reviewed", 2L), entry("exported", 1L),
                entry("handling", 1L), entry("closed", 1L));
        assertThat(c.byChannel()).containsExactly(entry("visit", 6L), entry("phone", 2L), entry("letter", 1L),
                entry("online", 1L));
        // Only primary tags count: 4.01 four times (not the secondary 3.01 of the first opinion).
        assertThat(all.subtopics()).extracting(StatsService.SubtopicCount::id, StatsService.SubtopicCount::count)
                .startsWith(org.assertj.core.groups.Tuple.tuple("4.01", 4L));
        assertThat(all.subtopics()).hasSize(6);
        assertThat(all.subtopics().get(0).wording()).isEqualTo(
                ctx.tagging().taxonomy().subtopic("4.01").orElseThrow().wording());

        DashboardCounts march = ctx.stats().dashboard(OpinionFilter.ALL.withReceived(LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-31")).withStation("GS-1")).counts();
        assertThat(march.total()).isEqualTo(3);
        assertThat(march.byStation()).containsExactly(entry("GS-1", 3L));
        assertThat(march.byArea()).contains(entry(4, 1L), entry(3, 1L), entry(0, 1L));
        assertThat(march.byStatus()).contains(entry("handling", 1L), entry("closed", 1L), entry("recorded", 1L),
                entry("reviewed", 0L));
    }

    /**
     * Issue #15: without dates the dashboard reads areas, statuses, channels and stations from the running counts,
     * and sub-topics from the row's copy of the primary tag's sub-topic (V029); both must say what a scan of the
     * rows says (a date range wide enough for everything forces the scan), also after tags change.
     */
    @Test
    void runningCountsAndTheStoredSubtopicSayWhatTheRowsSay() {
        known();
        OpinionFilter everything = OpinionFilter.ALL.withReceived(LocalDate.parse("2000-01-01"),
                LocalDate.parse("2100-12-31"));
        assertSameCounts(OpinionFilter.ALL, everything);
        assertSameCounts(OpinionFilter.ALL.withStation("GS-2"), everything.withStation("GS-2"));
        assertSameCounts(OpinionFilter.ALL.withStatus(Status.RECORDED), everything.withStatus(Status.RECORDED));

        Opinion bus = ctx.opinions().create(opinion("GS-1", "2024-02-05T09:00", Channel.PHONE, Status.RECORDED,
                "公交站太远", tag("4.01", true)), "clerk");
        assertThat(subtopicCount("4.01")).isEqualTo(5);
        Opinion moved = new Opinion(bus.id(), bus.number(), bus.station(), bus.receivedAt(), bus.channel(),
                bus.constituent(), bus.receivedBy(), bus.text(), List.of(tag("5.01", true), tag("4.01", false)),
                bus.status(), bus.createdAt(), bus.updatedAt(), bus.revision(), false);
        ctx.opinions().update(moved, bus.revision(), "clerk", "edit").orElseThrow();
        assertThat(subtopicCount("4.01")).isEqualTo(4);
        assertThat(subtopicCount("5.01")).isEqualTo(2);
        ctx.opinions().replaceAutoTags(List.of(new org.liaisondesk.store.OpinionRepository.AutoTags(bus.id(),
                List.of(tag("3.02", true)))), "tagger");
        assertThat(subtopicCount("5.01")).isEqualTo(1);
        assertThat(subtopicCount("3.02")).isEqualTo(2);
        ctx.opinions().replaceAutoTags(List.of(new org.liaisondesk.store.OpinionRepository.AutoTags(bus.id(),
                List.of())), "tagger");
        assertThat(subtopicCount("3.02")).isEqualTo(1);
        assertSameCounts(OpinionFilter.ALL, everything);
    }

    private long subtopicCount(String id) {
        return ctx.stats().dashboard(OpinionFilter.ALL).subtopics().stream().filter(s -> s.id().equals(id))
                .mapToLong(StatsService.SubtopicCount::count).sum();
    }

    private void assertSameCounts(OpinionFilter counted, OpinionFilter scanned) {
        DashboardCounts a = ctx.stats().dashboard(counted).counts();
        DashboardCounts b = ctx.stats().dashboard(scanned).counts();
        assertThat(a.total()).isEqualTo(b.total());
        assertThat(a.byArea()).containsExactlyEntriesOf(b.byArea());
        assertThat(a.byStatus()).containsExactlyEntriesOf(b.byStatus());
        assertThat(a.byChannel()).containsExactlyEntriesOf(b.byChannel());
        assertThat(a.byStation()).containsExactlyEntriesOf(b.byStation());
        assertThat(a.byMonth()).containsExactlyEntriesOf(b.byMonth());
        assertThat(a.bySubtopic()).containsExactlyEntriesOf(b.bySubtopic());
    }

    @Test
    void exportedWorkbookReadsBackWithTheSameRowsChineseIntactAndFormulasNeutralised() throws Exception {
        known();
        ctx.opinions().createAll(List.of(
                opinion("GS-3", "2024-04-01T08:15", Channel.VISIT, Status.RECORDED, "=HYPERLINK(\"http://x\",\"点我\")"),
                opinion("GS-3", "2024-04-01T08:16", Channel.VISIT, Status.RECORDED, "+1+1"),
                opinion("GS-3", "2024-04-01T08:17", Channel.VISIT, Status.RECORDED, "-2+3"),
                opinion("GS-3", "2024-04-01T08:18", Channel.VISIT, Status.RECORDED, "@SUM(A1)"),
                opinion("GS-3", "2024-04-01T08:19", Channel.VISIT, Status.RECORDED, "\t=1"),
                opinion("GS-3", "2024-04-01T08:20", Channel.VISIT, Status.RECORDED, "\r=1")), "clerk");
        Path out = dir.resolve("意见.xlsx");

        long rows = ctx.stats().exportXlsx(OpinionFilter.ALL, out, ctx.messages(), () -> false);

        assertThat(rows).isEqualTo(16);
        List<Row> read;
        try (InputStream in = Files.newInputStream(out); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            read = wb.getFirstSheet().read();
        }
        assertThat(read).hasSize(17);
        assertThat(read.get(0).getCellText(0)).isEqualTo("编号");
        assertThat(read.get(0).getCellText(6)).isEqualTo("意见内容");
        List<String> texts = read.subList(1, read.size()).stream().map(r -> r.getCellText(6)).toList();
        assertThat(texts).contains("路灯坏了", "说不清的事", "去年的意见", "'=HYPERLINK(\"http://x\",\"点我\")", "'+1+1",
                "'-2+3", "'@SUM(A1)", "'\t=1").doesNotContain("已删除");
        for (Row r : read) {
            r.forEach(cell -> assertThat(cell == null ? CellType.EMPTY : cell.getType()).isNotEqualTo(
                    CellType.FORMULA));
        }
        // Newest first, the received time a real date, the labels in Chinese.
        Row newest = read.get(1);
        assertThat(newest.getCellText(0)).startsWith("GS-3-2024-");
        assertThat(newest.getCellAsDate(2)).contains(LocalDateTime.parse("2024-04-01T08:20"));
        assertThat(newest.getCellText(3)).isEqualTo("来访");
        assertThat(newest.getCellText(4)).isEqualTo("未归类");
        assertThat(newest.getCellText(5)).isEqualTo("录入");
        assertThat(read.stream().map(r -> r.getCellText(4))).contains("四 民生与共同富裕");
    }

    @Test
    void aFilteredExportHasOnlyThoseRowsAndACancelledOneLeavesNoFile() throws Exception {
        known();
        Path out = dir.resolve("gs2.xlsx");
        assertThat(ctx.stats().exportXlsx(OpinionFilter.ALL.withStation("GS-2"), out, ctx.messages(), () -> false))
                .isEqualTo(4);
        try (InputStream in = Files.newInputStream(out); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getFirstSheet().read()).hasSize(5);
        }

        Path cancelled = dir.resolve("cancelled.xlsx");
        assertThatThrownBy(() -> ctx.stats().exportXlsx(OpinionFilter.ALL, cancelled, ctx.messages(), () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(cancelled).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void neutralisesWhatASpreadsheetCouldTakeForAFormula() {
        assertThat(XlsxExport.neutralised("=1+1")).isEqualTo("'=1+1");
        assertThat(XlsxExport.neutralised("-5")).isEqualTo("'-5");
        assertThat(XlsxExport.neutralised("\r\n")).isEqualTo("'\r\n");
        assertThat(XlsxExport.neutralised("路灯 = 坏")).isEqualTo("路灯 = 坏");
        assertThat(XlsxExport.neutralised("")).isEqualTo("");
    }

    @Test
    void largestMattersAreTheBiggestGroupsOfThePeriodAndStopWhenCancelled() {
        known();
        ctx.opinions().createAll(List.of(
                opinion("GS-1", "2024-04-02T09:00", Channel.VISIT, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多很危险"),
                opinion("GS-2", "2024-04-03T09:00", Channel.PHONE, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多危险"),
                opinion("GS-3", "2024-04-04T09:00", Channel.VISIT, Status.RECORDED, "建议文三路口增设红绿灯,上下学时段车很多很危险"),
                opinion("GS-1", "2024-03-02T09:00", Channel.VISIT, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多很危险")),
                "clerk");
        OpinionFilter april = OpinionFilter.ALL.withReceived(LocalDate.parse("2024-04-01"),
                LocalDate.parse("2024-04-30"));

        List<StatsService.Matter> matters = ctx.stats().largestMatters(april, 10, () -> false);

        assertThat(matters).hasSize(1);
        assertThat(matters.get(0).size()).isEqualTo(3);
        assertThat(matters.get(0).stations()).containsExactly("GS-1", "GS-2", "GS-3");
        assertThat(matters.get(0).text()).contains("文三路口");
        assertThat(ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false).get(0).size()).isEqualTo(4);
        assertThatThrownBy(() -> ctx.stats().largestMatters(april, 10, () -> true))
                .isInstanceOf(CancellationException.class);
    }

    /**
     * Issue #15: the largest matters come from stored groups (V029): an opinion recorded later joins the stored group
     * of its matter, a changed text is grouped again, and a clerk's link merges two groups, as before.
     */
    @Test
    void storedMatterGroupsGrowWithNewOpinionsFollowEditsAndLinks() {
        known();
        String lights = "建议在文三路口增设红绿灯,上下学时段车多很危险";
        ctx.opinions().createAll(List.of(
                opinion("GS-1", "2024-04-02T09:00", Channel.VISIT, Status.RECORDED, lights),
                opinion("GS-2", "2024-04-03T09:00", Channel.PHONE, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多危险"),
                opinion("GS-1", "2024-04-05T09:00", Channel.VISIT, Status.RECORDED, "翠苑三区垃圾站夏天臭味很大,希望每天清运两次"),
                opinion("GS-2", "2024-04-06T09:00", Channel.VISIT, Status.RECORDED, "翠苑三区垃圾站夏天臭味很大,希望清运两次")),
                "clerk");
        List<StatsService.Matter> first = ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false);
        assertThat(first).extracting(StatsService.Matter::size).containsExactly(2, 2);

        Opinion third = ctx.opinions().create(opinion("GS-3", "2024-04-07T09:00", Channel.VISIT, Status.RECORDED,
                "建议文三路口增设红绿灯,上下学时段车很多很危险"), "clerk");
        List<StatsService.Matter> grown = ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false);
        assertThat(grown).extracting(StatsService.Matter::size).containsExactly(3, 2);
        assertThat(grown.get(0).stations()).containsExactly("GS-1", "GS-2", "GS-3");
        assertThat(grown.get(0).text()).isEqualTo(lights);

        Opinion edited = new Opinion(third.id(), third.number(), third.station(), third.receivedAt(),
                third.channel(), third.constituent(), third.receivedBy(), "楼道里的声控灯晚上总是不亮",
                third.tags(), third.status(), third.createdAt(), third.updatedAt(), third.revision(), false);
        ctx.opinions().update(edited, third.revision(), "clerk", "edit").orElseThrow();
        assertThat(ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false))
                .extracting(StatsService.Matter::size).containsExactly(2, 2);

        ctx.searchService().link(third.id(), first.get(0).opinions().get(0), "clerk");
        ctx.searchService().link(first.get(1).opinions().get(0), first.get(0).opinions().get(0), "clerk");
        assertThat(ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false))
                .extracting(StatsService.Matter::size).containsExactly(5);
        // Within one station only what is linked or similar there: GS-1's two linked opinions, nothing at GS-2.
        assertThat(ctx.stats().largestMatters(OpinionFilter.ALL.withStation("GS-1"), 10, () -> false))
                .extracting(StatsService.Matter::size).containsExactly(2);
        assertThat(ctx.stats().largestMatters(OpinionFilter.ALL.withStation("GS-2"), 10, () -> false)).isEmpty();
    }

    /**
     * Issue #15, the 5,000,000-opinion run: grouping goes a slice at a time (its memory must not grow with the
     * database); opinions of a later slice join the groups seeded in an earlier one.
     */
    @Test
    void matterGroupsGrowAcrossSlices() {
        ctx.searchService().groupInSlicesOf(1);
        ctx.opinions().createAll(List.of(
                opinion("GS-1", "2024-04-02T09:00", Channel.VISIT, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多很危险"),
                opinion("GS-1", "2024-04-05T09:00", Channel.VISIT, Status.RECORDED, "翠苑三区垃圾站夏天臭味很大,希望每天清运两次"),
                opinion("GS-2", "2024-04-03T09:00", Channel.PHONE, Status.RECORDED, "建议在文三路口增设红绿灯,上下学时段车多危险"),
                opinion("GS-3", "2024-04-04T09:00", Channel.PHONE, Status.RECORDED, "楼道里的声控灯晚上总是不亮"),
                opinion("GS-2", "2024-04-06T09:00", Channel.VISIT, Status.RECORDED, "翠苑三区垃圾站夏天臭味很大,希望清运两次"),
                opinion("GS-3", "2024-04-07T09:00", Channel.VISIT, Status.RECORDED, "建议文三路口增设红绿灯,上下学时段车很多很危险")),
                "clerk");
        List<StatsService.Matter> matters = ctx.stats().largestMatters(OpinionFilter.ALL, 10, () -> false);
        assertThat(matters).extracting(StatsService.Matter::size).containsExactly(3, 2);
        assertThat(matters.get(0).stations()).containsExactly("GS-1", "GS-2", "GS-3");
    }

    /**
     * #14.13: after export the list still tells a reviewed opinion from an unreviewed one (the list asks
     * {@code reviewedAmong} for the exported opinions of its page).
     */
    @Test
    void exportedOpinionsStillSayWhetherTheyWereReviewed() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("out"));
        ctx.stations().initialize("GS-1", "一站", org.liaisondesk.model.StationMode.STATION, "clerk");
        Opinion a = ctx.opinions().create(opinion("GS-1", "2024-01-05T09:00", Channel.VISIT, Status.RECORDED,
                "路灯坏了"), "clerk");
        Opinion b = ctx.opinions().create(opinion("GS-1", "2024-01-06T09:00", Channel.VISIT, Status.RECORDED,
                "公交太少"), "clerk");
        ctx.reviews().review(a.id(), a.revision(), new ReviewService.Decision(List.of(4), "请街道答复",
                org.liaisondesk.model.Priority.URGENT, org.liaisondesk.model.Handling.STREET, null), "王代表");
        assertThat(ctx.exports().export(dir.resolve("out"), "clerk")).isPresent();
        assertThat(ctx.opinions().find(a.id()).orElseThrow().status()).isEqualTo(Status.EXPORTED);

        assertThat(ctx.stats().reviewedAmong(List.of(a.id(), b.id()))).containsExactly(a.id());
        assertThat(ctx.stats().reviewedAmong(List.of())).isEmpty();
    }
}
