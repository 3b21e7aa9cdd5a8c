package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.liaisondesk.ui.Shown;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.UnitsSectionModel.UnitRow;

/**
 * 承办单位: the registry as a table; Enter on a row (or a double click) puts it into the form below; the form adds a
 * unit or changes the one with its code (Enter in any field saves).
 */
public final class UnitsSection {

    private final Parent root;

    public UnitsSection(UiContext ui) {
        UnitsSectionModel vm = ui.services().units(ui);
        TableView<UnitRow> table = Sections.table("units-table", vm.units(),
                Sections.column(ui, "settings.units.col.code", UnitRow::code, 90),
                Sections.column(ui, "settings.units.col.name", UnitRow::name, 200),
                Sections.column(ui, "settings.units.col.kind", UnitRow::kind, 110),
                Sections.column(ui, "settings.units.col.contact", UnitRow::contact, 180),
                Sections.column(ui, "settings.units.col.active", UnitRow::active, 70));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.edit(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.edit(table.getSelectionModel().getSelectedItem());
            }
        });
        TextField code = field("units-code", "settings.units.col.code", ui, 90);
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = field("units-name", "settings.units.col.name", ui, 200);
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<HandlingUnit.Kind> kind = new ComboBox<>();
        kind.setId("units-kind");
        kind.getItems().setAll(List.of(HandlingUnit.Kind.values()));
        kind.setConverter(Shown.as(vm::kindText));
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        TextField contact = field("units-contact", "settings.units.col.contact", ui, 180);
        contact.textProperty().bindBidirectional(vm.contactProperty());
        CheckBox active = new CheckBox(ui.text("settings.units.active.yes"));
        active.setId("units-active");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        Button save = new Button(ui.text("settings.units.save"));
        save.setId("units-save");
        save.setOnAction(e -> vm.save());
        for (TextField f : List.of(code, name, contact)) {
            f.setOnAction(e -> vm.save());
        }
        HBox form = new HBox(code, name, kind, contact, active, save);
        form.getStyleClass().add("inline-fields");
        Label note = new Label(ui.text("settings.units.note"));
        note.getStyleClass().add("form-note");
        note.setWrapText(true);
        root = Sections.section("settings-units", table, form, note, Sections.note("units-message", vm.message()));
        vm.load();
    }

    private static TextField field(String id, String prompt, UiContext ui, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(ui.text(prompt));
        f.setPrefWidth(width);
        return f;
    }

    public Parent root() {
        return root;
    }
}
