package org.liaisondesk.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop window. JavaFX creates this class itself, so the window passes through a static field. */
public final class DesktopApp extends Application {

    private static AppWindow window;

    /** Starts opening the database before JavaFX starts (the two overlap), then runs the window until it closes. */
    public static void launch(Path database, String lang, String user) {
        window = new AppWindow(new AppWindow.Options(database, lang, user));
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
