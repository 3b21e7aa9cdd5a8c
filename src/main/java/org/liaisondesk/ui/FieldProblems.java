package org.liaisondesk.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.service.Problem;

/**
 * A form's validation state for a view-model: the problems of the current input (from {@code InputRules}) and
 * which of them to show. A field's message shows once the field was edited ({@link #touch}) or a save was tried
 * ({@link #showAll}), so a fresh form is not covered in red.
 */
public final class FieldProblems {

    private final Messages messages;
    private final Set<Problem.Field> touched = EnumSet.noneOf(Problem.Field.class);
    private final ReadOnlyObjectWrapper<Map<Problem.Field, String>> shown = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private List<Problem> current = List.of();
    private boolean showAll;

    public FieldProblems(Messages messages) {
        this.messages = messages;
    }

    public void update(List<Problem> problems) {
        current = List.copyOf(problems);
        valid.set(current.isEmpty());
        publish();
    }

    public void touch(Problem.Field field) {
        if (touched.add(field)) {
            publish();
        }
    }

    public void showAll() {
        showAll = true;
        publish();
    }

    /** Back to a fresh form: nothing shown until edited or saved again. */
    public void reset() {
        showAll = false;
        touched.clear();
        publish();
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The messages to show, by field (the first problem of each field). */
    public ReadOnlyObjectProperty<Map<Problem.Field, String>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public String shown(Problem.Field field) {
        return shown.get().get(field);
    }

    private void publish() {
        Map<Problem.Field, String> out = new EnumMap<>(Problem.Field.class);
        for (Problem p : current) {
            if (showAll || touched.contains(p.field())) {
                out.putIfAbsent(p.field(), messages.get(p.messageKey(), p.args()));
            }
        }
        shown.set(Map.copyOf(out));
    }
}
