package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What every test of the real window shares: a temp database {@link #db} and the {@link #window} on it. */
abstract class WindowTest extends FxRobot {

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
    void stopWindow() throws TimeoutException {
        window.stop();
    }
}
