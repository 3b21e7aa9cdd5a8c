package org.liaisondesk.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One screen on its own stage, for the screen tests: the background runner, the errors it reported (a test expects
 * none), and the screen built on the FX thread as the main window builds it.
 */
public final class ScreenHarness {

    private final Stage stage;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Background background = new Background(errors::add);

    public ScreenHarness(Stage stage) {
        this.stage = stage;
    }

    private final DataChanges changes = new DataChanges();

    /** "Opinions changed", as the screens fire it. */
    public DataChanges changes() {
        return changes;
    }

    /** Failures the screen reported to the person at the window. */
    public List<Throwable> errors() {
        return errors;
    }

    /** Builds the screen for {@code user} working on {@code app} in {@code language}, and shows it. */
    public <S extends Screen> S show(FxRobot robot, AppContext app, String language, String user,
                                     Function<UiContext, S> screen, double width, double height) {
        UiContext ui = new UiContext(new Services(app), Messages.forLanguage(language), background, new SimpleStringProperty(user),
                errors::add, changes);
        List<S> built = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            S s = screen.apply(ui);
            stage.setScene(new Scene(s.root(), width, height));
            stage.show();
            built.add(s);
        });
        return built.get(0);
    }

    /** Waits (up to 30 s) for background work the screen started, then for the FX thread to settle. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void close() {
        background.close();
    }
}
