package org.liaisondesk.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.liaisondesk.service.Problem;

/**
 * Shows a view-model's {@link FieldProblems} on the form: a ControlsFX error decoration on the field and the
 * message in a label next to it. The view-model decides; this only displays.
 */
public final class InlineValidation {

    private final ValidationSupport support = new ValidationSupport();
    private final FieldProblems problems;

    public InlineValidation(FieldProblems problems) {
        this.problems = problems;
        problems.shownProperty().addListener((obs, old, now) -> support.revalidate());
    }

    /** Decorates {@code control} for {@code field}; returns the label that shows the field's message. */
    public Label attach(Control control, Problem.Field field) {
        support.registerValidator(control, false, (c, value) -> {
            String message = problems.shown(field);
            return ValidationResult.fromErrorIf(c, message, message != null);
        });
        Label label = new Label();
        label.setId(control.getId() + "-problem");
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        // a wrapped label in a grid keeps only one line unless it may be as tall as its text: no "…"
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> problems.shown(field) == null ? "" : problems.shown(field), problems.shownProperty()));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
