package org.liaisondesk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.service.AtomicFile;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.HandlingService.Watched;
import org.liaisondesk.service.Masking;

/**
 * The reminder notice (催办通知) as a Word document: one page per handling unit with matters overdue or due soon,
 * in the official layout — title, the unit addressed (主送单位), the request, a table of the matters (assignment
 * number, opinion number, matter, residents masked, due date, working days overdue or left), the issuing station
 * and date. Residents always appear masked ({@link Masking}): the notice goes to another office.
 */
public final class ReminderNotice {

    private static final int MATTER_CHARS = 60;

    private ReminderNotice() {
    }

    /** What was written: units, matters. */
    public record Written(Path file, int units, int matters) {
    }

    /**
     * Writes the notice for the overdue and due-soon cases of {@code handling} (of one unit when {@code unit} is
     * given); with nothing to remind no file is written ({@code file} null).
     */
    public static Written write(HandlingService handling, String unit, String stationName, Path out) {
        LocalDate today = handling.today();
        WorkCalendar calendar = handling.calendar();
        Map<String, List<Watched>> byUnit = new LinkedHashMap<>();
        for (Watched w : handling.supervision(true, null)) {
            String u = w.handling().get("main_unit");
            if (u == null || !("overdue".equals(w.kind()) || "due-soon".equals(w.kind()))
                    || (unit != null && !unit.equals(u))) {
                continue;
            }
            byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(w);
        }
        if (byUnit.isEmpty()) {
            return new Written(null, 0, 0);
        }
        Map<String, HandlingUnit> units = new LinkedHashMap<>();
        handling.units().forEach(u -> units.put(u.code(), u));
        int[] matters = {0};
        AtomicFile.write(out, os -> {
            try (Docx doc = new Docx()) {
                boolean first = true;
                for (Map.Entry<String, List<Watched>> e : byUnit.entrySet()) {
                    if (!first) {
                        doc.pageBreak();
                    }
                    first = false;
                    HandlingUnit u = units.get(e.getKey());
                    matters[0] += e.getValue().size();
                    page(doc, u == null ? e.getKey() : u.name(), e.getValue(), calendar, today, stationName);
                }
                doc.write(os);
            }
            return out;
        });
        return new Written(out, byUnit.size(), matters[0]);
    }

    private static void page(Docx doc, String unitName, List<Watched> list, WorkCalendar calendar, LocalDate today,
                             String stationName) throws IOException {
        doc.title("催办通知");
        doc.subtitle(stationName + "　" + ReportPeriod.date(today));
        doc.left(unitName + "：");
        long overdue = list.stream().filter(w -> "overdue".equals(w.kind())).count();
        doc.paragraph("我站交由贵单位办理的下列群众意见，" + (overdue > 0 ? "有 " + overdue + " 件已超过办理期限" : "")
                + (overdue > 0 && overdue < list.size() ? "，" : "")
                + (overdue < list.size() ? "有 " + (list.size() - overdue) + " 件即将到期" : "")
                + "。请抓紧办理，按时将办理结果书面答复我站；确需延期的，请说明理由并申请延期。");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "交办编号", "意见编号", "反映事项", "反映人", "办理期限", "超期情况"));
        int i = 0;
        for (Watched w : list) {
            Opinion o = w.opinion();
            String due = w.handling().get("due_date");
            String state;
            if (due == null) {
                state = "";
            } else if ("overdue".equals(w.kind())) {
                state = "超期 " + calendar.workingDaysBetween(LocalDate.parse(due), today) + " 个工作日";
            } else {
                state = "剩 " + calendar.workingDaysBetween(today, LocalDate.parse(due)) + " 个工作日";
            }
            String name = Masking.mask(o.constituent()).name();
            rows.add(List.of(String.valueOf(++i), blank(w.handling().get("assignment_no")), o.number(),
                    shorten(o.text()), blank(name), due == null ? "" : ReportPeriod.date(LocalDate.parse(due)),
                    state));
        }
        doc.table(rows, new double[] {0.06, 0.15, 0.15, 0.30, 0.09, 0.13, 0.12}, 10);
        doc.paragraph("");
        doc.right(stationName);
        doc.right(ReportPeriod.date(today));
    }

    private static String shorten(String text) {
        String t = text.replace('\n', ' ').strip();
        return t.codePointCount(0, t.length()) <= MATTER_CHARS ? t
                : t.substring(0, t.offsetByCodePoints(0, MATTER_CHARS)) + "…";
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
