package org.liaisondesk.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: the smallest JavaFX window (one label), started the same way as the program's window, which
 * prints {@code window-ready-ms=N} (from JVM start) once it is shown and closes. {@code bench --window} starts it
 * (bench.WindowStartup); by hand: {@code xvfb-run -a java -cp target/liaison-desk.jar org.liaisondesk.ui.MinimalWindow}.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    /** A plain main, as {@code Launcher}'s: a main class extending Application needs JavaFX as modules. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Liaison Desk")), 800, 600));
            stage.setOnShown(e -> Platform.runLater(() -> {
                StartupProbe.print("window-ready-ms");
                Platform.exit();
            }));
            stage.show();
        }
    }
}
