package org.liaisondesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.service.Masking;
import org.liaisondesk.tagging.Subtopic;
import org.liaisondesk.tagging.TaskArea;
import org.liaisondesk.tagging.Taxonomy;

/**
 * Writes a periodic report as Chinese prose with the figures in it, in numbered sections (一、二、…), with tables and
 * charts, in the official style of {@link Docx}. Reports are official documents in Chinese whatever the program's
 * language; area names come from the taxonomy ({@link TaskArea}), channel and status names from the Chinese bundle.
 */
final class ReportWriter {

    static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    /** The title of the area table's "no area" row and its total row: the test reads the tables by these. */
    static final String NO_AREA = "未归类";
    static final String TOTAL = "合计";
    private static final int SUBTOPICS_PER_AREA = 3;
    private static final int QUOTE_CHARS = 120;
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

    private final ReportData d;
    private final Taxonomy taxonomy;
    private final Messages zh;
    private final DashboardCounts c;
    private int section;

    ReportWriter(ReportData data, Taxonomy taxonomy, Messages zh) {
        this.d = data;
        this.taxonomy = taxonomy;
        this.zh = zh;
        this.c = data.counts();
    }

    void write(OutputStream out) throws IOException {
        try (Docx doc = new Docx()) {
            doc.title(d.stationName() + d.period().title() + "群众意见建议情况" + d.period().reportName());
            doc.subtitle("（" + ReportPeriod.date(d.period().from()) + "至" + ReportPeriod.date(d.period().to())
                    + "）");
            overview(doc);
            areas(doc);
            channels(doc);
            places(doc);
            matters(doc);
            handling(doc);
            deputies(doc);
            doc.paragraph("");
            doc.right(d.stationName());
            doc.right(ReportPeriod.date(d.writtenOn()));
            doc.write(out);
        }
    }

    private String heading(Docx doc, String text) {
        String h = NUMERALS[section++] + "、" + text;
        doc.heading(h);
        return h;
    }

    private String chartSubtitle() {
        return d.period().title() + " · " + d.stationName();
    }

    // 一、总体情况
    private void overview(Docx doc) throws IOException {
        heading(doc, "总体情况");
        String p = d.period().thisPeriod();
        long total = c.total();
        StringBuilder s = new StringBuilder();
        s.append(p).append("共收集群众意见建议 ").append(n(total)).append(" 条");
        s.append(change(total, d.previous().total(), "环比", previousName()));
        s.append(change(total, d.yearAgo().total(), "同比", "上年同期")).append("。");
        if (total > 0) {
            s.append("按收集渠道分，");
            List<String> parts = new ArrayList<>();
            c.byChannel().forEach((ch, v) -> parts.add(channel(ch) + " " + n(v) + " 条"));
            s.append(String.join("、", parts)).append("。");
            long reviewed = d.handling().reviewed();
            s.append("经代表审阅 ").append(n(reviewed)).append(" 条，占 ").append(pct(reviewed, total)).append("；");
            s.append("已交办办理 ").append(n(d.handling().assigned())).append(" 件，其中已办结 ")
                    .append(n(d.handling().closed())).append(" 件。");
        }
        doc.paragraph(s.toString());
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        d.trend().forEach((m, v) -> {
            YearMonth ym = YearMonth.parse(m);
            labels.add(ym.getYear() % 100 + "年" + ym.getMonthValue() + "月");
            values.add(v);
        });
        String title = "近 " + labels.size() + " 个月群众意见建议数量";
        chart(doc, ChartPainter.columns(new ChartPainter.Chart(title, chartSubtitle(), labels, values)),
                "图1 " + title, "trend.png");
    }

    private String previousName() {
        return switch (d.period().kind()) {
            case MONTH -> "上月";
            case QUARTER -> "上季度";
            case YEAR -> "上年";
            case RANGE -> "上期";
        };
    }

