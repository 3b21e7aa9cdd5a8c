package org.liaisondesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReportRepository;
import org.liaisondesk.tagging.Subtopic;
import org.liaisondesk.tagging.Taxonomy;

/**
 * The ledger (台账) as an .xlsx workbook: a header row with an autofilter, one row per opinion, the received time as a
 * real date; then one sheet per summary (areas, sub-topics, channels, statuses, months). The first eight columns are
 * the opinion list's, as before; after them every field an opinion has: the review state (which stays visible after
 * export: 已导出 is a fact about a batch, not the opinion's handling), all areas with their sub-topics, the deputy's
 * note, urgency, handling route and reason, the reply, when each status was reached, and the resident's details as
 * the viewer's role may see them (none for an unknown viewer). Rows stream from the database to the file (texts as
 * inline strings, flushed every {@link #FLUSH_ROWS} rows); the reviews and status dates of the filtered opinions are
 * read first. Written through {@link AtomicFile}: a failed or cancelled export leaves nothing half-written.
 *
 * <p>Text a spreadsheet could read as a formula (starting with {@code = + - @}, tab or carriage return) gets a
 * leading {@code '}, so it stays text even if the sheet is re-saved as CSV and opened again.
 */
final class XlsxExport {

    static final int FLUSH_ROWS = 1000;
    private static final String[] HEADERS = {"number", "station", "received", "channel", "area", "status", "text",
        "receivedBy", "reviewState", "exported", "areas", "subtopic", "priority", "handling", "reason", "note",
        "reviewedBy", "reviewedAt", "reply", "statusDates", "name", "phone", "address", "consent"};
    private static final double[] WIDTHS = {24, 10, 18, 10, 22, 10, 80, 12, 10, 10, 40, 40, 8, 16, 24, 40, 12, 18,
        40, 40, 10, 14, 30, 8};

    private final OpinionRepository opinions;
    private final ReportRepository reports;
    private final Taxonomy taxonomy;
    private final Messages messages;
    private final Role viewer;
    private Map<UUID, Review> reviews = Map.of();
    private Map<UUID, Map<String, String>> statusDates = Map.of();

    /** {@code viewer}: the role whose view of residents' details the ledger carries; null: no details. */
    XlsxExport(OpinionRepository opinions, ReportRepository reports, Taxonomy taxonomy, Messages messages,
               Role viewer) {
        this.opinions = opinions;
        this.reports = reports;
        this.taxonomy = taxonomy;
        this.messages = messages;
        this.viewer = viewer;
    }

    /** Writes the ledger of the filtered opinions and the summary sheets of {@code counts} (the same opinions). */
    long write(OpinionFilter filter, DashboardCounts counts, Path out, BooleanSupplier cancelled) {
        return AtomicFile.write(out, os -> write(filter, counts, os, cancelled));
    }

