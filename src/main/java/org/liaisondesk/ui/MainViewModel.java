package org.liaisondesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.Permissions;
import org.liaisondesk.service.Permissions.Action;
import org.liaisondesk.service.StationService;

/**
 * The main window's state: which screen is shown, who is logged in (and so which screens they may open), and what
 * the status bar says.
 */
public final class MainViewModel {

    /** What a screen is for; a screen not listed is open to everyone (settings shows each role its part). */
    private static final Map<String, Set<Action>> SCREEN_NEEDS = Map.of(
            "entry", Set.of(Action.RECORD),
            "list", Set.of(Action.VIEW_OPINIONS),
            "review", Set.of(Action.REVIEW),
            "stats", Set.of(Action.VIEW_OPINIONS),
            "exchange", Set.of(Action.EXPORT, Action.IMPORT),
            "handling", Set.of(Action.EDIT, Action.REVIEW));

    private final List<NavItem> items;
    /** This database's identity as last read: a restore (or migration) can change it while the window is open. */
    private final ReadOnlyObjectWrapper<Station> station = new ReadOnlyObjectWrapper<>();
    private final Path database;
    private final Messages messages;
    private final StationService stations;
    private final OpinionQueries opinions;
    private final Background background;
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final UserAccount user;
    private final boolean readOnly;
    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper();
    /** -1 until the first count arrives. */
    private final ReadOnlyLongWrapper opinionCount = new ReadOnlyLongWrapper(-1);
    private Runnable onFirstCount = () -> { };

    /** {@code readOnly}: the database failed its start-up check and the person chose to go on reading only. */
    public MainViewModel(List<NavItem> items, StationService stations, OpinionQueries opinions, Path database,
                         Station station, UserAccount user, boolean readOnly, Messages messages,
                         Background background) {
        this.items = List.copyOf(items);
        this.stations = stations;
        this.opinions = opinions;
        this.station.set(station);
        this.database = database;
        this.messages = messages;
        this.background = background;
        this.user = user;
        this.readOnly = readOnly;
        userName.set(user.name());
    }

    public List<NavItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Shows navigation item {@code index} (0-based); out-of-range indexes and screens not allowed are ignored. */
    public void select(int index) {
        if (index >= 0 && index < items.size() && allows(index)) {
            selected.set(index);
        }
    }

    /** Where each role's day starts: deputies review; everyone else starts at the first screen they may use. */
    private static final Map<Role, String> HOME = Map.of(Role.DEPUTY, "review");

    /** Shows the logged-in person's home screen. */
    public void selectFirst() {
        String home = HOME.get(user.role());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(home) && allows(i)) {
                select(i);
                return;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (allows(i)) {
                select(i);
                return;
            }
        }
    }

    /** The index of the screen {@code id}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** May the logged-in person open screen {@code index}? */
    public boolean allows(int index) {
        Set<Action> needs = SCREEN_NEEDS.get(items.get(index).id());
        return needs == null || needs.stream().anyMatch(a -> Permissions.allows(user.role(), a, readOnly));
    }

    /** The logged-in person's account: the actor of every change, and what they may see and do. */
    public UserAccount user() {
        return user;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The current user's name: the actor of every change made at the window. */
    public ReadOnlyStringProperty userNameProperty() {
        return userName.getReadOnlyProperty();
    }

    /** The identity as last read. */
    public Station station() {
        return station.get();
    }

    public String titleText() {
        return titleTextBinding().get();
    }

    /** The window's title, naming the station; follows a restore that changed the identity. */
    public StringBinding titleTextBinding() {
        return Bindings.createStringBinding(() -> messages.get("app.titleWithStation", station.get().name()),
                station);
    }

    public String stationText() {
        return stationTextBinding().get();
    }

    /** The status bar's station, code and mode; follows a restore that changed the identity. */
    public StringBinding stationTextBinding() {
        return Bindings.createStringBinding(() -> messages.get("statusBar.station", station.get().name(),
                station.get().code(), messages.get("mode." + station.get().mode().code())), station);
    }

    public String databaseText() {
        return messages.get("statusBar.database", database);
    }

    public String userText() {
        String text = messages.get("statusBar.user", user.name(), messages.get("role." + user.role().code()));
        return readOnly ? text + messages.get("statusBar.readOnly") : text;
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> opinionCount.get() < 0 ? messages.get("statusBar.counting")
                : messages.get("statusBar.count", opinionCount.get()), opinionCount);
    }

    /** Runs once, when the status bar first shows the count: the window is then usable. */
    public void setOnFirstCount(Runnable action) {
        this.onFirstCount = action;
    }

    /** Re-reads the opinion count, and the identity (a restore may have brought another one). */
    public void refreshCount() {
        background.run(() -> stations.current(), now -> now.ifPresent(station::set));
        background.run(() -> opinions.count(OpinionFilter.ALL), n -> {
            boolean first = opinionCount.get() < 0;
            opinionCount.set(n);
            if (first) {
                onFirstCount.run();
            }
        });
    }
}
