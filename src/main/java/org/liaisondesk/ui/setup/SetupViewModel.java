package org.liaisondesk.ui.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Worker;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.Background;
import org.liaisondesk.ui.FieldProblems;

/** The first-run dialog: this installation's station identity and the person setting it up. */
public final class SetupViewModel {

    /** What the first run set. */
    public record Result(Station station, Worker worker) {
    }

    private final AppContext app;
    private final DeskSettings desk;
    private final InputRules rules;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<StationMode> mode = new SimpleObjectProperty<>(StationMode.STATION);
    private final FieldProblems problems;
    private final WorkerViewModel worker;

    public SetupViewModel(AppContext app, DeskSettings desk, Messages messages, List<Worker> known) {
        this.app = app;
        this.desk = desk;
        this.rules = new InputRules(app.clock());
        this.problems = new FieldProblems(messages);
        this.worker = new WorkerViewModel(rules, messages, known, known.isEmpty() ? null : known.get(0));
        code.addListener((obs, old, now) -> changed(Problem.Field.STATION_CODE));
        name.addListener((obs, old, now) -> changed(Problem.Field.STATION_NAME));
        check();
    }

    private void changed(Problem.Field field) {
        problems.touch(field);
        check();
    }

    private void check() {
        problems.update(rules.checkStation(code.get().strip(), name.get()));
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

    public FieldProblems problems() {
        return problems;
    }

    public WorkerViewModel worker() {
        return worker;
    }

    public BooleanBinding validProperty() {
        return Bindings.and(problems.validProperty(), worker.problems().validProperty());
    }

    /** Stores the identity and the worker in the background. */
    public void save(Background background, Consumer<Result> onSaved, Consumer<Throwable> onFailed) {
        String c = code.get().strip();
        String n = name.get();
        StationMode m = mode.get();
        Worker w = worker.worker();
        List<Problem> all = new ArrayList<>(rules.checkStation(c, n));
        all.addAll(rules.checkWorker(w.name()));
        if (!all.isEmpty()) {
            problems.showAll();
            return;
        }
        background.run(() -> {
            Station s = app.stations().initialize(c, n, m, w.name());
            desk.chooseWorker(w);
            return new Result(s, w);
        }, onSaved, onFailed);
    }
}
