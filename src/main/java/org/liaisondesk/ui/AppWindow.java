package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.app.AppLog;
import org.liaisondesk.app.InstanceLock;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.ui.setup.HealthDialog;
import org.liaisondesk.ui.setup.LoginDialog;
import org.liaisondesk.ui.setup.SetupDialog;

/**
 * One open window on one database: shows the stage at once, opens the database in the background (refusing a second
 * window on the same file), runs the first-run dialog when the station or its first administrator is not set up, asks
 * for a login, then shows the main window. The start-up health check reads every page (seconds at a million
 * opinions), so it runs while the person types the password; no data is shown before it has passed, and a failed
 * check is shown with the offer to restore the newest backup. Closing the stage makes the exit backup first, then
 * releases everything.
 */
public final class AppWindow {

    /** What the command line asked for: the database, the language (null: the stored setting) and the user. */
    public record Options(Path database, String language, String user) {
    }

    /** What the background start-up read and checked. */
    private record Boot(InstanceLock lock, AppContext app, DeskSettings desk, Optional<Station> station,
                        boolean needsAdmin, Optional<String> lastUser, String language) {
    }

    private final Options options;
    /** Started by the constructor, so the database opens while JavaFX is still starting. */
    private final CompletableFuture<Boot> booting;
    private Stage stage;
    private Messages messages;
    private Background background;
    private InstanceLock lock;
    private AppContext app;
    /** The composition root over {@link #app}: makes every view model of this window. */
    private Services services;
    private DeskSettings desk;
    /** What the start-up read, or read again after a restore. */
    private Boot boot;
    private MainViewModel mainViewModel;
    /** The start-up health check, begun as soon as the database is open; empty once its outcome is settled. */
    private CompletableFuture<List<HealthIssue>> health = CompletableFuture.completedFuture(List.of());
    private boolean readOnly;
    private boolean closed;
    private boolean exitBackupDone;
    /** The exit backup, started once the window is gone; it closes the store when it is done. */
    private Thread exitBackup;

    /** Starts opening the database at once, on a thread of its own; {@link #show} then only waits for it. */
    public AppWindow(Options options) {
        this.options = options;
        speak(Messages.forLanguage(options.language()));
        this.booting = CompletableFuture.supplyAsync(this::boot, r -> daemon(r, "liaison-desk-open"));
    }

    /**
     * The window's language is the process's default locale too, so JavaFX's and ControlsFX's own texts (an empty
     * table, a text field's menu, a date picker's months) speak it as well.
     */
    private void speak(Messages language) {
        messages = language;
        Locale.setDefault(language.locale());
    }

