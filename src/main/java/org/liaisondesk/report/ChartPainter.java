package org.liaisondesk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Simple bar and column charts drawn with Java2D into PNG, headless (no JavaFX toolkit): the reports' charts and the
 * dashboard's saved charts. Each has a title and a second line naming the period and the station; count axes step
 * by whole numbers (1, 2, 5, 10, …); every category given is drawn, zeros included (months without opinions).
 * The same data gives the same pixels on the same machine.
 */
public final class ChartPainter {

    /** A chart: title, the period/station line, categories and their counts. */
    public record Chart(String title, String subtitle, List<String> labels, List<Long> values) {

        public Chart {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("labels and values differ in length");
            }
        }
    }

    /** The size reports embed and the dashboard saves (16:9). */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    private static final Color BAR = new Color(0x2F, 0x6F, 0xB0);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    /** Fonts that draw Chinese, in the order tried: Windows, then the usual Linux ones. */
    private static final List<String> CJK_FONTS = List.of("Microsoft YaHei", "SimHei", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UKai CN",
            "Droid Sans Fallback");
    private static volatile String family;

    private ChartPainter() {
    }

    /** Horizontal bars, first category on top: for long labels (areas, sub-topics, stations). */
    public static byte[] bars(Chart chart) {
        return png(chart, true);
    }

    /** Vertical columns, categories left to right: for months. */
    public static byte[] columns(Chart chart) {
        return png(chart, false);
    }

    /** The largest tick at or above {@code max} and the whole-number step between ticks (at most about 6 ticks). */
    public static long[] axis(long max) {
        long step = 1;
        long[] nice = {1, 2, 5};
        outer:
        for (long magnitude = 1; ; magnitude *= 10) {
            for (long n : nice) {
                step = n * magnitude;
                if (max <= step * 6) {
                    break outer;
                }
            }
        }
        long top = Math.max(step, (max + step - 1) / step * step);
        return new long[] {top, step};
    }

    private static byte[] png(Chart chart, boolean horizontal) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            String f = family();
            g.setColor(TEXT);
            g.setFont(new Font(f, Font.BOLD, 30));
            centered(g, chart.title(), WIDTH / 2, 48);
            g.setColor(MUTED);
            g.setFont(new Font(f, Font.PLAIN, 20));
            centered(g, chart.subtitle(), WIDTH / 2, 82);
            g.setFont(new Font(f, Font.PLAIN, 18));
            long max = chart.values().stream().mapToLong(Long::longValue).max().orElse(0);
            long[] axis = axis(max);
            if (horizontal) {
                drawBars(g, chart, axis);
            } else {
                drawColumns(g, chart, axis);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawBars(Graphics2D g, Chart chart, long[] axis) {
        FontMetrics fm = g.getFontMetrics();
        int labelWidth = 0;
        for (String l : chart.labels()) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(l));
        }
        int left = Math.min(40 + labelWidth + 12, WIDTH / 2);
        int right = WIDTH - 90;
        int top = 110;
        int bottom = HEIGHT - 50;
        int n = Math.max(1, chart.labels().size());
        double band = (double) (bottom - top) / n;
        grid(g, axis, left, right, top, bottom, true);
        for (int i = 0; i < chart.labels().size(); i++) {
            long v = chart.values().get(i);
            int y = (int) Math.round(top + i * band);
            int h = (int) Math.max(4, band * 0.66);
            int yBar = y + (int) ((band - h) / 2);
            int w = (int) Math.round((right - left) * (double) v / axis[0]);
            g.setColor(BAR);
            g.fillRect(left, yBar, w, h);
            g.setColor(TEXT);
            String label = fitted(fm, chart.labels().get(i), left - 50);
            g.drawString(label, left - 12 - fm.stringWidth(label), yBar + h / 2 + fm.getAscent() / 2 - 2);
            g.drawString(Long.toString(v), left + w + 8, yBar + h / 2 + fm.getAscent() / 2 - 2);
        }
    }

    private static void drawColumns(Graphics2D g, Chart chart, long[] axis) {
        FontMetrics fm = g.getFontMetrics();
        int left = 90;
        int right = WIDTH - 40;
        int top = 120;
        int n = Math.max(1, chart.labels().size());
        double band = (double) (right - left) / n;
        boolean slanted = chart.labels().stream().anyMatch(l -> fm.stringWidth(l) > band - 6);
        int bottom = HEIGHT - (slanted ? 110 : 60);
        grid(g, axis, left, right, top, bottom, false);
        for (int i = 0; i < chart.labels().size(); i++) {
            long v = chart.values().get(i);
            int x = (int) Math.round(left + i * band);
            int w = (int) Math.max(3, band * 0.6);
            int xBar = x + (int) ((band - w) / 2);
            int h = (int) Math.round((bottom - top) * (double) v / axis[0]);
            g.setColor(BAR);
            g.fillRect(xBar, bottom - h, w, h);
            g.setColor(TEXT);
            if (band >= 28) {
                String count = Long.toString(v);
                g.drawString(count, xBar + w / 2 - fm.stringWidth(count) / 2, bottom - h - 6);
            }
            String label = chart.labels().get(i);
            if (slanted) {
                Graphics2D r = (Graphics2D) g.create();
                r.translate(xBar + w / 2.0, bottom + 12);
                r.rotate(Math.toRadians(40));
                r.drawString(label, 0, fm.getAscent() / 2);
                r.dispose();
            } else {
                g.drawString(label, xBar + w / 2 - fm.stringWidth(label) / 2, bottom + 26);
            }
        }
    }

    private static void grid(Graphics2D g, long[] axis, int left, int right, int top, int bottom,
                             boolean horizontal) {
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (long t = 0; t <= axis[0]; t += axis[1]) {
            String label = Long.toString(t);
            g.setColor(GRID);
            if (horizontal) {
                int x = left + (int) Math.round((right - left) * (double) t / axis[0]);
                g.drawLine(x, top, x, bottom);
                g.setColor(MUTED);
                g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 24);
            } else {
                int y = bottom - (int) Math.round((bottom - top) * (double) t / axis[0]);
                g.drawLine(left, y, right, y);
                g.setColor(MUTED);
                g.drawString(label, left - 10 - fm.stringWidth(label), y + fm.getAscent() / 2 - 2);
            }
        }
        g.setColor(MUTED);
        g.drawLine(left, bottom, horizontal ? left : right, horizontal ? top : bottom);
    }

    private static String fitted(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** The first installed font that draws Chinese, else the logical sans-serif font. */
    static String family() {
        String f = family;
        if (f == null) {
            Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames());
            f = CJK_FONTS.stream().filter(installed::contains).findFirst().orElse(Font.SANS_SERIF);
            family = f;
        }
        return f;
    }
}