    private long write(OpinionFilter filter, DashboardCounts counts, OutputStream os, BooleanSupplier cancelled)
            throws IOException {
        reviews = reports.reviews(filter);
        statusDates = reports.statusDates(filter);
        Workbook wb = new Workbook(os, "Liaison Desk", "1.0");
        Worksheet ws = wb.newWorksheet(messages.get("xlsx.sheet"));
        for (int c = 0; c < HEADERS.length; c++) {
            ws.inlineString(0, c, messages.get("xlsx.column." + HEADERS[c]));
            ws.width(c, WIDTHS[c]);
        }
        ws.range(0, 0, 0, HEADERS.length - 1).style().bold().fillColor("E8EEF4").set();
        ws.freezePane(0, 1);
        long[] row = {0};
        opinions.forEach(filter, OpinionSort.NEWEST_FIRST, 0, o -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int r = (int) ++row[0];
            row(ws, r, o);
            if (r % FLUSH_ROWS == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        ws.setAutoFilter(0, 0, HEADERS.length - 1);
        ws.finish();
        summaries(wb, counts);
        wb.finish();
        return row[0];
    }

    /** The summary sheets, after the ledger: the dashboard's counts of the same opinions. */
    private void summaries(Workbook wb, DashboardCounts c) throws IOException {
        Map<String, Long> areas = new LinkedHashMap<>();
        c.byArea().forEach((a, n) -> areas.put(a == 0 ? messages.get("area.short.none") : taxonomy.area(a)
                .shortName(), n));
        summary(wb, "areas", areas);
        Map<String, Long> subs = new LinkedHashMap<>();
        c.bySubtopic().forEach((id, n) -> subs.put(id.isEmpty() ? messages.get("area.short.none")
                : subtopic(id), n));
        summary(wb, "subtopics", subs);
        Map<String, Long> channels = new LinkedHashMap<>();
        c.byChannel().forEach((k, n) -> channels.put(messages.get("channel." + k), n));
        summary(wb, "channels", channels);
        Map<String, Long> statuses = new LinkedHashMap<>();
        c.byStatus().forEach((k, n) -> statuses.put(messages.get("status." + k), n));
        summary(wb, "statuses", statuses);
        summary(wb, "stations", c.byStation());
        summary(wb, "months", c.byMonth());
    }

    private void summary(Workbook wb, String name, Map<String, Long> counts) throws IOException {
        Worksheet ws = wb.newWorksheet(messages.get("ledger.sheet." + name));
        ws.inlineString(0, 0, messages.get("ledger.sheet." + name));
        ws.inlineString(0, 1, messages.get("ledger.count"));
        ws.range(0, 0, 0, 1).style().bold().fillColor("E8EEF4").set();
        ws.width(0, 60);
        ws.width(1, 12);
        int r = 0;
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            text(ws, ++r, 0, e.getKey());
            ws.value(r, 1, e.getValue());
            total += e.getValue();
        }
        ws.inlineString(++r, 0, messages.get("ledger.total"));
        ws.value(r, 1, total);
        ws.style(r, 0).bold().set();
        ws.setAutoFilter(0, 0, 1);
        ws.finish();
    }

    private void row(Worksheet ws, int r, Opinion o) {
        text(ws, r, 0, o.number());
        text(ws, r, 1, o.station());
        ws.value(r, 2, o.receivedAt());
        ws.style(r, 2).format("yyyy-mm-dd hh:mm").set();
        text(ws, r, 3, messages.get("channel." + o.channel().code()));
        text(ws, r, 4, o.primaryTag().map(t -> messages.get("area.short." + t.area()))
                .orElseGet(() -> messages.get("area.short.none")));
        text(ws, r, 5, messages.get("status." + o.status().code()));
        text(ws, r, 6, o.text());
        text(ws, r, 7, o.receivedBy());
        Review review = reviews.get(o.id());
        boolean reviewed = review != null && review.reviewedAt() != null
                || o.status() == Status.REVIEWED || o.status() == Status.HANDLING || o.status() == Status.CLOSED;
        text(ws, r, 8, messages.get(reviewed ? "ledger.reviewed" : "ledger.unreviewed"));
        Map<String, String> dates = statusDates.getOrDefault(o.id(), Map.of());
        boolean exported = o.status() == Status.EXPORTED || dates.containsKey(Status.EXPORTED.code());
        text(ws, r, 9, exported ? messages.get("ledger.yes") : "");
        text(ws, r, 10, o.tags().stream().sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(this::tag).collect(Collectors.joining("; ")));
        text(ws, r, 11, o.primaryTag().map(AreaTag::subtopicId).map(this::subtopic).orElse(""));
        if (review != null) {
            text(ws, r, 12, messages.get("priority." + review.priority().code()));
            text(ws, r, 13, review.handling() == null ? "" : messages.get("handling." + review.handling().code()));
            text(ws, r, 14, review.reason());
            text(ws, r, 15, review.note());
            text(ws, r, 16, review.reviewedBy());
            if (review.reviewedAt() != null) {
                ws.value(r, 17, LocalDateTime.ofInstant(review.reviewedAt(), CHINA));
                ws.style(r, 17).format("yyyy-mm-dd hh:mm").set();
            }
            text(ws, r, 18, review.reply());
        }
        text(ws, r, 19, dates.entrySet().stream().map(e -> messages.get("status." + e.getKey()) + " "
                + local(e.getValue())).collect(Collectors.joining("; ")));
        if (viewer != null && o.constituent() != null && !o.constituent().isAnonymous()) {
            Constituent who = ContactPolicy.forViewer(o.constituent(), viewer);
            text(ws, r, 20, who.name());
            text(ws, r, 21, who.phone());
            text(ws, r, 22, who.address());
        }
        text(ws, r, 23, o.constituent() != null && o.constituent().consentToContact() ? messages.get("ledger.yes")
                : "");
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private String tag(AreaTag t) {
        String area = taxonomy.area(t.area()).shortName();
        return t.subtopicId() == null ? area : area + " " + subtopic(t.subtopicId());
    }

    private String subtopic(String id) {
        return id == null ? "" : id + " " + taxonomy.subtopic(id).map(Subtopic::wording).orElse("");
    }

    /** A stored instant as local time, minutes. */
    private static String local(String instant) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(instant), CHINA).toString().replace('T', ' ')
                    .substring(0, 16);
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static void text(Worksheet ws, int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            ws.inlineString(r, c, neutralised(value));
        }
    }

    /** {@code value}, with a leading {@code '} when a spreadsheet could take it for a formula. */
    static String neutralised(String value) {
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        return "=+-@\t\r".indexOf(first) >= 0 ? "'" + value : value;
    }
}
