package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop window's start. JavaFX's toolkit is started on a thread of its own ({@link #prestart}) as soon as the
 * launcher sees that no command was given: starting it takes about as long as parsing the options and opening the
 * database, which go on meanwhile (before, the toolkit only started once the options were parsed, about 0.5 s later
 * than in a bare JavaFX program).
 */
public final class DesktopApp {

    private static CompletableFuture<Void> toolkit;

    private DesktopApp() {
    }

    /** Starts JavaFX's toolkit in the background; {@link #launch} then shows the window as soon as it is up. */
    public static synchronized void prestart() {
        if (toolkit == null) {
            CompletableFuture<Void> up = new CompletableFuture<>();
            toolkit = up;
            Thread starter = new Thread(() -> {
                try {
                    Platform.startup(() -> up.complete(null));
                } catch (RuntimeException | Error e) {
                    up.completeExceptionally(e);
                }
            }, "liaison-desk-toolkit");
            starter.setDaemon(true);
            starter.start();
        }
    }

    /**
     * Starts opening the database (the window's constructor), shows the window once the toolkit is up, and returns
     * when it has closed (the exit backup, a thread of its own, may still be finishing).
     */
    public static void launch(Path database, String lang, String user) {
        AppWindow window = new AppWindow(new AppWindow.Options(database, lang, user));
        prestart();
        toolkit.join();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
            window.show(stage);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
