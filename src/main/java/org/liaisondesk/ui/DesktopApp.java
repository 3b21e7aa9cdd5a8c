package org.liaisondesk.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop window. JavaFX creates this class itself, so launch parameters pass through a static field. */
public final class DesktopApp extends Application {

    private static AppWindow.Options options;
    private AppWindow window;

    public static void launch(Path database, String lang, String user) {
        options = new AppWindow.Options(database, lang, user);
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        window = new AppWindow(options);
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
