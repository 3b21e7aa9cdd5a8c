package org.liaisondesk.ui.print;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.liaisondesk.report.FormService;

/**
 * One printed 群众来访接待登记表 as an A4 page: the title, the number, and the ruled grid of the paper form, laid out
 * from {@link FormService.RegisterForm} (the same rows, masking and row heights as the Word form).
 */
public final class RegisterFormNode {

    /** Column widths of a four-cell row, as in the Word form: label, value, label, value. */
    static final double[] COLUMNS = {0.16, 0.34, 0.16, 0.34};
    private static final double CELL_PT = 12;
    private static final double PAD = 5;

    private RegisterFormNode() {
    }

    public static Region of(FormService.RegisterForm form) {
        GridPane grid = new GridPane();
        grid.setSnapToPixel(false);
        for (double c : COLUMNS) {
            double w = Math.round(Sheet.WIDTH * c);
            ColumnConstraints cc = new ColumnConstraints(w, w, w);
            grid.getColumnConstraints().add(cc);
        }
        List<List<String>> rows = form.rows();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            double min = form.heights() != null && r < form.heights().length ? form.heights()[r] / 20.0 : 0;
            int col = 0;
            for (int i = 0; i < cells.size(); i++) {
                boolean label = i % 2 == 0;
                int span = cells.size() == 2 && !label ? 3 : 1;
                double width = 0;
                for (int k = col; k < col + span; k++) {
                    width += Math.round(Sheet.WIDTH * COLUMNS[k]);
                }
                StackPane cell = new StackPane(Sheet.text(cells.get(i), CELL_PT, label, width - 2 * PAD,
                        label ? TextAlignment.CENTER : TextAlignment.LEFT));
                cell.setAlignment(label ? Pos.CENTER : Pos.CENTER_LEFT);
                if (!label && min > 60) {
                    cell.setAlignment(Pos.TOP_LEFT);
                }
                cell.setPadding(Sheet.pad(PAD));
                cell.setMinWidth(0);
                cell.setSnapToPixel(false);
                cell.setPrefWidth(width);
                cell.setMaxWidth(width);
                cell.setMinHeight(min);
                cell.setBorder(Sheet.rule(r == 0 ? 1 : 0, 1, 1, col == 0 ? 1 : 0));
                grid.add(cell, col, r, span, 1);
                col += span;
            }
        }
        VBox page = new VBox(8, centred(form.title(), 22, true), centred(form.number(), 12, false), grid);
        page.setAlignment(Pos.TOP_CENTER);
        page.setPrefWidth(Sheet.WIDTH);
        return page;
    }

    static StackPane centred(String text, double size, boolean bold) {
        StackPane line = new StackPane(Sheet.text(text, size, bold, Sheet.WIDTH, TextAlignment.CENTER));
        line.setPrefWidth(Sheet.WIDTH);
        return line;
    }
}
