package org.liaisondesk.ui.print;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.print.PrinterJob;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.UiContext;

/**
 * The print actions a screen offers (Ctrl+P and its button or menu): the reception register of an opinion or of a
 * day, the reception notice (asked for in a small dialog, filled in from the next recorded reception day). The
 * system print dialog chooses the printer; {@link #status()} says what happened.
 */
public final class PrintView {

    private final UiContext ui;
    private final Supplier<Window> owner;
    private final PrintViewModel model;
    private final Label status = new Label();

    public PrintView(UiContext ui, Supplier<Window> owner) {
        this.ui = ui;
        this.owner = owner;
        this.model = ui.services().print(ui);
        status.getStyleClass().add("print-status");
        status.setId("print-status");
        status.textProperty().bind(model.statusProperty());
    }

    /** What the last print did, for the screen's status line. */
    public Label status() {
        return status;
    }

    public PrintViewModel model() {
        return model;
    }

    public void register(UUID opinion) {
        model.register(opinion, this::ask);
    }

    /** Prints the 交办单 {@code load} reads. */
    public void slip(java.util.concurrent.Callable<org.liaisondesk.service.AssignmentSlip.Slip> load) {
        model.slip(load, this::ask);
    }

    public void registersOf(LocalDate day) {
        model.registersOf(day, this::ask);
    }

    /** Asks for the notice's date, time, place and deputies, then prints it. */
    public void notice() {
        ui.background().run(model::suggestedReception, this::noticeDialog);
    }

    private void noticeDialog(ReceptionDay suggested) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(ui.text("print.notice.title"));
        DatePicker date = DateFields.picker(ui, "print-notice-date", "print.notice.date", null);
        TextField time = new TextField(ui.text("print.notice.defaultTime"));
        time.setId("print-notice-time");
        TextField place = new TextField(suggested == null ? "" : suggested.place());
        place.setId("print-notice-place");
        TextField deputies = new TextField(suggested == null ? "" : String.join("、", suggested.deputies()));
        deputies.setId("print-notice-deputies");
        date.setValue(suggested == null ? model.today().plusDays(3) : suggested.heldOn());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(8);
        grid.setVgap(8);
        String[] labels = {"print.notice.date", "print.notice.time", "print.notice.place", "print.notice.deputies"};
        javafx.scene.Node[] fields = {date, time, place, deputies};
        for (int i = 0; i < labels.length; i++) {
            Label l = new Label(ui.text(labels[i]));
            l.setLabelFor(fields[i]);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(i, l, fields[i]);
        }
        deputies.setPrefColumnCount(28);
        dialog.getDialogPane().setContent(grid);
        ButtonType print = new ButtonType(ui.text("print.notice.print"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(print,
                new ButtonType(ui.text("print.notice.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == print) {
                model.notice(date.getValue(), time.getText(), place.getText(),
                        Arrays.asList(deputies.getText().split("[,，、]")), this::ask);
            }
        });
        Dialogs.show(dialog, owner.get());
        javafx.application.Platform.runLater(place::requestFocus);
    }

    /** The system print dialog, owned by the window. */
    private boolean ask(PrinterJob job) {
        return job.showPrintDialog(owner.get());
    }
}
