package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What the tests of the real window share: a database in a temporary folder, the window on it, lookups. */
abstract class DesktopTest extends FxRobot {

    @TempDir
    Path dir;
    Path db;
    DesktopFixture window;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUpWindow() {
        db = dir.resolve("desk.db");
        window = new DesktopFixture(this);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        window.stop();
    }

    AppContext open() {
        return AppContext.open(db, Messages.forLanguage("zh"));
    }

    Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }

    /** The text of the open message box, or "" when none is open. */
    String dialogText() {
        return lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .map(p -> p.getContentText() == null ? "" : p.getContentText())
                .findFirst().orElse("");
    }
}
