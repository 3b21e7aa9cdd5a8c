package org.liaisondesk.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A Word document in the usual official style, written with Apache POI (XWPF): A4 with the official margins, the
 * title in 方正小标宋简体, headings 一、二、… in 黑体, body text in 仿宋 at 三号 (16 pt) with a two-character indent,
 * tables in 宋体. Fonts are named, not embedded: Word or WPS use them when installed and substitute otherwise.
 * The only class that touches POI, so POI loads only when a report or form is written.
 */
final class Docx implements AutoCloseable {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋";
    static final String TABLE_FONT = "宋体";
    /** Usable width of an A4 page between the official margins (2.8 cm and 2.6 cm), in points. */
    static final double TEXT_WIDTH_PT = (21.0 - 2.8 - 2.6) / 2.54 * 72;

    private final XWPFDocument doc = new XWPFDocument();

    Docx() {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(3.7)));
        mar.setBottom(BigInteger.valueOf(twips(3.5)));
        mar.setLeft(BigInteger.valueOf(twips(2.8)));
        mar.setRight(BigInteger.valueOf(twips(2.6)));
    }

    private static long twips(double cm) {
        return Math.round(cm / 2.54 * 1440);
    }

    /** The document's title, centred, 二号 (22 pt). */
    void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        run(p, text, TITLE_FONT, 22, false);
    }

    /** A centred line under the title (the period, the station), 楷体-like body font at 三号. */
    void subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(240);
        run(p, text, BODY_FONT, 16, false);
    }

    /** A first-level heading, e.g. {@code 一、总体情况}, in 黑体. */
    void heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBefore(120);
        p.setSpacingAfter(60);
        run(p, text, HEADING_FONT, 16, false);
    }

    /** A paragraph of body text with the usual two-character indent. */
    void paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.25);
        run(p, text, BODY_FONT, 16, false);
    }

    /** A paragraph starting with a bold lead-in, e.g. {@code (一)城乡建设。} then the text. */
    void paragraph(String lead, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.25);
        run(p, lead, BODY_FONT, 16, true);
        run(p, text, BODY_FONT, 16, false);
    }

    /** A right-aligned line (the signature or the date at the end). */
    void right(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        run(p, text, BODY_FONT, 16, false);
    }

    /** A flush-left line without indent (the addressee, 主送单位, of an official notice). */
    void left(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, text, BODY_FONT, 16, false);
    }

    /** A centred caption in 黑体 at 四号 above a table or under a chart. */
    void caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, HEADING_FONT, 12, false);
    }

    /** A PNG image, centred, scaled to the text width. */
    void image(byte[] png, int widthPx, int heightPx, String name) throws IOException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        double w = TEXT_WIDTH_PT;
        double h = w * heightPx / widthPx;
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                    Units.toEMU(w), Units.toEMU(h));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    /**
     * A bordered table: the first row is the header (bold), the rest the body; {@code widths} in parts of the text
     * width.
     */
    void table(List<List<String>> rows, double[] widths, int fontPt) {
        int cols = rows.get(0).size();
        XWPFTable t = doc.createTable(rows.size(), cols);
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r);
            for (int c = 0; c < cols; c++) {
                XWPFTableCell cell = row.getCell(c);
                if (widths != null) {
                    cell.setWidth(Math.round(widths[c] * 100) + "%");
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                String value = rows.get(r).get(c);
                p.setAlignment(r == 0 || c > 0 && isNumber(value) ? ParagraphAlignment.CENTER
                        : ParagraphAlignment.LEFT);
                lines(p, value == null ? "" : value, TABLE_FONT, fontPt, r == 0);
            }
        }
        doc.createParagraph();
    }

    /**
     * A form: label/value rows where a label takes one cell and its value spans the rest, or pairs of label/value
     * on one row. Each row is a list alternating label, value; a row of one pair spans the whole width.
     */
    void form(List<List<String>> rows, int fontPt, int[] minHeightsTwips) {
        int cols = 4;
        XWPFTable t = doc.createTable(rows.size(), cols);
        t.setWidth("100%");
        t.setTableAlignment(TableRowAlign.CENTER);
        double[] widths = {0.16, 0.34, 0.16, 0.34};
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            XWPFTableRow row = t.getRow(r);
            if (minHeightsTwips != null && minHeightsTwips[r] > 0) {
                row.setHeight(minHeightsTwips[r]);
            }
            for (int c = 0; c < cols; c++) {
                row.getCell(c).setWidth(Math.round(widths[c] * 100) + "%");
            }
            if (cells.size() == 2) {
                row.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(3));
                row.getCtRow().removeTc(3);
                row.getCtRow().removeTc(2);
                row.removeCell(3);
                row.removeCell(2);
            }
            for (int c = 0; c < cells.size(); c++) {
                XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
                boolean label = c % 2 == 0;
                p.setAlignment(label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                lines(p, cells.get(c) == null ? "" : cells.get(c), label ? HEADING_FONT : BODY_FONT, fontPt, false);
            }
        }
    }

    void pageBreak() {
        doc.createParagraph().setPageBreak(true);
    }

    void write(OutputStream out) throws IOException {
        doc.write(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    private static void lines(XWPFParagraph p, String text, String font, int pt, boolean bold) {
        String[] parts = text.split("\n", -1);
        XWPFRun r = run(p, parts[0], font, pt, bold);
        for (int i = 1; i < parts.length; i++) {
            r.addBreak();
            r.setText(parts[i]);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int pt, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(pt);
        r.setBold(bold);
        return r;
    }

    private static boolean isNumber(String s) {
        return s != null && s.matches("[0-9.,%+\\-]+");
    }
}
