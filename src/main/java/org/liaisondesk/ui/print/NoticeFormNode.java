package org.liaisondesk.ui.print;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.liaisondesk.report.FormService;

/**
 * The printed 人大代表接待选民公告 as an A4 page: the title, the body in 三号 (16 pt) with the usual two-character
 * indent, the station and the date at the right; laid out from {@link FormService.NoticeForm}, the Word notice's text.
 */
public final class NoticeFormNode {

    private static final double BODY_PT = 16;

    private NoticeFormNode() {
    }

    public static Region of(FormService.NoticeForm notice) {
        VBox page = new VBox(10);
        page.setPrefWidth(Sheet.WIDTH);
        StackPane title = RegisterFormNode.centred(notice.title(), 22, true);
        title.setPadding(new Insets(24, 0, 24, 0));
        page.getChildren().add(title);
        for (String p : notice.body()) {
            page.getChildren().add(p.isEmpty() ? spacer()
                    : Sheet.text("\u3000\u3000" + p, BODY_PT, false, Sheet.WIDTH, TextAlignment.JUSTIFY));
        }
        for (String line : notice.closing()) {
            StackPane right = new StackPane(Sheet.text(line, BODY_PT, false, 0, TextAlignment.RIGHT));
            right.setAlignment(Pos.CENTER_RIGHT);
            right.setPadding(new Insets(0, 2 * BODY_PT, 0, 0));
            right.setPrefWidth(Sheet.WIDTH);
            page.getChildren().add(right);
        }
        return page;
    }

    private static Region spacer() {
        Region r = new Region();
        r.setMinHeight(2 * BODY_PT);
        return r;
    }
}
