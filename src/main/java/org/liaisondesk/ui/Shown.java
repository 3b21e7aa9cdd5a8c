package org.liaisondesk.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box shows its items: the text for each (empty for none); the box never parses text back. */
public final class Shown {

    private Shown() {
    }

    public static <T> StringConverter<T> as(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