    /** "，环比增长 12.6%（上月 277 条）", or that there is nothing to compare with; no end punctuation. */
    private static String change(long now, long before, String word, String beforeName) {
        if (before == 0) {
            return now == 0 ? "" : "（" + beforeName + "无记录，无法计算" + word + "）";
        }
        double rate = 100.0 * (now - before) / before;
        String how = now == before ? "持平" : (now > before ? "增长 " : "下降 ") + one(Math.abs(rate)) + "%";
        return "，" + word + how + "（" + beforeName + " " + n(before) + " 条）";
    }

    // 二、六方面主要任务
    private void areas(Docx doc) throws IOException {
        heading(doc, "按市人大常委会工作报告六方面主要任务分布情况");
        long total = c.total();
        Map<Integer, List<Map.Entry<Subtopic, Long>>> leading = leadingSubtopics();
        List<Integer> order = new ArrayList<>();
        for (int a = 1; a <= taxonomy.areas().size(); a++) {
            order.add(a);
        }
        order.sort(Comparator.comparingLong((Integer a) -> -c.byArea().getOrDefault(a, 0L)).thenComparing(a -> a));
        if (total == 0) {
            doc.paragraph(d.period().thisPeriod() + "未收集到群众意见建议。");
        } else {
            int top = order.get(0);
            doc.paragraph("按主要任务领域归类，" + d.period().thisPeriod() + "群众意见建议最集中的是“" + area(top).label()
                    + "”方面，共 " + n(c.byArea().get(top)) + " 条，占 " + pct(c.byArea().get(top), total)
                    + "；未能归入六方面任务的 " + n(c.byArea().getOrDefault(0, 0L)) + " 条。各方面情况如下：");
            int k = 0;
            for (int a : order) {
                long v = c.byArea().getOrDefault(a, 0L);
                if (v == 0) {
                    continue;
                }
                StringBuilder s = new StringBuilder();
                s.append(n(v)).append(" 条，占 ").append(pct(v, total)).append("。");
                List<Map.Entry<Subtopic, Long>> subs = leading.getOrDefault(a, List.of());
                if (!subs.isEmpty()) {
                    s.append("主要涉及");
                    List<String> parts = new ArrayList<>();
                    for (Map.Entry<Subtopic, Long> e : subs) {
                        parts.add("“" + clause(e.getKey().wording()) + "”(" + n(e.getValue()) + " 条）");
                    }
                    s.append(String.join("；", parts)).append("。");
                }
                doc.paragraph("（" + NUMERALS[k++] + "）" + area(a).label() + "。", s.toString());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("任务领域", "件数", "占比"));
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int a = 1; a <= taxonomy.areas().size(); a++) {
            long v = c.byArea().getOrDefault(a, 0L);
            rows.add(List.of(area(a).shortName(), Long.toString(v), pct(v, total)));
            labels.add(area(a).shortName());
            values.add(v);
        }
        long none = c.byArea().getOrDefault(0, 0L);
        rows.add(List.of(NO_AREA, Long.toString(none), pct(none, total)));
        labels.add(NO_AREA);
        values.add(none);
        rows.add(List.of(TOTAL, Long.toString(total), total == 0 ? "—" : "100%"));
        doc.caption("表1 群众意见建议按任务领域分布");
        doc.table(rows, new double[] {0.5, 0.25, 0.25}, 12);
        String title = "群众意见建议按任务领域分布";
        chart(doc, ChartPainter.bars(new ChartPainter.Chart(title, chartSubtitle(), labels, values)),
                "图2 " + title, "areas.png");
    }

