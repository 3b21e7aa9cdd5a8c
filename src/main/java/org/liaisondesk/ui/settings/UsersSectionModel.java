package org.liaisondesk.ui.settings;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.model.Role;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.UserService;
import org.liaisondesk.ui.UiContext;

/** User management for administrators: the accounts with role and lock state; add, reset password, unlock. */
public final class UsersSectionModel {

    /** One line of the account list, formatted for reading. */
    public record UserRow(String name, String role, String state, boolean disabled) {
    }

    private final UiContext ui;
    private final UserService userService;
    private final Clock clock;
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.CLERK);
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();
    private final SectionMessage message = new SectionMessage();

    public UsersSectionModel(UiContext ui, UserService userService, Clock clock) {
        this.ui = ui;
        this.userService = userService;
        this.clock = clock;
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    SectionMessage message() {
        return message;
    }

    public void load() {
        ui.background().run(() -> userService.list(), this::show);
    }

    private void show(List<UserAccount> accounts) {
        users.setAll(accounts.stream().map(a -> new UserRow(a.name(), ui.text("role." + a.role().code()),
                state(a), a.disabled())).toList());
    }

    private String state(UserAccount a) {
        if (a.disabled()) {
            return ui.text("settings.users.disabled");
        }
        return a.lockedAt(clock.instant())
                ? ui.text("settings.users.locked", a.lockedUntil().atZone(clock.getZone())
                .toLocalTime().withNano(0).toString())
                : ui.text("settings.users.active");
    }

    /** Adds the account typed in (the service checks name and password); the form is cleared when it worked. */
    public void add() {
        String n = name.get().strip();
        Role r = role.get();
        char[] secret = password.get().toCharArray();
        act(() -> userService.add(n, r, secret, ui.actor()), "settings.users.added", n);
    }

    /** Sets the typed password as the selected account's new one. */
    public void resetPassword() {
        UserRow row = selected.get();
        if (row != null) {
            char[] secret = password.get().toCharArray();
            act(() -> userService.changePassword(row.name(), secret, ui.actor()), "settings.users.reset",
                    row.name());
        }
    }

    /** Gives the selected account the role chosen in the form. */
    public void changeRole() {
        UserRow row = selected.get();
        Role r = role.get();
        if (row != null && r != null) {
            act(() -> userService.changeRole(row.name(), r, ui.actor()), "settings.users.roleChanged",
                    row.name());
        }
    }

    /** Disables the selected account, or enables it again when it is disabled. */
    public void toggleDisabled() {
        UserRow row = selected.get();
        if (row == null) {
            return;
        }
        if (row.disabled()) {
            act(() -> userService.enable(row.name(), ui.actor()), "settings.users.enabled", row.name());
        } else {
            act(() -> userService.disable(row.name(), ui.actor()), "settings.users.disabledDone", row.name());
        }
    }

    public void unlock() {
        UserRow row = selected.get();
        if (row != null) {
            act(() -> userService.unlock(row.name(), ui.actor()), "settings.users.unlocked", row.name());
        }
    }

    private void act(Runnable change, String doneKey, String who) {
        ui.background().run(() -> {
            change.run();
            return userService.list();
        }, accounts -> {
            show(accounts);
            name.set("");
            password.set("");
            message.done(ui.text(doneKey, who));
        }, error -> message.failed(error, ui.messages()));
    }
}
