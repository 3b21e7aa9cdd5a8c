package org.liaisondesk.ui;

import java.util.Arrays;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.service.KeyService;
import org.liaisondesk.service.Permissions;

/**
 * The window's side of the key passphrase: when an action fails because the private keys are locked, the window
 * asks for the passphrase (the administrator types it), unlocks the keys for this session in the background and
 * runs the action again. Only an administrator may set the first passphrase.
 */
public final class KeyUnlock {

    private KeyUnlock() {
    }

    /** True when {@code error} says the private keys are locked. */
    public static boolean isLocked(Throwable error) {
        return error instanceof UserFacingException u && "keys.error.locked".equals(u.messageKey());
    }

    /**
     * Asks for the passphrase and, once the keys are unlocked, runs {@code retry} (on the FX thread); a wrong
     * passphrase or a refusal goes to {@code onError}.
     */
    public static void ask(UiContext ui, KeyService keys, Runnable retry,
                           java.util.function.Consumer<Throwable> onError) {
        ui.background().run(() -> keys.hasPassphrase(), has -> {
            if (!has && !ui.allows(Permissions.Action.MANAGE_KEYS)) {
                onError.accept(new UserFacingException("keys.error.askAdministrator"));
                return;
            }
            Dialog<char[]> dialog = dialog(ui, has);
            dialog.setOnHidden(e -> {
                char[] passphrase = dialog.getResult();
                if (passphrase == null) {
                    onError.accept(new UserFacingException("keys.error.locked"));
                    return;
                }
                ui.background().run(() -> {
                    try {
                        keys.unlock(passphrase, ui.actor());
                    } finally {
                        Arrays.fill(passphrase, '\0');
                    }
                    return Boolean.TRUE;
                }, ok -> retry.run(), onError);
            });
            Dialogs.show(dialog, null);
        }, onError);
    }

    private static Dialog<char[]> dialog(UiContext ui, boolean has) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(ui.text("keys.unlock.title"));
        dialog.setHeaderText(null);
        PasswordField field = new PasswordField();
        field.setId("key-passphrase");
        Label text = new Label(ui.text(has ? "keys.unlock.prompt" : "keys.unlock.first"));
        text.setWrapText(true);
        text.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(8, text, field));
        ButtonType ok = new ButtonType(ui.text("ui.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(ui.text("ui.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(b -> b == ok ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog;
    }
}
