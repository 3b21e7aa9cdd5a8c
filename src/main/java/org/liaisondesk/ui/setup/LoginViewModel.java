package org.liaisondesk.ui.setup;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.service.UserService;
import org.liaisondesk.ui.Background;
import org.liaisondesk.ui.Dialogs;

/**
 * The login: a name and a password, checked by {@code UserService} in the background (it counts wrong passwords
 * and locks the account); a refusal becomes the message under the fields and the password is cleared.
 */
public final class LoginViewModel {

    private final UserService users;
    private final Clock clock;
    private final DeskSettings desk;
    private final Messages messages;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public LoginViewModel(UserService users, Clock clock, DeskSettings desk, Messages messages, String initialName) {
        this.users = users;
        this.clock = clock;
        this.desk = desk;
        this.messages = messages;
        name.set(initialName == null ? "" : initialName.strip());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canLogInProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !name.get().isBlank() && !password.get().isEmpty(),
                busy, name, password);
    }

    /** Checks the password in the background; {@code onLoggedIn} gets the account, a refusal sets the message. */
    public void logIn(Background background, Consumer<UserAccount> onLoggedIn) {
        String who = name.get().strip();
        char[] secret = password.get().toCharArray();
        busy.set(true);
        message.set(messages.get("login.checking"));
        background.run(() -> {
            UserAccount account = users.authenticate(who, secret);
            desk.rememberUser(account.name());
            return account;
        }, account -> {
            busy.set(false);
            message.set("");
            onLoggedIn.accept(account);
        }, error -> background.run(() -> refusal(who, error), text -> {
            busy.set(false);
            password.set("");
            message.set(text);
        }));
    }

    /** A locked account is told how many minutes remain; everything else as the service says. */
    private String refusal(String who, Throwable error) {
        if (error instanceof UserFacingException u && u.messageKey().equals("user.error.locked")) {
            return users.list().stream().filter(a -> a.name().equals(who) && a.lockedUntil() != null)
                    .findFirst()
                    .map(a -> messages.get("login.locked", minutesLeft(a)))
                    .orElse(u.localized(messages));
        }
        return Dialogs.describe(error, messages);
    }

    private long minutesLeft(UserAccount account) {
        Duration left = Duration.between(clock.instant(), account.lockedUntil());
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }
}
