package org.liaisondesk.ui.setup;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.WorkerRole;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.InlineValidation;

/** The "who is working" fields, shared by the first-run dialog and the change-user dialog. */
final class WorkerForm {

    private final ComboBox<String> name;

    /** Adds the rows to {@code grid} from {@code row}; returns the next free row. */
    WorkerForm(WorkerViewModel vm, Messages messages, GridPane grid, int row) {
        name = new ComboBox<>(FXCollections.observableArrayList(vm.knownNames()));
        name.setId("worker-name");
        name.setEditable(true);
        name.setMaxWidth(Double.MAX_VALUE);
        name.setPromptText(messages.get("worker.name.prompt"));
        name.getEditor().setText(vm.nameProperty().get());
        vm.nameProperty().bind(name.getEditor().textProperty());
        name.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                name.getEditor().setText(now);
            }
        });
        Label problem = new InlineValidation(vm.problems()).attach(name, Problem.Field.WORKER_NAME);

        ToggleGroup group = new ToggleGroup();
        HBox roles = new HBox();
        roles.getStyleClass().add("choice-row");
        for (WorkerRole r : List.of(WorkerRole.CLERK, WorkerRole.DEPUTY)) {
            RadioButton b = new RadioButton(messages.get("role." + r.code()));
            b.setId("worker-role-" + r.code());
            b.setToggleGroup(group);
            b.setUserData(r);
            b.setSelected(vm.roleProperty().get() == r);
            roles.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.roleProperty().set((WorkerRole) now.getUserData());
            }
        });
        vm.roleProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));

        grid.addRow(row, new Label(messages.get("worker.name")), name);
        grid.add(problem, 1, row + 1);
        grid.addRow(row + 2, new Label(messages.get("worker.role")), roles);
    }

    ComboBox<String> nameField() {
        return name;
    }

    static int rows() {
        return 3;
    }
}
