package org.liaisondesk.ui.settings;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.liaisondesk.ui.Shown;
import org.liaisondesk.exchange.PlainBatches;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.KeysSectionModel.KeyRow;

/** 密钥: the keys with their fingerprints; generate (general station), export the public key, import a key file. */
public final class KeysSection {

    private final Parent root;

    public KeysSection(UiContext ui) {
        KeysSectionModel vm = ui.services().keys(ui);
        TableView<KeyRow> table = Sections.table("keys-table", vm.keys(),
                Sections.column(ui, "settings.keys.col.role", KeyRow::role),
                Sections.column(ui, "settings.keys.col.owner", KeyRow::owner),
                Sections.column(ui, "settings.keys.col.algorithm", KeyRow::algorithm),
                Sections.column(ui, "settings.keys.col.fingerprint", KeyRow::fingerprint));
        table.setPlaceholder(new Label(ui.text("settings.keys.empty")));
        table.getStyleClass().add("short-table");
        HBox actions = new HBox();
        actions.getStyleClass().add("inline-fields");
        Button generate = new Button(ui.text("settings.keys.generate"));
        generate.setId("keys-generate");
        generate.setOnAction(e -> vm.generate());
        generate.visibleProperty().bind(vm.generalProperty());
        generate.managedProperty().bind(vm.generalProperty());
        Button export = new Button(ui.text("settings.keys.export"));
        export.setId("keys-export");
        export.setOnAction(e -> {
            File file = chooser(ui, "settings.keys.export").showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                vm.exportPublic(file.toPath());
            }
        });
        Button load = new Button();
        load.textProperty().bind(Bindings.when(vm.generalProperty()).then(ui.text("settings.keys.importStation"))
                .otherwise(ui.text("settings.keys.importGeneral")));
        load.setId("keys-import");
        load.setOnAction(e -> {
            FileChooser chooser = chooser(ui, "settings.keys.import");
            File file = chooser.showOpenDialog(load.getScene().getWindow());
            if (file != null) {
                vm.importKey(file.toPath());
            }
        });
        actions.getChildren().addAll(generate, export, load);
        root = Sections.section("settings-keys", table, actions, plainBatches(ui, vm),
                Sections.note("keys-message", vm.message()));
        vm.load();
    }

    /** At the general station: the policy for unsigned batches from stations without a registered key. */
    private static HBox plainBatches(UiContext ui, KeysSectionModel vm) {
        ComboBox<PlainBatches> choice = new ComboBox<>(FXCollections.observableArrayList(PlainBatches.values()));
        choice.setId("keys-plain-batches");
        choice.setConverter(Shown.as(p -> ui.text("keys.plainBatches." + p.code())));
        choice.setValue(vm.plainBatchesProperty().get());
        vm.plainBatchesProperty().addListener((o, was, now) -> choice.setValue(now));
        choice.valueProperty().addListener((o, was, now) -> vm.setPlainBatches(now));
        Label label = new Label(ui.text("settings.keys.plainBatches"));
        label.setLabelFor(choice);
        HBox row = new HBox(label, choice);
        row.getStyleClass().add("inline-fields");
        row.visibleProperty().bind(vm.generalProperty());
        row.managedProperty().bind(vm.generalProperty());
        return row;
    }

    private static FileChooser chooser(UiContext ui, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.text(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.text("settings.keys.fileType"),
                "*.json", "*.key", "*.*"));
        return chooser;
    }

    public Parent root() {
        return root;
    }
}
