package org.liaisondesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.store.OpinionRepository;

/**
 * The opinion list as an .xlsx workbook: a header row, one row per opinion, the received time as a real date. Rows
 * stream from the database to the file (texts as inline strings, flushed every {@link #FLUSH_ROWS} rows), so any
 * number of opinions needs little memory. Written through {@link AtomicFile}: a failed or cancelled export leaves
 * nothing half-written. Contact details are not exported.
 *
 * <p>Text a spreadsheet could read as a formula (starting with {@code = + - @}, tab or carriage return) gets a
 * leading {@code '}, so it stays text even if the sheet is re-saved as CSV and opened again.
 */
final class XlsxExport {

    static final int FLUSH_ROWS = 1000;
    private static final String[] HEADERS = {"number", "station", "received", "channel", "area", "status", "text",
        "receivedBy"};
    private static final double[] WIDTHS = {24, 10, 18, 10, 22, 10, 80, 12};

    private final OpinionRepository opinions;
    private final Messages messages;

    XlsxExport(OpinionRepository opinions, Messages messages) {
        this.opinions = opinions;
        this.messages = messages;
    }

    long write(OpinionFilter filter, Path out, BooleanSupplier cancelled) {
        return AtomicFile.write(out, os -> write(filter, os, cancelled));
    }

    private long write(OpinionFilter filter, OutputStream os, BooleanSupplier cancelled) throws IOException {
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
        wb.finish();
        return row[0];
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
