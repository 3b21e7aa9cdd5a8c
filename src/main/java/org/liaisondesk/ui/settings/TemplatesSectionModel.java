package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.service.ReplyTemplates;
import org.liaisondesk.ui.UiContext;

/**
 * 答复模板 for administrators: the explanation a reply of each outcome class (A–D) gives the resident and the note a
 * feedback records, which the handling screen starts from. Edited texts are kept and travel down in return batches;
 * 恢复默认 brings back the built-in one.
 */
public final class TemplatesSectionModel {

    /** A template as listed: what it is for, its text, whether it was edited here. */
    public record TemplateRow(String key, String purpose, String text, String edited) {
    }

    private final UiContext ui;
    private final ReplyTemplates templates;
    private final ObservableList<TemplateRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TemplateRow> selected = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final SectionMessage message = new SectionMessage();

    public TemplatesSectionModel(UiContext ui, ReplyTemplates templates) {
        this.ui = ui;
        this.templates = templates;
        selected.addListener((o, was, is) -> text.set(is == null ? "" : is.text()));
    }

    public ObservableList<TemplateRow> rows() {
        return rows;
    }

    /** The template being edited; its text goes into {@link #textProperty()}. */
    public ObjectProperty<TemplateRow> selectedProperty() {
        return selected;
    }

    public StringProperty textProperty() {
        return text;
    }

    SectionMessage message() {
        return message;
    }

    public void load() {
        ui.background().run(this::read, this::show, error -> message.failed(error, ui.messages()));
    }

    /** Saves the edited text of the selected template. */
    public void save() {
        TemplateRow row = selected.get();
        if (row == null) {
            return;
        }
        String edited = text.get();
        ui.background().run(() -> {
            templates.set(row.key(), edited, ui.actor());
            return read();
        }, r -> {
            show(r);
            message.done(ui.text("settings.templates.saved", row.purpose()));
        }, error -> message.failed(error, ui.messages()));
    }

    /** The selected template back to the built-in text. */
    public void reset() {
        TemplateRow row = selected.get();
        if (row == null) {
            return;
        }
        ui.background().run(() -> {
            templates.reset(row.key(), ui.actor());
            return read();
        }, r -> {
            show(r);
            message.done(ui.text("settings.templates.reset", row.purpose()));
        }, error -> message.failed(error, ui.messages()));
    }

    private List<TemplateRow> read() {
        return templates.list().stream().map(t -> new TemplateRow(t.key(), ui.text("settings.templates.key."
                + t.key()), t.text(), t.edited() ? ui.text("settings.templates.edited") : "")).toList();
    }

    private void show(List<TemplateRow> read) {
        String key = selected.get() == null ? null : selected.get().key();
        rows.setAll(read);
        selected.set(read.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElse(read.isEmpty() ? null : read.get(0)));
    }
}
