package org.liaisondesk.ui;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.liaisondesk.model.DateText;

/**
 * Every date field of the window: shows dates as 2025-10-01, takes them typed the usual ways ({@link DateText}),
 * applies a date as soon as it is complete, and marks text that is no date instead of silently dropping it.
 */
public final class DateFields {

    /** Set while the typed text names no date; styled by the stylesheet. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private DateFields() {
    }

    /** A date picker bound both ways to {@code value}, with {@code promptKey}'s text as its prompt. */
    public static DatePicker picker(UiContext ui, String id, String promptKey, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        if (promptKey != null) {
            picker.setPromptText(ui.text(promptKey));
        }
        picker.setConverter(converter(picker));
        if (value != null) {
            picker.valueProperty().bindBidirectional(value);
        }
        Tooltip problem = new Tooltip();
        picker.getEditor().textProperty().addListener((obs, old, text) -> {
            boolean blank = text == null || text.isBlank();
            Optional<LocalDate> typed = DateText.parse(text);
            boolean invalid = !blank && typed.isEmpty();
            picker.pseudoClassStateChanged(INVALID, invalid);
            problem.setText(invalid ? ui.text("ui.date.invalid", text.strip()) : null);
            picker.setTooltip(invalid ? problem : null);
            if (typed.isPresent() && !typed.get().equals(picker.getValue())) {
                picker.setValue(typed.get());
            } else if (blank && picker.getValue() != null && picker.getEditor().isFocused()) {
                picker.setValue(null);
            }
        });
        // Enter on text that is no date would make the picker commit (on the key's release) and rewrite the text:
        // keep the text and its mark instead.
        picker.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() == KeyCode.ENTER && picker.getPseudoClassStates().contains(INVALID)) {
                e.consume();
            }
        });
        return picker;
    }

    /** Text that names no date keeps the value the picker had, so Enter never blanks a filter by surprise. */
    private static StringConverter<LocalDate> converter(DatePicker picker) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return DateText.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                return DateText.parse(text).orElse(picker.getValue());
            }
        };
    }
}
