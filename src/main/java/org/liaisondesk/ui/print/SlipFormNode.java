package org.liaisondesk.ui.print;

import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.liaisondesk.report.FormService;
import org.liaisondesk.service.AssignmentSlip;

/**
 * The printed 交办单 as an A4 page: the same ruled grid as the reception register (a heading and its value per row),
 * then the request to reply by the due date; laid out from {@link AssignmentSlip.Slip}, the text the HTML slip has.
 */
public final class SlipFormNode {

    private SlipFormNode() {
    }

    public static Region of(AssignmentSlip.Slip slip) {
        Region grid = RegisterFormNode.of(new FormService.RegisterForm(slip.title(), slip.number(), slip.rows(), null));
        VBox page = new VBox(12, grid, Sheet.text(slip.closing(), 12, false, Sheet.WIDTH, TextAlignment.LEFT));
        page.setPrefWidth(Sheet.WIDTH);
        return page;
    }
}
