package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.List;
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
import org.liaisondesk.app.InstanceLock;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.Worker;
import org.liaisondesk.model.WorkerRole;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.ui.setup.SetupDialog;
import org.liaisondesk.ui.setup.SetupViewModel;
import org.liaisondesk.ui.setup.WorkerDialog;

/**
 * One open window on one database: shows the stage at once, opens the database in the background (refusing a
 * second window on the same file), runs the first-run dialog when the station is not set up, asks who is working
 * when nobody is remembered, then shows the main window. Closing the stage releases everything.
 */
public final class AppWindow {

    /** What the command line asked for: the database, the language (null: the stored setting) and the user. */
    public record Options(Path database, String language, String user) {
    }

    /** What the background start-up read. */
    private record Boot(InstanceLock lock, AppContext app, DeskSettings desk, Optional<Station> station,
                        Optional<Worker> worker, List<Worker> known, String language) {
    }

    private final Options options;
    /** Started by the constructor, so the database opens while JavaFX is still starting. */
    private final CompletableFuture<Boot> booting;
    private Stage stage;
    private Messages messages;
    private Background background;
    private InstanceLock lock;
    private AppContext app;
    private DeskSettings desk;
    private MainViewModel mainViewModel;
    private boolean closed;

    /** Starts opening the database at once, on a thread of its own; {@link #show} then only waits for it. */
    public AppWindow(Options options) {
        this.options = options;
        this.messages = Messages.forLanguage(options.language());
        this.booting = CompletableFuture.supplyAsync(this::boot, r -> {
            Thread t = new Thread(r, "liaison-desk-open");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Shows the window on {@code stage}; returns at once, the rest happens as the database answers. */
    public void show(Stage stage) {
        this.stage = stage;
        background = new Background(this::report);
        stage.setTitle(messages.get("app.title"));
        Scene scene = new Scene(loading(), 1180, 760);
        scene.getStylesheets().add(Dialogs.STYLESHEET);
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        stage.show();
        StartupProbe.stageShown();
        background.run(this::awaitBoot, this::booted, this::bootFailed);
    }

    private VBox loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label text = new Label(messages.get("window.opening", options.database().toAbsolutePath()));
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
            DeskSettings settings = new DeskSettings(ctx.settings(), ctx.json());
            Optional<Worker> worker = settings.currentWorker();
            List<Worker> known = settings.knownWorkers();
            if (options.user() != null && !options.user().isBlank()) {
                Worker asked = known.stream().filter(w -> w.name().equals(options.user().strip())).findFirst()
                        .orElse(new Worker(options.user(), WorkerRole.CLERK));
                settings.chooseWorker(asked);
                worker = Optional.of(asked);
            }
            String language = options.language() != null ? options.language()
                    : settings.language().orElse("zh");
            return new Boot(l, ctx, settings, ctx.stations().current(), worker, known, language);
        } catch (RuntimeException e) {
            if (ctx != null) {
                ctx.close();
            }
            l.close();
            throw e;
        }
    }

    private void booted(Boot boot) {
        lock = boot.lock();
        app = boot.app();
        desk = boot.desk();
        if (closed) {
            releaseStore();
            return;
        }
        messages = Messages.forLanguage(boot.language());
        stage.setTitle(messages.get("app.title"));
        if (boot.station().isEmpty()) {
            SetupDialog.show(stage, messages, new SetupViewModel(app, desk, messages, boot.known()), background,
                    done -> openMain(done.station(), done.worker()), stage::close);
        } else if (boot.worker().isEmpty()) {
            Station station = boot.station().get();
            WorkerDialog.show(stage, messages, new InputRules(app.clock()), boot.known(), null,
                    w -> background.run(() -> {
                        desk.chooseWorker(w);
                        return w;
                    }, chosen -> openMain(station, chosen)), stage::close);
        } else {
            openMain(boot.station().get(), boot.worker().get());
        }
    }

    private void bootFailed(Throwable error) {
        Dialogs.error(stage, messages, error, stage::close);
    }

    private void openMain(Station station, Worker worker) {
        mainViewModel = new MainViewModel(Screens.standard(), app, desk, station, worker, messages, background);
        UiContext ui = new UiContext(app, messages, background, mainViewModel.userNameProperty(), this::report,
                new DataChanges());
        MainView main = new MainView(mainViewModel, ui);
        stage.setTitle(mainViewModel.titleText());
        stage.getScene().setRoot(main.root());
        mainViewModel.setOnFirstCount(this::ready);
        mainViewModel.select(0);
    }

    /** The main window is usable: the entry form is up and the database answered. */
    private void ready() {
        StartupProbe.windowReady();
        if (StartupProbe.enabled()) {
            mainViewModel.select(1);
        }
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
        releaseStore();
    }

    private void releaseStore() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
