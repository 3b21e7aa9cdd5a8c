package org.liaisondesk.ui.settings;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.TemplatesSectionModel.TemplateRow;

/** 答复模板: the templates as a table; the chosen one's text below, to edit, save (Ctrl+Enter) or reset. */
public final class TemplatesSection {

    private final Parent root;

    public TemplatesSection(UiContext ui) {
        TemplatesSectionModel vm = ui.services().templates(ui);
        TableView<TemplateRow> table = Sections.table("templates-table", vm.rows(),
                Sections.column(ui, "settings.templates.col.purpose", TemplateRow::purpose, 150),
                Sections.column(ui, "settings.templates.col.text", TemplateRow::text, 520),
                Sections.column(ui, "settings.templates.col.edited", TemplateRow::edited, 70));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.selectedProperty().set(is);
            }
        });
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        TextArea text = new TextArea();
        text.setId("templates-text");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isControlDown()) {
                vm.save();
                e.consume();
            }
        });
        Button save = new Button(ui.text("settings.templates.save"));
        save.setId("templates-save");
        save.setOnAction(e -> vm.save());
        Button reset = new Button(ui.text("settings.templates.resetButton"));
        reset.setId("templates-reset");
        reset.setOnAction(e -> vm.reset());
        HBox buttons = new HBox(save, reset);
        buttons.getStyleClass().add("inline-fields");
        root = Sections.section("settings-templates", table, text, buttons,
                Sections.note("templates-message", vm.message()));
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
