package org.liaisondesk.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** An item of a choice box: a value (null meaning "any") with the text shown for it. */
public record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** "any" first (when {@code anyLabel} is not null), then one choice per value. */
    public static <T> ObservableList<Choice<T>> of(String anyLabel, List<T> values, Function<T, String> label) {
        ObservableList<Choice<T>> out = FXCollections.observableArrayList();
        if (anyLabel != null) {
            out.add(new Choice<>(null, anyLabel));
        }
        values.forEach(v -> out.add(new Choice<>(v, label.apply(v))));
        return out;
    }

    /** A combo box over {@code choices} showing {@code selected}'s choice. */
    public static <T> ComboBox<Choice<T>> comboBox(ObservableList<Choice<T>> choices, T selected) {
        ComboBox<Choice<T>> box = new ComboBox<>(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice<T> c) {
                return c == null ? "" : c.label();
            }

            @Override
            public Choice<T> fromString(String s) {
                return choices.stream().filter(c -> c.label().equals(s)).findFirst().orElse(null);
            }
        });
        select(box, selected);
        return box;
    }

    public static <T> void select(ComboBox<Choice<T>> box, T value) {
        box.getItems().stream().filter(c -> Objects.equals(c.value(), value)).findFirst()
                .ifPresent(box::setValue);
    }

    public static <T> T valueOf(ComboBox<Choice<T>> box) {
        return box.getValue() == null ? null : box.getValue().value();
    }
}