    private Map<Integer, List<Map.Entry<Subtopic, Long>>> leadingSubtopics() {
        Map<Integer, List<Map.Entry<Subtopic, Long>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : c.bySubtopic().entrySet()) {
            taxonomy.subtopic(e.getKey()).ifPresent(s -> {
                List<Map.Entry<Subtopic, Long>> list = out.computeIfAbsent(s.area(), k -> new ArrayList<>());
                if (list.size() < SUBTOPICS_PER_AREA) {
                    list.add(Map.entry(s, e.getValue()));
                }
            });
        }
        return out;
    }

    // 三、渠道
    private void channels(Docx doc) {
        heading(doc, "意见建议来源渠道");
        long total = c.total();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("收集渠道", "件数", "占比"));
        List<String> parts = new ArrayList<>();
        c.byChannel().forEach((ch, v) -> {
            rows.add(List.of(channel(ch), Long.toString(v), pct(v, total)));
            parts.add(channel(ch) + " " + n(v) + " 条（" + pct(v, total) + "）");
        });
        rows.add(List.of(TOTAL, Long.toString(total), total == 0 ? "—" : "100%"));
        if (total == 0) {
            doc.paragraph(d.period().thisPeriod() + "无意见建议记录。");
        } else {
            doc.paragraph("从收集渠道看，" + String.join("，", parts) + "。");
        }
        doc.caption("表2 群众意见建议来源渠道");
        doc.table(rows, new double[] {0.5, 0.25, 0.25}, 12);
    }

    // 四、站点与社区
    private void places(Docx doc) throws IOException {
        long total = c.total();
        if (d.general() && d.stationCode() == null) {
            heading(doc, "各联络站情况");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("联络站", "件数", "占比"));
            List<Map.Entry<String, Long>> sorted = c.byStation().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey())).toList();
            sorted.forEach(e -> rows.add(List.of(e.getKey(), Long.toString(e.getValue()), pct(e.getValue(), total))));
            rows.add(List.of(TOTAL, Long.toString(total), total == 0 ? "—" : "100%"));
            if (sorted.isEmpty()) {
                doc.paragraph(d.period().thisPeriod() + "未收到各联络站报送的意见建议。");
            } else {
                List<String> top = sorted.stream().limit(3).map(e -> e.getKey() + "（" + n(e.getValue()) + " 条）")
                        .toList();
                doc.paragraph(d.period().thisPeriod() + "共有 " + sorted.size() + " 个联络站报送意见建议，数量较多的是"
                        + String.join("、", top) + "。");
            }
            doc.caption("表3 各联络站意见建议数量");
            doc.table(rows, new double[] {0.5, 0.25, 0.25}, 12);
            String title = "各联络站群众意见建议数量";
            chart(doc, ChartPainter.bars(new ChartPainter.Chart(title, chartSubtitle(),
                    sorted.stream().limit(20).map(Map.Entry::getKey).toList(),
                    sorted.stream().limit(20).map(Map.Entry::getValue).toList())), "图3 " + title, "stations.png");
        } else {
            heading(doc, "社区分布情况");
            if (d.communities().isEmpty()) {
                doc.paragraph(d.period().thisPeriod() + "的意见建议均未登记住址，无法按社区统计。");
                return;
            }
            List<String> parts = new ArrayList<>();
            d.communities().forEach((k, v) -> parts.add(k + " " + n(v) + " 条"));
            long withAddress = d.communities().values().stream().mapToLong(Long::longValue).sum();
            doc.paragraph("按登记住址所在社区（小区）统计，反映较多的是：" + String.join("、", parts) + "（合计 "
                    + n(withAddress) + " 条，占" + d.period().thisPeriod() + "总数的 " + pct(withAddress, total)
                    + "）。");
        }
    }

    // 五、集中事项
    private void matters(Docx doc) {
        heading(doc, "群众反映集中的事项");
        if (d.matters().isEmpty()) {
            doc.paragraph(d.period().thisPeriod() + "未发现多名群众反映同一事项的情况。");
            return;
        }
        doc.paragraph("经比对相同或相近的意见，" + d.period().thisPeriod() + "群众反映较为集中的事项有 " + d.matters().size()
                + " 项：");
        int k = 0;
        for (ReportData.MatterQuotes mq : d.matters()) {
            var m = mq.matter();
            String where = m.stations().size() > 1 ? "，涉及 " + m.stations().size() + " 个联络站" : "";
            doc.paragraph("（" + NUMERALS[k++] + "）" + summary(m.text()) + "", "共 " + n(m.size()) + " 条" + where
                    + "。典型意见如：");
            for (Opinion o : mq.quotes()) {
                doc.paragraph(quote(o));
            }
        }
    }

    /** The opinion's text with personal data masked, and who/where in masked form. */
    private String quote(Opinion o) {
        String text = masked(o.text().replace('\n', ' ').strip());
        if (text.codePointCount(0, text.length()) > QUOTE_CHARS) {
            text = text.substring(0, text.offsetByCodePoints(0, QUOTE_CHARS)) + "……";
        }
        List<String> who = new ArrayList<>();
        who.add(channel(o.channel().code()));
        who.add(o.receivedAt().getMonthValue() + "月" + o.receivedAt().getDayOfMonth() + "日");
        if (o.constituent() != null && o.constituent().name() != null) {
            who.add(Masking.name(o.constituent().name()));
        }
        if (o.constituent() != null && o.constituent().address() != null) {
            who.add(Masking.address(o.constituent().address()));
        }
        return "“" + text + "”(" + String.join("，", who) + "）";
    }

    /** Phone and identity numbers inside a quoted text are masked too. */
    static String masked(String text) {
        Matcher id = ID_NUMBER.matcher(text);
        String t = id.replaceAll(r -> r.group().substring(0, 6) + "********" + r.group().substring(14));
        Matcher phone = PHONE.matcher(t);
        return phone.replaceAll(r -> Masking.phone(r.group()));
    }

    private static String summary(String text) {
        String t = masked(text.replace('\n', ' ').strip());
        int cut = 40;
        for (String stop : new String[] {"。", "！", "？", "；", "！", "？"}) {
            int i = t.indexOf(stop);
            if (i > 8 && i < cut) {
                cut = i;
            }
        }
        return t.length() <= cut ? t + "。" : t.substring(0, cut) + "……。";
    }

    // 六、办理情况
    private void handling(Docx doc) {
        heading(doc, "办理情况");
        HandlingFigures h = d.handling();
        StringBuilder s = new StringBuilder();
        s.append(d.period().thisPeriod()).append("收集的意见建议中，代表已审阅 ").append(n(h.reviewed())).append(" 条");
        List<String> routes = new ArrayList<>();
        h.byRoute().forEach((route, v) -> {
            if (v > 0) {
                routes.add(zh.get("handling." + route) + " " + n(v) + " 条");
            }
        });
        if (!routes.isEmpty()) {
            s.append("，拟办意见为").append(String.join("、", routes));
        }
        s.append("。");
        doc.paragraph(s.toString());
        doc.paragraph(lifecycle(h));
        if (!h.overdue().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("编号", "承办单位", "办理期限", "事项"));
            for (HandlingService.Watched w : h.overdue()) {
                String unit = w.handling().get("main_unit");
                rows.add(List.of(w.opinion().number(), unit == null ? "" : h.units().getOrDefault(unit, unit),
                        w.handling().dueDate().map(ReportPeriod::date).orElse(""), excerpt(w.opinion().text())));
            }
            doc.caption("超期未办结事项（截至" + ReportPeriod.date(h.asOf()) + "）");
            doc.table(rows, new double[] {0.2, 0.2, 0.18, 0.42}, 11);
        }
    }

    /**
     * The lifecycle's figures as prose: the matters assigned among this period's opinions, 办结率, 按时办结率, 满意率
     * and 回访率 as the dashboard computes them, and the overdue count; or, plainly, that none was assigned.
     */
    private String lifecycle(HandlingFigures h) {
        String asOf = "截至" + ReportPeriod.date(h.asOf());
        if (!h.lifecycle()) {
            return d.period().thisPeriod() + "收集的意见建议中，" + asOf + "尚无交办承办单位办理的事项，"
                    + "办结率、按时办结率、满意率和回访率暂无数据。";
        }
        HandlingService.Rates r = h.rates();
        StringBuilder s = new StringBuilder(d.period().thisPeriod()).append("收集的意见建议中，").append(asOf)
                .append("已交办承办单位办理（含不予受理、转为代表建议）").append(n(r.cases())).append(" 件，已办结 ")
                .append(n(r.closed())).append(" 件，办结率 ").append(rate(r.closedRate())).append("；按时办结率 ")
                .append(rate(r.onTimeRate())).append("；群众评价满意率（满意和基本满意）").append(rate(r.satisfactionRate()))
                .append("；回访率 ").append(rate(r.visitRate())).append("。");
        if (h.overdue().isEmpty()) {
            s.append("无超期未办结事项。");
        } else {
            s.append("超期未办结 ").append(n(h.overdue().size())).append(" 件，见下表，请承办单位抓紧办理。");
        }
        return s.toString();
    }

    /** A rate in percent, or "暂无" when there was nothing to count (e.g. no resident rated yet). */
    private static String rate(Integer percent) {
        return percent == null ? "暂无" : percent + "%";
    }

    /** An opinion's text for a table cell: one line, at most 40 characters. */
    private static String excerpt(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 40 ? t : t.substring(0, 39) + "…";
    }

    // 七、代表履职
    private void deputies(Docx doc) {
        heading(doc, "代表履职情况");
        List<ReceptionDay> days = d.receptions();
        long residents = days.stream().mapToLong(ReceptionDay::residents).sum();
        long deputyVisits = c.byChannel().getOrDefault("deputy-visit", 0L);
        StringBuilder s = new StringBuilder();
        if (days.isEmpty()) {
            s.append(d.period().thisPeriod()).append("未登记代表接待日活动");
        } else {
            long deputies = days.stream().flatMap(r -> r.deputies().stream()).distinct().count();
            s.append(d.period().thisPeriod()).append("共组织代表接待日活动 ").append(days.size()).append(" 次，")
                    .append(deputies).append(" 名代表参加，接待群众 ").append(n(residents)).append(" 人次");
        }
        s.append("；代表走访收集意见建议 ").append(n(deputyVisits)).append(" 条。");
        List<DutyRecord> duty = d.duty();
        if (!duty.isEmpty()) {
            long reviewed = duty.stream().mapToLong(DutyRecord::reviewed).sum();
            long suggestions = duty.stream().mapToLong(DutyRecord::suggestions).sum();
            s.append("代表共审阅意见建议 ").append(n(reviewed)).append(" 条，其中转为代表建议 ").append(n(suggestions))
                    .append(" 条。各代表履职情况见下表。");
        }
        doc.paragraph(s.toString());
        if (!duty.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("代表", "参加接待日（次）", "接待群众（人次）", "审阅意见（条）", "转为代表建议（条）"));
            for (DutyRecord r : duty) {
                rows.add(List.of(r.deputy(), Long.toString(r.receptions()), Long.toString(r.residents()),
                        Long.toString(r.reviewed()), Long.toString(r.suggestions())));
            }
            doc.caption("表" + (d.general() && d.stationCode() == null ? 4 : 3) + " 代表履职情况");
            doc.table(rows, new double[] {0.24, 0.19, 0.19, 0.19, 0.19}, 11);
        }
    }

    private void chart(Docx doc, byte[] png, String caption, String name) throws IOException {
        doc.image(png, ChartPainter.WIDTH, ChartPainter.HEIGHT, name);
        doc.caption(caption);
    }

    private TaskArea area(int number) {
        return taxonomy.area(number);
    }

    private String channel(String code) {
        return zh.get("channel." + code);
    }

    /** A clause without its trailing punctuation, at most 30 characters. */
    private static String clause(String wording) {
        String w = wording.strip().replaceAll("[。;,、]+$", "");
        return w.length() <= 30 ? w : w.substring(0, 29) + "…";
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "—" : one(100.0 * part / whole) + "%";
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
