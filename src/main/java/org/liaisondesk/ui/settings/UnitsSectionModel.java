package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.ui.UiContext;

/**
 * 承办单位 for administrators: the registry the handling screen assigns to (community committees, street offices,
 * district and city departments), kept at the general station and sent down with the return batches. A unit is
 * added or changed by its code; one no longer used is set inactive, never deleted (old cases still name it).
 */
public final class UnitsSectionModel {

    /** A unit as the table lists it. */
    public record UnitRow(String code, String name, String kind, String contact, String active, HandlingUnit unit) {
    }

    private final UiContext ui;
    private final HandlingService handling;
    private final ObservableList<UnitRow> units = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<HandlingUnit.Kind> kind = new SimpleObjectProperty<>(HandlingUnit.Kind.STREET);
    private final StringProperty contact = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final SectionMessage message = new SectionMessage();

    public UnitsSectionModel(UiContext ui, HandlingService handling) {
        this.ui = ui;
        this.handling = handling;
    }

    public ObservableList<UnitRow> units() {
        return units;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<HandlingUnit.Kind> kindProperty() {
        return kind;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    SectionMessage message() {
        return message;
    }

    public String kindText(HandlingUnit.Kind k) {
        return k == null ? "" : ui.text("settings.units.kind." + k.code());
    }

    public void load() {
        ui.background().run(this::rows, units::setAll, error -> message.failed(error, ui.messages()));
    }

    /** Puts a listed unit into the form, to change it. */
    public void edit(UnitRow row) {
        if (row == null) {
            return;
        }
        HandlingUnit u = row.unit();
        code.set(u.code());
        name.set(u.name());
        kind.set(u.kind());
        contact.set(u.contact() == null ? "" : u.contact());
        active.set(u.active());
    }

    /** Adds the unit in the form, or changes the one with its code; a bad code or a missing name is said in red. */
    public void save() {
        String c = code.get();
        String n = name.get();
        HandlingUnit.Kind k = kind.get();
        String who = contact.get();
        boolean on = active.get();
        ui.background().run(() -> {
            HandlingUnit saved = handling.saveUnit(c, n, k == null ? null : k.code(), who == null ? "" : who, on,
                    ui.actor());
            return new Saved(saved, rows());
        }, s -> {
            units.setAll(s.rows());
            message.done(ui.text("settings.units.saved", s.unit().name(), s.unit().code()));
            code.set("");
            name.set("");
            contact.set("");
            active.set(true);
        }, error -> message.failed(error, ui.messages()));
    }

    private record Saved(HandlingUnit unit, List<UnitRow> rows) {
    }

    private List<UnitRow> rows() {
        return handling.units().stream().map(u -> new UnitRow(u.code(), u.name(), kindText(u.kind()),
                u.contact() == null ? "" : u.contact(), ui.text(u.active() ? "settings.units.active.yes"
                        : "settings.units.active.no"), u)).toList();
    }
}
