package org.liaisondesk.ui.stats;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.liaisondesk.ui.AppWindow;

/**
 * Opens the real window on a database (on a real display, e.g. Xvfb) and goes to 统计, for the screenshot in
 * {@code docs/screenshots/dashboard.png}:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp target/liaison-desk.jar:target/test-classes
 * org.liaisondesk.ui.stats.DashboardScreenshot /tmp/x.db [HEIGHT]}, then {@code import -window root shot.png}.
 */
public final class DashboardScreenshot {

    private DashboardScreenshot() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int height = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        Platform.startup(() -> {
            Stage stage = new Stage();
            new AppWindow(new AppWindow.Options(db, "zh", "张三")).show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(height);
        });
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "go-to-stats");
            t.setDaemon(true);
            return t;
        });
        poll.scheduleWithFixedDelay(() -> Platform.runLater(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .map(w -> w.getScene().getRoot().lookup("#nav-stats"))
                .filter(n -> n instanceof ButtonBase).findFirst().ifPresent(n -> {
                    ((ButtonBase) n).fire();
                    poll.shutdown();
                })), 500, 500, TimeUnit.MILLISECONDS);
    }
}
