package org.liaisondesk.ui.setup;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Worker;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.ui.Dialogs;

/** "Who is working?": asked at start when nobody is remembered, and from the status bar to change. */
public final class WorkerDialog {

    private WorkerDialog() {
    }

    /** {@code onChosen} runs with the worker on OK; {@code onCancel} when the dialog is dismissed. */
    public static void show(Window owner, Messages messages, InputRules rules, List<Worker> known, Worker current,
                            Consumer<Worker> onChosen, Runnable onCancel) {
        WorkerViewModel vm = new WorkerViewModel(rules, messages, known, current);
        Dialog<Worker> dialog = new Dialog<>();
        dialog.setTitle(messages.get("worker.title"));
        dialog.setHeaderText(messages.get("worker.header"));
        ButtonType ok = new ButtonType(messages.get("ui.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        WorkerForm form = new WorkerForm(vm, messages, grid, 0);
        grid.add(new Label(messages.get("worker.note")), 0, WorkerForm.rows(), 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(vm.problems().validProperty().not());
        dialog.setResultConverter(button -> button == ok ? vm.worker() : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onChosen.accept(dialog.getResult());
            } else {
                onCancel.run();
            }
        });
        Dialogs.show(dialog, owner);
        Platform.runLater(form.nameField()::requestFocus);
    }
}
