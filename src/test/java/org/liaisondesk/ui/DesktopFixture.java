package org.liaisondesk.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.DeskSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real window (AppWindow) on a database file, the way the launcher does, for TestFX. */
final class DesktopFixture {

    /** Generous: the build machine is shared; these are "eventually", not speed checks. */
    static final int WAIT_SECONDS = 30;
    private static final Locale STARTING_LOCALE = Locale.getDefault();

    private final FxRobot robot;
    private Stage stage;
    private AppWindow window;

    DesktopFixture(FxRobot robot) {
        this.robot = robot;
    }

    /** Every account the tests make has this password. */
    static final String PASSWORD = "mima-2023!";

    /**
     * A database set up as station GS-007 with the administrator 管理员 and the clerk 张丽, who logged in last (so
     * the login dialog offers her name).
     */
    static void prepare(Path db, String... texts) {
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            app.stations().initialize("GS-007", "米市巷街道人大代表联络站", StationMode.STATION, "test");
            app.users().createFirstAdministrator("管理员", PASSWORD.toCharArray());
            app.users().add("张丽", Role.CLERK, PASSWORD.toCharArray(), "管理员");
            new DeskSettings(app.settings()).rememberUser("张丽");
            LocalDateTime at = LocalDateTime.of(2023, 5, 1, 9, 30);
            for (String text : texts) {
                app.opinionService().record(new OpinionInput(at, Channel.VISIT,
                        new Constituent("王秀英", null, null, false), "张丽", text, null), "test");
                at = at.plusDays(1);
            }
        }
    }

    /** Opens the window on {@code db} in Chinese; returns once the stage is shown (the database opens after). */
    DesktopFixture start(Path db) throws TimeoutException {
        return start(db, "zh");
    }

    /** {@code language} null: as without {@code --lang}, the stored setting decides. */
    DesktopFixture start(Path db, String language) throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            window = new AppWindow(new AppWindow.Options(db, language, null));
            window.show(stage);
        });
        return this;
    }

    /** Opens the window, logs in as the remembered user (张丽) and waits for the entry form. */
    DesktopFixture startReady(Path db) throws TimeoutException {
        start(db);
        logIn(PASSWORD);
        waitFor(() -> robot.lookup("#entry-text").tryQuery().map(Node::isVisible).orElse(false));
        waitForFocus("#entry-text");
        return this;
    }

    /** Types {@code password} into the login dialog (its name already filled in) and presses Enter. */
    void logIn(String password) throws TimeoutException {
        waitFor(() -> robot.lookup("#login-password").tryQuery().isPresent());
        waitForFocus("#login-password");
        Window login = robot.lookup("#login-password").query().getScene().getWindow();
        robot.targetWindow(login);
        robot.write(password);
        robot.push(javafx.scene.input.KeyCode.ENTER);
    }

    /**
     * Closes the window as a person would: the stage goes, the database and the lock are released. The window set
     * the process's locale to its language; the next test starts from the one this JVM began with.
     */
    void stop() throws TimeoutException {
        if (stage != null) {
            FxToolkit.setupFixture(() -> {
                stage.close();
                window.close();
            });
            stage = null;
        }
        // Whatever a test left open (an editor, a message box: windows with an owner) must not stand in the next
        // test's way; another test window (no owner) stays.
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage owned && owned.getOwner() != null).forEach(Window::hide));
        Locale.setDefault(STARTING_LOCALE);
    }

    /** Closes the window as the title bar's close button does (the exit backup runs first). */
    void requestClose() throws TimeoutException, InterruptedException {
        Stage s = stage;
        FxToolkit.setupFixture(() -> s.fireEvent(new javafx.stage.WindowEvent(s,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(() -> !s.isShowing());
        stage = null;
        window.awaitExitBackup(); // written after the window is gone
    }

    /** Gives the window the keyboard again (headless Monocle does not when another window closes). */
    void focus() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            stage.toFront();
            stage.requestFocus();
        });
    }

    void waitForFocus(String query) throws TimeoutException {
        waitFor(() -> robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false)
                || robot.lookup(query).tryQuery().map(n -> n.getScene() != null
                && n.getScene().getFocusOwner() != null && isInside(n.getScene().getFocusOwner(), n)).orElse(false));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            TimeoutException described = new TimeoutException("condition not met; windows: " + describeWindows());
            described.initCause(e);
            throw described;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What was on screen, for the failure message. */
    private static String describeWindows() {
        StringBuilder out = new StringBuilder();
        for (Window w : List.copyOf(Window.getWindows())) {
            out.append("\n  ").append(w.getClass().getSimpleName()).append(w.isShowing() ? " showing" : " hidden")
                    .append(w.isFocused() ? " focused" : "");
            if (w.getScene() != null) {
                Node focus = w.getScene().getFocusOwner();
                out.append(", focus ").append(focus == null ? "-" : focus.getClass().getSimpleName() + "#" + focus.getId());
                w.getScene().getRoot().lookupAll(".text-area").forEach(t -> out.append(" {")
                        .append(((javafx.scene.control.TextInputControl) t).getText()).append('}'));
                w.getScene().getRoot().lookupAll(".label").forEach(l -> {
                    String t = ((javafx.scene.control.Labeled) l).getText();
                    if (t != null && !t.isBlank() && l.isVisible()) {
                        out.append(" [").append(t.replace('\n', ' ')).append(']');
                    }
                });
            }
        }
        return out.toString();
    }
}
