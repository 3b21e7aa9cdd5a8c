package org.liaisondesk.service;

import java.util.List;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Opinion;

/**
 * The assignment slip (交办单) as a printable HTML page: number, matter, residents (always masked), the deputy's
 * opinion, main and assisting units with contact, due date. A browser prints it or saves it as PDF.
 */
public final class AssignmentSlip {

    private AssignmentSlip() {
    }

    /** The slip of {@code c}; {@code residents} are the opinions it covers (several when handled as one matter). */
    public static String html(HandlingCase c, List<Opinion> residents, List<HandlingUnit> units, String stationName) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>交办单 ")
                .append(esc(c.get("assignment_no"))).append("</title><style>body{font-family:serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:.4em;"
                        + "text-align:left;vertical-align:top}th{width:8em}</style></head><body>");
        b.append("<h1 style=\"text-align:center\">").append(esc(stationName)).append(" 交办单</h1>");
        b.append("<p>编号:").append(esc(c.get("assignment_no"))).append("   交办日期:")
                .append(esc(c.get("assigned_at"))).append("</p><table>");
        row(b, "反映事项", residents.isEmpty() ? "" : residents.get(0).text());
        StringBuilder who = new StringBuilder();
        for (Opinion o : residents) {
            Constituent m = Masking.mask(o.constituent());
            who.append(o.number()).append(" ").append(m.name() == null ? "匿名" : m.name())
                    .append(m.phone() == null ? "" : " " + m.phone()).append("\n");
        }
        row(b, "群众(" + residents.size() + " 人)", who.toString().strip());
        row(b, "代表意见", c.get("deputy_opinion"));
        row(b, "主办单位", unit(units, c.get("main_unit")));
        String assisting = c.get("assisting_units");
        if (assisting != null) {
            StringBuilder a = new StringBuilder();
            for (String code : assisting.split(",")) {
                a.append(unit(units, code)).append("\n");
            }
            row(b, "协办单位", a.toString().strip());
        }
        row(b, "办理期限", c.get("due_date"));
        row(b, "交办人", c.get("assigned_by"));
        b.append("</table><p>请于办理期限前书面答复,并注明办理结果类别(A 已解决、B 正在解决、C 列入计划、D 留作参考)。</p>"
                + "</body></html>\n");
        return b.toString();
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
