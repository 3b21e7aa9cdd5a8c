package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.Worker;
import org.liaisondesk.service.DeskSettings;

/** The main window's state: which screen is shown, who is working, and what the status bar says. */
public final class MainViewModel {

    private final List<NavItem> items;
    private final Station station;
    private final Path database;
    private final Messages messages;
    private final AppContext app;
    private final DeskSettings desk;
    private final Background background;
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Worker> worker;
    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper();
    /** -1 until the first count arrives. */
    private final ReadOnlyLongWrapper opinionCount = new ReadOnlyLongWrapper(-1);
    private Runnable onFirstCount = () -> { };

    public MainViewModel(List<NavItem> items, AppContext app, DeskSettings desk, Station station, Worker worker,
                         Messages messages, Background background) {
        this.items = List.copyOf(items);
        this.app = app;
        this.desk = desk;
        this.station = station;
        this.database = app.database().file();
        this.messages = messages;
        this.background = background;
        this.worker = new ReadOnlyObjectWrapper<>(worker);
        userName.bind(Bindings.createStringBinding(() -> this.worker.get().name(), this.worker));
    }

    public List<NavItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Shows navigation item {@code index} (0-based); out-of-range indexes are ignored. */
    public void select(int index) {
        if (index >= 0 && index < items.size()) {
            selected.set(index);
        }
    }

    public ReadOnlyObjectProperty<Worker> workerProperty() {
        return worker.getReadOnlyProperty();
    }

    /** The current user's name: the actor of every change made at the window. */
    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    /** The people who worked here before, for the change-user dialog; {@code then} runs on the FX thread. */
    public void loadKnownWorkers(Consumer<List<Worker>> then) {
        background.run(desk::knownWorkers, then);
    }

    public void changeWorker(Worker next) {
        background.run(() -> {
            desk.chooseWorker(next);
            return next;
        }, worker::set);
    }

    public String titleText() {
        return messages.get("app.titleWithStation", station.name());
    }

    public String stationText() {
        return messages.get("statusBar.station", station.name(), station.code(),
                messages.get("mode." + station.mode().code()));
    }

    public String databaseText() {
        return messages.get("statusBar.database", database);
    }

    public StringBinding userText() {
        return Bindings.createStringBinding(() -> messages.get("statusBar.user", worker.get().name(),
                messages.get("role." + worker.get().role().code())), worker);
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> opinionCount.get() < 0 ? messages.get("statusBar.counting")
                : messages.get("statusBar.count", opinionCount.get()), opinionCount);
    }

    /** Runs once, when the status bar first shows the count: the window is then usable. */
    public void setOnFirstCount(Runnable action) {
        this.onFirstCount = action;
    }

    public void refreshCount() {
        background.run(() -> app.opinions().count(OpinionFilter.ALL), n -> {
            boolean first = opinionCount.get() < 0;
            opinionCount.set(n);
            if (first) {
                onFirstCount.run();
            }
        });
    }
}
