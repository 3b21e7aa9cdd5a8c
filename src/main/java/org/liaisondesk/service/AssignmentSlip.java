package org.liaisondesk.service;

import java.util.List;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;

/**
 * The assignment slip (交办单): number, matter, residents (always masked), the deputy's opinion, main and assisting
 * units with contact, due date. As text ({@link Slip}) for the window's printing, and as a printable HTML page.
 */
public final class AssignmentSlip {

    private AssignmentSlip() {
    }

    /** The slip as text: title, number line, rows of (heading, value), the closing request. For HTML and print. */
    public record Slip(String title, String number, List<List<String>> rows, String closing) {
    }

    /** The slip of {@code c}; {@code residents} are the opinions it covers (several when handled as one matter). */
    public static Slip of(HandlingCase c, List<Opinion> residents, List<HandlingUnit> units, String stationName) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("反映事项", residents.isEmpty() ? "" : residents.get(0).text()));
        StringBuilder who = new StringBuilder();
        for (Opinion o : residents) {
            Constituent m = Masking.mask(o.constituent());
            who.append(o.number()).append(" ").append(m.name() == null ? "匿名" : m.name())
                    .append(m.phone() == null ? "" : " " + m.phone()).append("\n");
        }
        rows.add(List.of("群众(" + residents.size() + " 人)", who.toString().strip()));
        rows.add(List.of("代表意见", text(c.get("deputy_opinion"))));
        rows.add(List.of("主办单位", unit(units, c.get("main_unit"))));
        String assisting = c.get("assisting_units");
        if (assisting != null) {
            StringBuilder a = new StringBuilder();
            for (String code : assisting.split(",")) {
                a.append(unit(units, code)).append("\n");
            }
            rows.add(List.of("协办单位", a.toString().strip()));
        }
        rows.add(List.of("办理期限", text(c.get("due_date"))));
        rows.add(List.of("交办人", text(c.get("assigned_by"))));
        return new Slip(stationName + " 交办单", "编号:" + text(c.get("assignment_no")) + "   交办日期:"
                + text(c.get("assigned_at")), List.copyOf(rows),
                "请于办理期限前书面答复,并注明办理结果类别(A 已解决、B 正在解决、C 列入计划、D 留作参考)。");
    }

    /** The slip as a printable HTML page; a browser prints it or saves it as PDF. */
    public static String html(Slip slip) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(slip.title())).append("</title><style>body{font-family:serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:.4em;"
                        + "text-align:left;vertical-align:top}th{width:8em}</style></head><body>");
        b.append("<h1 style=\"text-align:center\">").append(esc(slip.title())).append("</h1>");
        b.append("<p>").append(esc(slip.number())).append("</p><table>");
        for (List<String> row : slip.rows()) {
            row(b, row.get(0), row.get(1));
        }
        b.append("</table><p>").append(esc(slip.closing())).append("</p></body></html>\n");
        return b.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String unit(List<HandlingUnit> units, String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst()
                .map(u -> u.name() + (u.contact() == null ? "" : "(" + u.contact() + ")")).orElse(code);
    }

    private static void row(StringBuilder b, String head, String value) {
        b.append("<tr><th>").append(esc(head)).append("</th><td>")
                .append(esc(value == null ? "" : value).replace("\n", "<br>")).append("</td></tr>");
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
