package org.liaisondesk.ui.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.ui.Dialogs;

/**
 * The database failed its start-up check: says what is wrong and offers the newest backup (restored only after a
 * second confirmation), going on read-only, or quitting. A damaged database is never used silently.
 */
public final class HealthDialog {

    private HealthDialog() {
    }

    /** {@code latest}: the newest backup, or null when there is none to offer. */
    public static void show(Window owner, Messages messages, List<HealthIssue> issues, Path latest,
                            Consumer<Path> onRestore, Runnable onReadOnly, Runnable onQuit) {
        ButtonType restore = new ButtonType(messages.get("health.window.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType readOnly = new ButtonType(messages.get("health.window.readOnly"), ButtonBar.ButtonData.OTHER);
        ButtonType quit = new ButtonType(messages.get("health.window.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String problems = issues.stream().map(i -> "• " + messages.get(i.messageKey(), i.args().toArray()))
                .collect(Collectors.joining("\n"));
        String offer = latest == null ? messages.get("health.window.noBackup")
                : messages.get("health.window.offer", latest.getFileName());
        Alert alert = latest == null
                ? new Alert(Alert.AlertType.ERROR, problems + "\n\n" + offer, readOnly, quit)
                : new Alert(Alert.AlertType.ERROR, problems + "\n\n" + offer, restore, readOnly, quit);
        alert.setTitle(messages.get("health.window.title"));
        alert.setHeaderText(messages.get("health.window.header"));
        alert.getDialogPane().setId("health-dialog");
        alert.setOnHidden(e -> {
            if (alert.getResult() == restore) {
                Dialogs.confirm(owner, messages, messages.get("health.window.confirm", latest.getFileName()),
                        "health.window.restore", "ui.cancel", () -> onRestore.accept(latest),
                        () -> show(owner, messages, issues, latest, onRestore, onReadOnly, onQuit));
            } else if (alert.getResult() == readOnly) {
                onReadOnly.run();
            } else {
                onQuit.run();
            }
        });
        Dialogs.show(alert, owner);
    }
}
