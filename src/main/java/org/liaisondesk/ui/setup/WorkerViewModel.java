package org.liaisondesk.ui.setup;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Worker;
import org.liaisondesk.model.WorkerRole;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.FieldProblems;

/** Who is working: a name (one of those who worked here before, or a new one) and clerk or deputy. */
public final class WorkerViewModel {

    private final InputRules rules;
    private final List<Worker> known;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<WorkerRole> role = new SimpleObjectProperty<>(WorkerRole.CLERK);
    private final FieldProblems problems;

    public WorkerViewModel(InputRules rules, Messages messages, List<Worker> known, Worker initial) {
        this.rules = rules;
        this.known = List.copyOf(known);
        this.problems = new FieldProblems(messages);
        if (initial != null) {
            name.set(initial.name());
            role.set(initial.role());
        }
        name.addListener((obs, old, now) -> {
            problems.touch(Problem.Field.WORKER_NAME);
            known.stream().filter(w -> w.name().equals(now == null ? "" : now.strip())).findFirst()
                    .ifPresent(w -> role.set(w.role()));
            check();
        });
        check();
    }

    private void check() {
        problems.update(rules.checkWorker(name.get()));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<WorkerRole> roleProperty() {
        return role;
    }

    public List<String> knownNames() {
        return known.stream().map(Worker::name).toList();
    }

    public FieldProblems problems() {
        return problems;
    }

    /** The chosen worker; only when {@link FieldProblems#isValid()}. */
    public Worker worker() {
        return new Worker(name.get(), role.get());
    }
}
