package org.liaisondesk.ui.settings;

import java.io.File;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.liaisondesk.tagging.Subtopic;
import org.liaisondesk.tagging.TaskArea;
import org.liaisondesk.tagging.Taxonomy;
import org.liaisondesk.ui.UiContext;

/**
 * 任务领域: the report's six areas and their sub-topics as a tree, loading a new report, the editable synonym list,
 * and re-tagging with a progress bar and Cancel. Changing anything is for administrators only.
 */
final class TaxonomyView {

    private final UiContext ui;
    private final TaxonomyViewModel vm;
    private final TreeView<String> tree = new TreeView<>();
    private final Label heading = new Label();
    private final HBox root;

    TaxonomyView(UiContext ui) {
        this.ui = ui;
        this.vm = ui.services().taxonomy(ui);
        Label title = new Label(ui.text("settings.taxonomy.title"));
        title.getStyleClass().add("section-title");
        heading.setId("taxonomy-heading");
        heading.getStyleClass().add("taxonomy-heading");
        heading.setWrapText(true);
        tree.setId("taxonomy-tree");
        tree.setShowRoot(false);
        VBox.setVgrow(tree, Priority.ALWAYS);
        vm.taxonomyProperty().addListener((o, old, now) -> show(now));

        Button load = new Button(ui.text("settings.taxonomy.load"));
        load.setId("taxonomy-load");
        load.setOnAction(e -> chooseReport());
        Button retagOld = new Button(ui.text("settings.retag.old"));
        retagOld.setId("retag-old");
        retagOld.setOnAction(e -> vm.retag(false));
        Button retagAll = new Button(ui.text("settings.retag.all"));
        retagAll.setId("retag-all");
        retagAll.setOnAction(e -> vm.retag(true));
        ProgressBar progress = new ProgressBar();
        progress.setId("retag-progress");
        progress.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button(ui.text("ui.cancel"));
        cancel.setId("retag-cancel");
        cancel.setOnAction(e -> vm.cancelRetag());
        progress.visibleProperty().bind(vm.retaggingProperty());
        cancel.visibleProperty().bind(vm.retaggingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        for (Button b : new Button[] {load, retagOld, retagAll}) {
            b.disableProperty().bind(vm.mayManageProperty().not().or(vm.busyProperty()).or(vm.retaggingProperty()));
        }
        for (Button b : new Button[] {load, retagOld, retagAll, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(load, retagOld, retagAll);
        actions.getStyleClass().add("inline-fields");
        Label note = new Label();
        note.setId("taxonomy-note");
        note.getStyleClass().add("saved-note");
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        HBox status = new HBox(progress, cancel, note);
        status.getStyleClass().add("inline-fields");
        VBox left = new VBox(title, heading, tree, actions, status);
        left.getStyleClass().add("taxonomy-pane");
        HBox.setHgrow(left, Priority.ALWAYS);

        root = new HBox(left, synonyms());
        root.getStyleClass().add("taxonomy");
        VBox.setVgrow(root, Priority.ALWAYS);
        vm.load();
    }

    Node root() {
        return root;
    }

    private VBox synonyms() {
        Label title = new Label(ui.text("settings.synonyms.title"));
        title.getStyleClass().add("section-title");
        Label help = new Label(ui.text("settings.synonyms.help"));
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        TextArea text = new TextArea();
        text.setId("synonyms-text");
        text.textProperty().bindBidirectional(vm.synonymsProperty());
        text.editableProperty().bind(vm.mayManageProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Label warning = new Label();
        warning.setId("synonyms-warning");
        warning.getStyleClass().add("warning-note");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Button save = new Button(ui.text("settings.synonyms.save"));
        save.setId("synonyms-save");
        save.disableProperty().bind(vm.mayManageProperty().not().or(vm.busyProperty()));
        save.setOnAction(e -> vm.saveSynonyms());
        VBox box = new VBox(title, help, text, warning, save);
        box.getStyleClass().add("synonyms-pane");
        box.setPrefWidth(420);
        return box;
    }

    private void show(Taxonomy t) {
        heading.setText(ui.text("settings.taxonomy.heading", t.title(), t.version()));
        TreeItem<String> top = new TreeItem<>();
        for (TaskArea a : t.areas()) {
            TreeItem<String> area = new TreeItem<>(ui.text("settings.taxonomy.area", a.shortName(), a.heading()));
            for (Subtopic s : a.subtopics()) {
                area.getChildren().add(new TreeItem<>(s.id() + "  " + s.wording()));
            }
            top.getChildren().add(area);
        }
        tree.setRoot(top);
    }

    private void chooseReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.text("settings.taxonomy.load"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.text("settings.taxonomy.fileType"),
                "*.txt"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.loadReport(file.toPath());
        }
    }
}
