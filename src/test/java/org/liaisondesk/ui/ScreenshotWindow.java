package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the real window on a database (on a real display, e.g. Xvfb), logged in as the given user, and goes to one
 * screen (entry, list, review, stats, exchange, settings), for the screenshots in {@code docs/screenshots/}:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp target/liaison-desk.jar:target/test-classes
 * org.liaisondesk.ui.ScreenshotWindow /tmp/x.db stats [HEIGHT] [USER] [zh|en] [FOCUS]}, then
 * {@code import -window root shot.png}. {@code settings/audit} (or users, taxonomy, backup, keys, privacy) opens that
 * tab of the settings; FOCUS is the id of a node to give the keyboard to once the screen shows (e.g. filter-from, the
 * list's first date field), so that {@code xdotool type} can type into it.
 */
public final class ScreenshotWindow {

    private ScreenshotWindow() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        String screen = args.length > 1 ? args[1] : "stats";
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        String user = args.length > 3 ? args[3] : "张三";
        String language = args.length > 4 ? args[4] : "zh";
        String focus = args.length > 5 ? args[5] : null;
        String nav = screen.contains("/") ? screen.substring(0, screen.indexOf('/')) : screen;
        String tab = screen.contains("/") ? screen.substring(screen.indexOf('/') + 1) : null;
        Platform.startup(() -> {
            Stage stage = new Stage();
            new AppWindow(new AppWindow.Options(db, language, user)).show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(height);
        });
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "go-to-" + nav);
            t.setDaemon(true);
            return t;
        });
        poll.scheduleWithFixedDelay(() -> Platform.runLater(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup("#nav-" + nav))
                .filter(n -> n instanceof ButtonBase).findFirst().ifPresent(n -> {
                    ((ButtonBase) n).fire();
                    poll.shutdown();
                    if (tab != null || focus != null) {
                        Platform.runLater(() -> afterShown(n.getScene().getRoot(), tab, focus));
                    }
                })), 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Opens the settings tab and gives the keyboard to the node {@code focus}, once they exist. */
    private static void afterShown(Node root, String tab, String focus) {
        Node tabs = root.lookup("#settings-tabs");
        if (tab != null && tabs instanceof TabPane pane) {
            pane.getTabs().stream().filter(t -> ("settings-tab-" + tab).equals(t.getId())).findFirst()
                    .ifPresent(t -> pane.getSelectionModel().select(t));
        }
        Node target = focus == null ? null : root.lookup("#" + focus);
        if ((tab != null && !(tabs instanceof TabPane)) || (focus != null && target == null)) {
            Platform.runLater(() -> afterShown(root, tab, focus)); // not built yet
            return;
        }
        if (target != null) {
            target.requestFocus();
        }
    }
}
