package org.liaisondesk.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.liaisondesk.i18n.Messages;

/** The desktop window. JavaFX creates this class itself, so launch parameters pass through static fields. */
public final class DesktopApp extends Application {

    private static Path databaseFile;
    private static String language;

    public static void launch(Path database, String lang, String user) {
        databaseFile = database;
        language = lang;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.forLanguage(language);
        stage.setTitle(messages.get("app.title"));
        stage.setScene(new Scene(new Label(databaseFile.toString()), 1100, 720));
        stage.show();
    }
}
