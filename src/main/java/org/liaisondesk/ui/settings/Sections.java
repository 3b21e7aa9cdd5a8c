package org.liaisondesk.ui.settings;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.liaisondesk.ui.UiContext;

/** What the settings sections share: their layout, the line that says what an action did, text columns. */
final class Sections {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private Sections() {
    }

    /** The section's content, laid out for a settings tab (which carries its title). */
    static VBox section(String id, Node... content) {
        VBox box = new VBox(content);
        box.setId(id);
        box.getStyleClass().add("settings-section");
        return box;
    }

    /** The section's message line; a failure is styled as a problem, not as a success. */
    static Label note(String id, SectionMessage message) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add("saved-note");
        note.setWrapText(true);
        note.textProperty().bind(message.textProperty());
        message.problemProperty().addListener((o, was, is) -> note.pseudoClassStateChanged(PROBLEM, is));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** A read-only text column; the section's rows are already formatted for reading. */
    static <R> TableColumn<R, String> column(UiContext ui, String key, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(ui.text(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** A text column that opens {@code width} wide and never narrower than half of that. */
    static <R> TableColumn<R, String> column(UiContext ui, String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = column(ui, key, value);
        c.setPrefWidth(width);
        c.setMinWidth(width / 2);
        return c;
    }

    /** A table of formatted rows, its columns sharing the width. */
    @SafeVarargs
    static <R> TableView<R> table(String id, ObservableList<R> rows, TableColumn<R, String>... columns) {
        TableView<R> table = new TableView<>(rows);
        table.setId(id);
        table.getColumns().addAll(List.of(columns));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}
