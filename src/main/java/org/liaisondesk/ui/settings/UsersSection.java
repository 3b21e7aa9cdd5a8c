package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.liaisondesk.model.Role;
import org.liaisondesk.ui.Choice;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.UsersSectionModel.UserRow;

/** 用户管理: the accounts, and a line to add one or to reset the selected one's password or unlock it. */
public final class UsersSection {

    private final Parent root;

    public UsersSection(UiContext ui) {
        UsersSectionModel vm = ui.services().users(ui);
        TableView<UserRow> table = Sections.table("users-table", vm.users(),
                Sections.column(ui, "settings.users.col.name", UserRow::name),
                Sections.column(ui, "settings.users.col.role", UserRow::role),
                Sections.column(ui, "settings.users.col.state", UserRow::state));
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        TextField name = new TextField();
        name.setId("users-name");
        name.setPromptText(ui.text("settings.users.name"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<Choice<Role>> role = Choice.comboBox(Choice.of(null, List.of(Role.values()),
                r -> ui.text("role." + r.code())), vm.roleProperty().get());
        role.setId("users-role");
        role.valueProperty().addListener((o, old, now) -> vm.roleProperty().set(Choice.valueOf(role)));
        PasswordField password = new PasswordField();
        password.setId("users-password");
        password.setPromptText(ui.text("settings.users.password"));
        password.setPrefColumnCount(16);
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button add = new Button(ui.text("settings.users.add"));
        add.setId("users-add");
        add.disableProperty().bind(name.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        add.setOnAction(e -> vm.add());
        password.setOnAction(e -> {
            if (!add.isDisabled()) {
                vm.add();
            }
        });
        Button reset = new Button(ui.text("settings.users.resetPassword"));
        reset.setId("users-reset");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(password.textProperty().isEmpty()));
        reset.setOnAction(e -> vm.resetPassword());
        Button unlock = new Button(ui.text("settings.users.unlock"));
        unlock.setId("users-unlock");
        unlock.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        unlock.setOnAction(e -> vm.unlock());
        Button changeRole = new Button(ui.text("settings.users.changeRole"));
        changeRole.setId("users-change-role");
        changeRole.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        changeRole.setOnAction(e -> vm.changeRole());
        Button disable = new Button(ui.text("settings.users.disable"));
        disable.setId("users-disable");
        disable.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        disable.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            UserRow r = table.getSelectionModel().getSelectedItem();
            return ui.text(r != null && r.disabled() ? "settings.users.enable" : "settings.users.disable");
        }, table.getSelectionModel().selectedItemProperty()));
        disable.setOnAction(e -> vm.toggleDisabled());
        FlowPane form = new FlowPane(name, role, password, add, reset, unlock, changeRole, disable);
        form.getStyleClass().add("inline-fields-wrap");
        Label hint = new Label(ui.text("settings.users.hint"));
        hint.getStyleClass().add("form-note");
        root = Sections.section("settings-users", table, form, hint,
                Sections.note("users-message", vm.message()));
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
