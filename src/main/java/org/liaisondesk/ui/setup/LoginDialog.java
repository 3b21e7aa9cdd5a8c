package org.liaisondesk.ui.setup;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.ui.Background;
import org.liaisondesk.ui.StartupProbe;
import org.liaisondesk.ui.Dialogs;

/**
 * The login dialog at every start after the first and after "switch user": name (pre-filled with the last one or
 * {@code --user}) and password; Enter logs in; a wrong password or a lock is explained under the fields and the
 * dialog stays open. Cancel quits.
 */
public final class LoginDialog {

    private LoginDialog() {
    }

    public static void show(Window owner, Messages messages, LoginViewModel vm, Background background,
                            Consumer<UserAccount> onLoggedIn, Runnable onCancel) {
        Dialog<UserAccount> dialog = new Dialog<>();
        dialog.setTitle(messages.get("login.title"));
        dialog.setHeaderText(messages.get("login.header"));
        ButtonType ok = new ButtonType(messages.get("login.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("login.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        dialog.getDialogPane().getStyleClass().add("login");

        TextField name = new TextField();
        name.setId("login-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Label message = new Label();
        message.setId("login-message");
        message.getStyleClass().add("field-problem");
        message.setWrapText(true);
        message.setPrefWidth(320);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.addRow(0, label(messages.get("login.name")), name);
        grid.addRow(1, label(messages.get("login.password")), password);
        grid.add(message, 1, 2);
        dialog.getDialogPane().setContent(grid);

        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(vm.canLogInProperty().not());
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.logIn(background, dialog::setResult);
        });
        vm.messageProperty().addListener((o, old, now) -> Platform.runLater(password::requestFocus));
        dialog.setResultConverter(button -> null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onLoggedIn.accept(dialog.getResult());
            } else {
                onCancel.run();
            }
        });
        Dialogs.show(dialog, owner);
        Platform.runLater(() -> {
            (vm.nameProperty().get().isBlank() ? name : password).requestFocus();
            StartupProbe.loginReady();
        });
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
