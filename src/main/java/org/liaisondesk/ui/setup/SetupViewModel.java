package org.liaisondesk.ui.setup;

import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.Problem;
import org.liaisondesk.service.StationService;
import org.liaisondesk.service.UserService;
import org.liaisondesk.ui.Background;
import org.liaisondesk.ui.FieldProblems;

/**
 * The first-run dialog: this installation's station identity (when not set yet) and the first administrator's
 * account (when none exists yet: a database set up on the command line may already have either).
 */
public final class SetupViewModel {

    /** What the first run set: the station and the administrator, who is then logged in (null: log in next). */
    public record Result(Station station, UserAccount administrator) {
    }

    private final UserService users;
    private final StationService stations;
    private final DeskSettings desk;
    private final Messages messages;
    private final InputRules rules;
    private final Station existing;
    private final boolean needsAdmin;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<StationMode> mode = new SimpleObjectProperty<>(StationMode.STATION);
    private final StringProperty adminName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final FieldProblems problems;

    /**
     * {@code existing}: the station already set (only the administrator is asked for), or null; {@code needsAdmin}
     * false when accounts exist already (made on the command line): only the station is asked for.
     */
    public SetupViewModel(UserService users, StationService stations, Clock clock, DeskSettings desk,
                          Messages messages, Station existing, boolean needsAdmin) {
        this.users = users;
        this.stations = stations;
        this.desk = desk;
        this.messages = messages;
        this.existing = existing;
        this.needsAdmin = needsAdmin;
        this.rules = new InputRules(clock);
        this.problems = new FieldProblems(messages);
        code.addListener((obs, old, now) -> changed(Problem.Field.STATION_CODE));
        name.addListener((obs, old, now) -> changed(Problem.Field.STATION_NAME));
        check();
    }

    private void changed(Problem.Field field) {
        problems.touch(field);
        check();
    }

    private void check() {
        if (needsStation()) {
            problems.update(rules.checkStation(code.get().strip(), name.get()));
        }
    }

    public boolean needsStation() {
        return existing == null;
    }

    public boolean needsAdmin() {
        return needsAdmin;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<StationMode> modeProperty() {
        return mode;
    }

    public StringProperty adminNameProperty() {
        return adminName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public FieldProblems problems() {
        return problems;
    }

    /** How strong the password looks, or why it cannot be used yet (too short, the two differ). */
    public StringBinding passwordHint() {
        return Bindings.createStringBinding(() -> hint(password.get(), repeat.get()), password, repeat);
    }

    private String hint(String typed, String again) {
        if (typed.isEmpty()) {
            return messages.get("setup.password.rule", UserService.MIN_PASSWORD);
        }
        if (typed.codePointCount(0, typed.length()) < UserService.MIN_PASSWORD) {
            return messages.get("setup.password.short", UserService.MIN_PASSWORD);
        }
        if (!again.isEmpty() && !again.equals(typed)) {
            return messages.get("setup.password.mismatch");
        }
        return messages.get("setup.password.strength", messages.get("setup.password.strength." + strength(typed)));
    }

    /** weak, medium or strong: by length and how many kinds of characters are mixed. */
    static String strength(String password) {
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> Character.isLetter(c) && !Character.isLowerCase(c)
                && !Character.isUpperCase(c)) ? 1 : 0;
        int length = password.codePointCount(0, password.length());
        if (length >= 12 && kinds >= 3) {
            return "strong";
        }
        return length >= 10 && kinds >= 2 ? "medium" : "weak";
    }

    public BooleanBinding validProperty() {
        BooleanBinding account = Bindings.createBooleanBinding(() -> !needsAdmin || !adminName.get().isBlank()
                && password.get().codePointCount(0, password.get().length()) >= UserService.MIN_PASSWORD
                && password.get().equals(repeat.get()), adminName, password, repeat);
        return Bindings.and(problems.validProperty(), account);
    }

    /** Creates the administrator (the service checks the name and password), then the station, in the background. */
    public void save(Background background, Consumer<Result> onSaved, Consumer<Throwable> onFailed) {
        String c = code.get().strip();
        String n = name.get();
        StationMode m = mode.get();
        String admin = adminName.get().strip();
        char[] secret = password.get().toCharArray();
        if (needsStation() && !rules.checkStation(c, n).isEmpty()) {
            problems.showAll();
            return;
        }
        background.run(() -> {
            UserAccount account = needsAdmin ? users.createFirstAdministrator(admin, secret) : null;
            String actor = account != null ? account.name() : System.getProperty("user.name");
            Station s = needsStation() ? stations.initialize(c, n, m, actor) : existing;
            if (account != null) {
                desk.rememberUser(account.name());
            }
            return new Result(s, account);
        }, onSaved, onFailed);
    }
}
