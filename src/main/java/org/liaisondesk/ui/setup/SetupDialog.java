package org.liaisondesk.ui.setup;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.Background;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.InlineValidation;

/**
 * The first-run dialog: station code, name and mode (while no station identity is set) and the first
 * administrator's name and password, typed twice with a strength hint (while no account exists).
 */
public final class SetupDialog {

    private SetupDialog() {
    }

    public static void show(Window owner, Messages messages, SetupViewModel vm, Background background,
                            Consumer<SetupViewModel.Result> onDone, Runnable onCancel) {
        Dialog<SetupViewModel.Result> dialog = new Dialog<>();
        dialog.setTitle(messages.get("setup.title"));
        dialog.setHeaderText(messages.get(vm.needsStation() ? "setup.header" : "setup.header.admin"));
        ButtonType ok = new ButtonType(messages.get("setup.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("setup.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        // Labels keep their width when a field's message appears below it (they collapsed to "…" before).
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(320);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        TextField first = null;
        if (vm.needsStation()) {
            first = stationRows(messages, vm, grid);
            row = 6;
        }
        if (vm.needsAdmin()) {
            TextField admin = adminRows(messages, vm, grid, row);
            first = first == null ? admin : first;
        }
        dialog.getDialogPane().setContent(grid);

        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(vm.validProperty().not());
        // OK saves in the background; the dialog stays open (and shows why) until the save succeeded.
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(background, dialog::setResult, error -> Dialogs.error(dialog.getDialogPane().getScene()
                    .getWindow(), messages, error, () -> { }));
        });
        dialog.setResultConverter(button -> null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onDone.accept(dialog.getResult());
            } else {
                onCancel.run();
            }
        });
        Dialogs.show(dialog, owner);
        TextField focus = first;
        Platform.runLater(focus::requestFocus);
    }

    private static TextField stationRows(Messages messages, SetupViewModel vm, GridPane grid) {
        InlineValidation validation = new InlineValidation(vm.problems());
        TextField code = new TextField();
        code.setId("setup-code");
        code.setPromptText(messages.get("setup.code.prompt"));
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = new TextField();
        name.setId("setup-name");
        name.setPromptText(messages.get("setup.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());

        ToggleGroup modes = new ToggleGroup();
        HBox modeRow = new HBox();
        modeRow.getStyleClass().add("choice-row");
        for (StationMode m : StationMode.values()) {
            RadioButton b = new RadioButton(messages.get("mode." + m.code()));
            b.setId("setup-mode-" + m.code());
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.setSelected(vm.modeProperty().get() == m);
            modeRow.getChildren().add(b);
        }
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.modeProperty().set((StationMode) now.getUserData());
            }
        });
        grid.addRow(0, new Label(messages.get("setup.code")), code);
        grid.add(validation.attach(code, Problem.Field.STATION_CODE), 1, 1);
        grid.addRow(2, new Label(messages.get("setup.name")), name);
        grid.add(validation.attach(name, Problem.Field.STATION_NAME), 1, 3);
        grid.addRow(4, new Label(messages.get("setup.mode")), modeRow);
        Label note = new Label(messages.get("setup.note"));
        note.getStyleClass().add("form-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(note, 0, 5, 2, 1);
        return code;
    }

    private static TextField adminRows(Messages messages, SetupViewModel vm, GridPane grid, int row) {
        TextField admin = new TextField();
        admin.setId("setup-admin-name");
        admin.setPromptText(messages.get("setup.admin.prompt"));
        admin.textProperty().bindBidirectional(vm.adminNameProperty());
        PasswordField password = new PasswordField();
        password.setId("setup-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("setup-password-repeat");
        repeat.textProperty().bindBidirectional(vm.repeatProperty());
        Label hint = new Label();
        hint.setId("setup-password-hint");
        hint.getStyleClass().add("form-note");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.textProperty().bind(vm.passwordHint());
        Label title = new Label(messages.get("setup.admin.title"));
        title.getStyleClass().add("form-section");
        grid.add(title, 0, row, 2, 1);
        grid.addRow(row + 1, new Label(messages.get("setup.admin.name")), admin);
        grid.addRow(row + 2, new Label(messages.get("setup.admin.password")), password);
        grid.addRow(row + 3, new Label(messages.get("setup.admin.repeat")), repeat);
        grid.add(hint, 1, row + 4);
        return admin;
    }
}
