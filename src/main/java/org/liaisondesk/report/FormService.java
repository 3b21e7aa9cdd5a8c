package org.liaisondesk.report;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.Station;
import org.liaisondesk.service.AtomicFile;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.service.StationService;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReviewRepository;

/**
 * Printable forms as Word documents: the reception register (群众来访接待登记表), one page per opinion, and the
 * deputies' reception notice (接待公告) that a station posts two or three days ahead. Residents' details appear as
 * the person's role may see them ({@link ContactPolicy#forViewer}); sex and age are not recorded by the program and
 * are left blank to be written by hand.
 */
public final class FormService {

    private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final OpinionRepository opinions;
    private final ReviewRepository reviews;
    private final StationService stations;

    public FormService(OpinionRepository opinions, ReviewRepository reviews, StationService stations) {
        this.opinions = opinions;
        this.reviews = reviews;
        this.stations = stations;
    }

    /**
     * One reception register as the paper form has it: title, number, then label/value rows (a row of two cells spans
     * the width, a row of four holds two pairs) with the minimum height of each row in twips. The Word document and
     * the window's printing both lay out this, so masking and wording are the same in both.
     */
    public record RegisterForm(String title, String number, List<List<String>> rows, int[] heights) {
    }

    /** The reception notice: title, body paragraphs (an empty one is a blank line), right-aligned closing lines. */
    public record NoticeForm(String title, List<String> body, List<String> closing) {
    }

    /** The register for one opinion. {@code viewer} null: an unknown person, who sees what a deputy sees. */
    public Path register(UUID opinion, Role viewer, Path out) {
        return write(registerForms(opinion, viewer), out);
    }

    /** The registers of a day's receptions (every opinion received that day), one page each; how many. */
    public int registerForDay(LocalDate day, Role viewer, Path out) {
        List<RegisterForm> forms = registerFormsForDay(day, viewer);
        write(forms, out);
        return forms.size();
    }

    /** The register of one opinion, for printing or writing. */
    public List<RegisterForm> registerForms(UUID opinion, Role viewer) {
        Opinion o = opinions.find(opinion).filter(x -> !x.deleted())
                .orElseThrow(() -> new UserFacingException("opinion.error.notFound", opinion));
        return List.of(registerForm(o, viewer, stationName(), Messages.forLanguage("zh")));
    }

    /** The registers of every opinion received on {@code day}, oldest first. */
    public List<RegisterForm> registerFormsForDay(LocalDate day, Role viewer) {
        List<Opinion> found = new ArrayList<>();
        opinions.forEach(OpinionFilter.ALL.withReceived(day, day), OpinionSort.NEWEST_FIRST, 0, found::add);
        if (found.isEmpty()) {
            throw new UserFacingException("form.error.noOpinions", day);
        }
        java.util.Collections.reverse(found);
        String station = stationName();
        Messages zh = Messages.forLanguage("zh");
        return found.stream().map(o -> registerForm(o, viewer, station, zh)).toList();
    }

    private String stationName() {
        return stations.current().map(Station::name).orElse("");
    }

    private static Path write(List<RegisterForm> forms, Path out) {
        return AtomicFile.write(out, os -> {
            try (Docx doc = new Docx()) {
                boolean first = true;
                for (RegisterForm f : forms) {
                    if (!first) {
                        doc.pageBreak();
                    }
                    first = false;
                    doc.title(f.title());
                    doc.subtitle(f.number());
                    doc.form(f.rows(), 14, f.heights());
                }
                doc.write(os);
            }
            return out;
        });
    }

    private RegisterForm registerForm(Opinion o, Role viewer, String station, Messages zh) {
        Constituent who = ContactPolicy.forViewer(o.constituent(), viewer == null ? Role.DEPUTY : viewer);
        Review review = reviews.find(o.id()).orElse(Review.none(o.id()));
        String opinion = "";
        if (review.handling() != null) {
            opinion = zh.get("handling." + review.handling().code());
            if (review.reason() != null) {
                opinion += "（" + review.reason() + "）";
            }
        }
        if (review.note() != null && !review.note().isBlank()) {
            opinion += (opinion.isEmpty() ? "" : "\n") + review.note();
        }
        if (review.reviewedBy() != null) {
            opinion += (opinion.isEmpty() ? "" : "\n") + "审阅代表：" + review.reviewedBy();
        }
        String followUp = zh.get("status." + o.status().code());
        if (review.reply() != null && !review.reply().isBlank()) {
            followUp += "\n答复：" + review.reply();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("姓  名", blank(who.name()), "性  别", ""));
        rows.add(List.of("年  龄", "", "联系电话", blank(who.phone())));
        rows.add(List.of("住  址", blank(who.address())));
        rows.add(List.of("接待时间", o.receivedAt().format(TIME), "接待地点", station));
        rows.add(List.of("来访方式", zh.get("channel." + o.channel().code()), "接待人", blank(o.receivedBy())));
        rows.add(List.of("反映事项", o.text()));
        rows.add(List.of("办理意见", opinion));
        rows.add(List.of("跟踪情况", followUp));
        rows.add(List.of("备  注", o.constituent().consentToContact() ? "群众同意联系回访" : "群众未同意联系回访"));
        int[] heights = {560, 560, 560, 560, 560, 3400, 1500, 1200, 700};
        return new RegisterForm("群众来访接待登记表", "编号：" + o.number(), rows, heights);
    }

    /**
     * The reception notice: on {@code date} at {@code time} in {@code place} the deputies named receive residents.
     */
    public Path notice(LocalDate date, String time, String place, List<String> deputies, LocalDate issued, Path out) {
        NoticeForm n = noticeForm(date, time, place, deputies, issued);
        return AtomicFile.write(out, os -> {
            try (Docx doc = new Docx()) {
                doc.title(n.title());
                n.body().forEach(doc::paragraph);
                n.closing().forEach(doc::right);
                doc.write(os);
            }
            return out;
        });
    }

    /** The notice's wording, for printing or writing; refused without a date, a place or a deputy. */
    public NoticeForm noticeForm(LocalDate date, String time, String place, List<String> deputies,
                                 LocalDate issued) {
        if (date == null || place == null || place.isBlank() || deputies.stream().allMatch(String::isBlank)) {
            throw new UserFacingException("form.error.notice");
        }
        DayOfWeek dow = date.getDayOfWeek();
        String when = ReportPeriod.date(date) + "（星期" + WEEKDAYS[dow.getValue() - 1] + "）"
                + (time == null || time.isBlank() ? "" : time.strip());
        List<String> names = deputies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> body = List.of(
                "为进一步密切人大代表同人民群众的联系，倾听群众呼声，反映群众意愿，定于" + when + "在"
                        + place.strip() + "开展人大代表接待选民活动。届时，下列人大代表将接待选民群众，"
                        + "听取大家的意见和建议：",
                String.join("、", names),
                "欢迎广大选民群众届时前来，就经济社会发展、城市建设管理、民生保障等方面反映意见和建议。"
                        + "涉及个人诉求的，请携带相关材料。",
                "接待时间：" + when,
                "接待地点：" + place.strip(),
                "");
        return new NoticeForm("人大代表接待选民公告", body, List.of(stationName(), ReportPeriod.date(issued)));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
