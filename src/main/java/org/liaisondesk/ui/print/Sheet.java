package org.liaisondesk.ui.print;

import javafx.geometry.Insets;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.liaisondesk.ui.ChineseFont;

/**
 * What the printed forms share: the A4 text width in points (1/72 inch, JavaFX's printing unit), fonts in the forms'
 * family, plain black text and ruled lines. Built without CSS, so a page lays out the same on any thread and printer.
 */
final class Sheet {

    /** A4 (595 pt) less 2 cm margins left and right: 170 mm. */
    static final double WIDTH = 482;

    private Sheet() {
    }

    static Font font(double size, boolean bold) {
        return Font.font(ChineseFont.formFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /** Black text in the forms' font; wrapped at {@code wrap} points when positive. */
    static Text text(String s, double size, boolean bold, double wrap, TextAlignment align) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font(size, bold));
        t.setFill(Color.BLACK);
        if (wrap > 0) {
            t.setWrappingWidth(wrap);
        }
        t.setTextAlignment(align);
        return t;
    }

    /** A black rule on the given sides (top, right, bottom, left), {@code width} points wide. */
    static Border rule(double top, double right, double bottom, double left) {
        return new Border(new BorderStroke(Color.BLACK, BorderStrokeStyle.SOLID, CornerRadii.EMPTY,
                new BorderWidths(top, right, bottom, left)));
    }

    static Insets pad(double v) {
        return new Insets(v);
    }
}
