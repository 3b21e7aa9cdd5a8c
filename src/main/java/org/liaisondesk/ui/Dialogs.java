package org.liaisondesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.liaisondesk.app.AppLog;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;

/** Message boxes in the window's language and style. They never block: the answer arrives in a callback. */
public final class Dialogs {

    public static final String STYLESHEET = Dialogs.class.getResource("app.css").toExternalForm();

    private Dialogs() {
    }

    /** app.css and the Chinese font this computer has: what every scene and dialog gets. */
    public static List<String> stylesheets() {
        return ChineseFont.stylesheets();
    }

    /** The text a person reads for a failure: the localized message of expected errors, never a stack trace. */
    public static String describe(Throwable error, Messages messages) {
        if (error instanceof UserFacingException u) {
            return u.localized(messages);
        }
        // Unexpected: the details go to the log file for support, the window shows one readable line.
        AppLog.warn("unexpected error", error);
        return messages.get("ui.error.unexpected", String.valueOf(error.getMessage()));
    }

    public static void error(Window owner, Messages messages, Throwable error, Runnable onClosed) {
        Alert alert = new Alert(Alert.AlertType.ERROR, describe(error, messages),
                new ButtonType(messages.get("ui.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(null);
        alert.setTitle(messages.get("ui.error.title"));
        alert.setOnHidden(e -> onClosed.run());
        show(alert, owner);
    }

    /** Asks {@code question}; {@code onYes} runs when the person chooses {@code yesKey}, {@code onNo} otherwise. */
    public static void confirm(Window owner, Messages messages, String question, String yesKey, String noKey,
                               Runnable onYes, Runnable onNo) {
        confirm(owner, messages, question, yesKey, noKey, onYes, onNo, false);
    }

    /** Like {@link #confirm}, for answers that throw work away: Enter, like Esc, chooses {@code noKey}. */
    public static void confirmDestructive(Window owner, Messages messages, String question, String yesKey,
                                          String noKey, Runnable onYes, Runnable onNo) {
        confirm(owner, messages, question, yesKey, noKey, onYes, onNo, true);
    }

    private static void confirm(Window owner, Messages messages, String question, String yesKey, String noKey,
                                Runnable onYes, Runnable onNo, boolean noByDefault) {
        ButtonType yes = new ButtonType(messages.get(yesKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get(noKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
        if (noByDefault) {
            ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
            ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        }
        alert.setHeaderText(null);
        alert.setTitle(messages.get("ui.confirm.title"));
        alert.setOnHidden(e -> (alert.getResult() == yes ? onYes : onNo).run());
        show(alert, owner);
    }

    /** One answer of {@link #choose}: the button's text key and what it does. */
    public record Answer(String key, Runnable action) {
    }

    /**
     * Asks {@code question} with one button per answer; the first is the default (Enter), the last is what Esc
     * chooses, so the cautious answer goes last.
     */
    public static void choose(Window owner, Messages messages, String question, List<Answer> answers) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question);
        alert.getButtonTypes().clear();
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == answers.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(messages.get(answers.get(i).key()), data));
        }
        alert.getButtonTypes().setAll(buttons);
        alert.setHeaderText(null);
        alert.setTitle(messages.get("ui.confirm.title"));
        alert.setOnHidden(e -> {
            // No result: the box went with its window (the program closing), and nobody answered.
            int chosen = buttons.indexOf(alert.getResult());
            if (chosen >= 0) {
                answers.get(chosen).action().run();
            }
        });
        show(alert, owner);
    }

    /** Gives a dialog the window's owner and stylesheet, then shows it without waiting. */
    public static void show(Dialog<?> dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().getStylesheets().addAll(stylesheets());
        dialog.show();
    }
}