    private static void daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** Shows the window on {@code stage}; returns at once, the rest happens as the database answers. */
    public void show(Stage stage) {
        this.stage = stage;
        background = new Background(this::report);
        stage.setTitle(messages.get("app.title"));
        Scene scene = new Scene(waiting(messages.get("window.opening", options.database().toAbsolutePath())),
                1180, 760);
        scene.getStylesheets().addAll(Dialogs.stylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        stage.setOnCloseRequest(e -> {
            if (mainViewModel != null && !exitBackupDone) {
                e.consume();
                backUpAndClose();
            }
        });
        stage.show();
        StartupProbe.stageShown();
        background.run(this::awaitBoot, this::booted, this::bootFailed);
    }

    private static VBox waiting(String message) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label text = new Label(message);
        text.setId("window-waiting");
        VBox box = new VBox(spinner, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("loading");
        return box;
    }

    private Boot awaitBoot() {
        try {
            return booting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private Boot boot() {
        InstanceLock l = InstanceLock.acquire(options.database());
        AppContext ctx = null;
        try {
            ctx = AppContext.open(options.database(), messages);
            DeskSettings settings = new DeskSettings(ctx.settings());
            Optional<String> user = options.user() != null && !options.user().isBlank()
                    ? Optional.of(options.user().strip()) : settings.lastUser();
            String language = options.language() != null ? options.language()
                    : settings.language().orElse("zh");
            return new Boot(l, ctx, settings, ctx.stations().current(), ctx.users().needsFirstAdministrator(), user,
                    language);
        } catch (RuntimeException e) {
            if (ctx != null) {
                ctx.close();
            }
            l.close();
            throw e;
        }
    }

    /** The quick check before any data is shown; a check that cannot even run counts as a problem found. */
    private static List<HealthIssue> startupCheck(AppContext ctx) {
        try {
            return ctx.health().startupCheck();
        } catch (UserFacingException e) {
            return List.of(new HealthIssue(e.messageKey(), List.of(e.args())));
        }
    }

    private void booted(Boot opened) {
        lock = opened.lock();
        app = opened.app();
        services = new Services(app);
        desk = opened.desk();
        if (closed) {
            releaseStore();
            return;
        }
        speak(Messages.forLanguage(opened.language()));
        stage.setTitle(messages.get("app.title"));
        AppContext checked = app;
        health = CompletableFuture.supplyAsync(() -> startupCheck(checked), r -> daemon(r, "liaison-desk-check"));
        identify(opened);
    }

    /**
     * Goes on to the data once the health check has passed (waiting for it, with a word on screen, if the person was
     * quicker); a failed check offers the newest backup, or read-only use, or closing.
     */
    private void whenHealthy(Runnable proceed) {
        if (!health.isDone()) {
            stage.getScene().setRoot(waiting(messages.get("window.checking")));
        }
        background.run(health::join, issues -> {
            if (issues.isEmpty()) {
                proceed.run();
            } else {
                offerRestore(issues, proceed);
            }
        }, this::bootFailed);
    }

    private void offerRestore(List<HealthIssue> issues, Runnable proceed) {
        health = CompletableFuture.completedFuture(List.of());
        background.run(() -> app.backups().backups().stream().findFirst(), latest -> HealthDialog.show(stage,
                messages, issues, latest.orElse(null),
                backup -> background.run(() -> {
                    app.backups().restore(backup, System.getProperty("user.name"));
                    return new Boot(boot.lock(), app, desk, app.stations().current(),
                            app.users().needsFirstAdministrator(), boot.lastUser(), boot.language());
                }, this::identify, error -> Dialogs.error(stage, messages, error, stage::close)),
                () -> {
                    readOnly = true;
                    proceed.run();
                }, stage::close));
    }

    /** First run (station and/or first administrator), else the login. */
    private void identify(Boot started) {
        boot = started;
        if (boot.station().isEmpty() || boot.needsAdmin()) {
            SetupDialog.show(stage, messages, services.setup(desk, messages, boot.station().orElse(null),
                    boot.needsAdmin()), background, done -> {
                        if (done.administrator() != null) {
                            whenHealthy(() -> openMain(done.station(), done.administrator()));
                        } else {
                            logIn(done.station(), boot.lastUser().orElse(null));
                        }
                    }, stage::close);
        } else {
            logIn(boot.station().get(), boot.lastUser().orElse(null));
        }
    }

    private void logIn(Station station, String name) {
        LoginDialog.show(stage, messages, services.login(desk, messages, name), background,
                account -> whenHealthy(() -> openMain(station, account)), stage::close);
    }

    private void bootFailed(Throwable error) {
        Dialogs.error(stage, messages, error, stage::close);
    }

    private void openMain(Station station, UserAccount user) {
        mainViewModel = services.main(Screens.standard(), station, user, readOnly, messages, background);
        UiContext ui = new UiContext(services, messages, background, mainViewModel.userNameProperty(), this::report,
                new DataChanges(), user.role(), readOnly);
        MainView main = new MainView(mainViewModel, ui, () -> switchUser(user));
        stage.titleProperty().bind(mainViewModel.titleTextBinding());
        stage.getScene().setRoot(main.root());
        mainViewModel.setOnFirstCount(this::ready);
        mainViewModel.selectFirst();
        if (!readOnly) {
            background.run(() -> app.backups().dailyIfDue(user.name()), made -> { });
        }
    }

    /** Logs out: the screens (and what they show) go; the login asks again. */
    private void switchUser(UserAccount leaving) {
        // A restore may have brought another identity (a confirmed migration): log in to the one the database holds.
        Station now = mainViewModel.station();
        mainViewModel = null;
        stage.titleProperty().unbind();
        stage.setTitle(messages.get("app.title"));
        stage.getScene().setRoot(waiting(messages.get("window.loggedOut", leaving.name())));
        logIn(now, null);
    }

    /** The main window is usable: the first screen is up and the database answered. */
    private void ready() {
        StartupProbe.windowReady();
        if (StartupProbe.enabled()) {
            mainViewModel.select(1);
        }
    }

    /**
     * Closing: the window goes at once and the exit backup is written afterwards on a thread of its own, which keeps
     * the program running until the copy is verified and then closes the database and releases its lock (a copy of
     * a 165 MB database took over 8 s, all of it with the window still on screen). Starting the program again
     * meanwhile finds the lock and says another instance is running; a failed backup is noted for support.
     */
    private void backUpAndClose() {
        String actor = mainViewModel.user().name();
        boolean skip = mainViewModel.readOnly();
        mainViewModel = null;
        if (!skip && app != null) {
            AppContext store = app;
            exitBackup = new Thread(() -> {
                try {
                    store.backups().atExit(actor);
                } catch (RuntimeException e) {
                    backupFailed(e);
                } finally {
                    releaseStore();
                }
            }, "liaison-desk-exit-backup");
            exitBackup.setDaemon(false);
        }
        closeNow();
    }

    private void closeNow() {
        exitBackupDone = true;
        stage.close();
    }

    /** A failed exit backup must not keep the window open: it is noted for support. */
    private void backupFailed(Throwable error) {
        AppLog.warn(messages.get("window.backupFailed", Dialogs.describe(error, messages)), error);
    }

    private void report(Throwable error) {
        Dialogs.error(stage, messages, error, () -> { });
    }

    /** Stops the background work (letting a due draft save finish), closes the database, releases the lock. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (background != null) {
            background.close();
        }
        if (exitBackup != null) {
            exitBackup.start();
            return;
        }
        releaseStore();
    }

    /** Waits until the exit backup (if one was started) is written and the database closed. */
    public void awaitExitBackup() throws InterruptedException {
        Thread t = exitBackup;
        if (t != null) {
            t.join();
        }
    }

    private synchronized void releaseStore() {
        if (app != null) {
            app.close();
            app = null;
            services = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
