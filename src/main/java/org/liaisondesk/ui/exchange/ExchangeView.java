package org.liaisondesk.ui.exchange;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.liaisondesk.exchange.BatchFormat;
import org.liaisondesk.exchange.RemovableDrives;
import org.liaisondesk.exchange.RemovableDrives.Drive;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.exchange.ExchangeViewModel.BatchRow;
import org.liaisondesk.ui.exchange.ExchangeViewModel.ConflictRow;
import org.liaisondesk.ui.exchange.ExchangeViewModel.ReportRow;

/**
 * The exchange screen (交换). The mounted USB sticks are listed to choose from. At a station: export to the stick or
 * any folder, and the batch history with "write again". At the general station: import the stick, files or a folder,
 * the report per file, missing batches, conflicts and the import history. Long work shows a progress bar and a stop
 * button.
 * A station also sees whether its batches will be encrypted and chooses the privacy of the next export.
 * The view only binds and forwards; {@link ExchangeViewModel} does the rest.
 */
public final class ExchangeView implements Screen {

    /** On the encryption line when batches will not be encrypted: shown as a warning. */
    private static final PseudoClass PLAIN = PseudoClass.getPseudoClass("plain");

    private final UiContext ui;
    private final ExchangeViewModel model;
    private final VBox root = new VBox();

    public ExchangeView(UiContext ui) {
        this(ui, RemovableDrives.system());
    }

    /** With the drives to offer given (tests offer folders of their own). */
    public ExchangeView(UiContext ui, RemovableDrives drives) {
        this.ui = ui;
        this.model = ui.services().exchange(ui, drives);
        build();
        model.refresh();
    }

    public ExchangeViewModel model() {
        return model;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
        root.requestFocus(); // so Enter reaches the default button: export at a station, import at the general one
    }

    private void build() {
        root.getStyleClass().add("exchange");
        root.getStylesheets().add(ExchangeView.class.getResource("exchange.css").toExternalForm());

        ComboBox<Drive> drives = new ComboBox<>(model.drives());
        drives.setId("exchange-drives");
        drives.valueProperty().bindBidirectional(model.driveProperty());
        drives.setPromptText(ui.text("exchange.drives.none"));
        drives.setConverter(shownAs(drives, model::driveText));
        Label drivesLabel = new Label(ui.text("exchange.drives.label"));
        drivesLabel.setLabelFor(drives);
        Button refreshDrives = button("exchange-drives-refresh", "exchange.drives.refresh");
        refreshDrives.setOnAction(e -> model.refreshDrives());
        HBox driveRow = new HBox(drivesLabel, drives, refreshDrives);
        driveRow.getStyleClass().add("exchange-drive-row");

        Button export = button("exchange-export", "exchange.export.toDrive");
        export.setOnAction(e -> model.exportToDrive());
        Button exportFolder = button("exchange-export-folder", "exchange.export.toFolder");
        exportFolder.setOnAction(e -> chooseFolder("exchange.export.chooseFolder").ifPresent(model::exportTo));
        Button importDrive = button("exchange-import-drive", "exchange.import.fromDrive");
        importDrive.setOnAction(e -> model.importFromDrive());
        Button previewDrive = button("exchange-preview-drive", "exchange.preview.fromDrive");
        previewDrive.setOnAction(e -> model.previewDrive());
        Button importFiles = button("exchange-import-files", "exchange.import.files");
        importFiles.setOnAction(e -> chooseFiles().ifPresent(model::importPaths));
        Button importFolder = button("exchange-import-folder", "exchange.import.folder");
        importFolder.setOnAction(e -> chooseFolder("exchange.import.chooseFolder").ifPresent(
                dir -> model.importPaths(List.of(dir))));
        for (Button b : List.of(export, importDrive, previewDrive)) {
            b.disableProperty().bind(model.busyProperty().or(model.driveProperty().isNull()));
        }
        for (Button b : List.of(exportFolder, importFiles, importFolder, refreshDrives)) {
            b.disableProperty().bind(model.busyProperty());
        }
        export.defaultButtonProperty().bind(model.generalStationProperty().not());
        importDrive.defaultButtonProperty().bind(model.generalStationProperty());
        // Both ends export and import: a station sends opinions and handling changes up and takes the return
        // batches (回执批次) sent down; the general station takes both up and writes the return batches.
        byMode(export, "exchange.export.toDrive", "exchange.return.toDrive");
        byMode(exportFolder, "exchange.export.toFolder", "exchange.return.toFolder");
        byMode(importDrive, "exchange.return.fromDrive", "exchange.import.fromDrive");
        showFor(previewDrive, true);
        HBox actions = new HBox(export, exportFolder, importDrive, previewDrive, importFiles, importFolder);
        actions.getStyleClass().add("exchange-actions");

        ProgressBar bar = new ProgressBar();
        bar.setId("exchange-progress");
        bar.progressProperty().bind(model.progressProperty());
        Button stop = button("exchange-stop", "exchange.stop");
        stop.setOnAction(e -> model.stop());
        HBox working = new HBox(bar, stop);
        working.getStyleClass().add("exchange-working");
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(working.visibleProperty());

        Label encryption = new Label();
        encryption.setId("exchange-encryption");
        encryption.getStyleClass().add("exchange-encryption");
        encryption.setWrapText(true);
        encryption.textProperty().bind(model.encryptionProperty());
        model.encryptedProperty().addListener((o, was, is) -> encryption.pseudoClassStateChanged(PLAIN, !is));
        encryption.pseudoClassStateChanged(PLAIN, !model.encryptedProperty().get());
        ComboBox<ExportPrivacy> privacy = new ComboBox<>();
        privacy.setId("exchange-privacy");
        privacy.getItems().setAll(ExportPrivacy.values());
        privacy.setConverter(shownAs(privacy, model::privacyText));
        privacy.valueProperty().bindBidirectional(model.privacyProperty());
        privacy.disableProperty().bind(model.busyProperty());
        Label privacyLabel = new Label(ui.text("exchange.privacy.label"));
        privacyLabel.setLabelFor(privacy);
        HBox privacyRow = new HBox(privacyLabel, privacy);
        privacyRow.getStyleClass().add("exchange-privacy");
        VBox security = new VBox(encryption, privacyRow);
        security.getStyleClass().add("exchange-section");
        showFor(security, false);

        Label status = new Label();
        status.setId("exchange-status");
        status.getStyleClass().add("exchange-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        TableView<ReportRow> report = new TableView<>(model.report());
        report.setId("exchange-report");
        report.getColumns().add(column("exchange.column.file", ReportRow::file));
        report.getColumns().add(column("exchange.column.result", ReportRow::outcome));
        report.getColumns().add(column("exchange.column.signature", ReportRow::signature));
        report.getColumns().add(column("exchange.column.detail", ReportRow::detail));
        report.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReportRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("rejected"),
                        !empty && item != null && item.rejected());
            }
        });
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        report.setPlaceholder(new Label(ui.text("exchange.report.empty")));
        report.getColumns().get(0).setPrefWidth(240);
        report.getColumns().get(1).setPrefWidth(90);
        report.getColumns().get(2).setPrefWidth(130);
        report.getStyleClass().add("exchange-report");
        // A rejection's reason is what the operator acts on: the selected row's is shown whole, wrapped.
        Label reportDetail = new Label();
        reportDetail.setId("exchange-report-detail");
        reportDetail.getStyleClass().add("exchange-report-detail");
        reportDetail.setWrapText(true);
        reportDetail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ReportRow r = report.getSelectionModel().getSelectedItem();
            return r == null ? "" : r.file() + ":" + r.outcome() + "。" + r.detail();
        }, report.getSelectionModel().selectedItemProperty()));
        reportDetail.visibleProperty().bind(reportDetail.textProperty().isNotEmpty());
        reportDetail.managedProperty().bind(reportDetail.visibleProperty());
        model.report().addListener((javafx.collections.ListChangeListener<ReportRow>) c -> {
            if (!model.report().isEmpty()) {
                report.getSelectionModel().select(model.report().stream().filter(ReportRow::rejected).findFirst()
                        .orElse(model.report().get(0)));
            }
        });
        ListView<String> gaps = new ListView<>(model.gaps());
        gaps.setId("exchange-gaps");
        gaps.getStyleClass().add("exchange-gaps");
        gaps.setPlaceholder(new Label(ui.text("exchange.gaps.empty")));
        TableView<ConflictRow> conflicts = new TableView<>(model.conflicts());
        conflicts.setId("exchange-conflicts");
        conflicts.getColumns().add(column("exchange.column.number", ConflictRow::number));
        conflicts.getColumns().add(column("exchange.column.revision", r -> Integer.toString(r.revision())));
        conflicts.getColumns().add(column("exchange.column.kind", ConflictRow::kind));
        conflicts.getColumns().add(column("exchange.column.detected", ConflictRow::detected));
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conflicts.setPlaceholder(new Label(ui.text("exchange.conflicts.empty")));
        VBox general = new VBox(title("exchange.report.title"), report, reportDetail, title("exchange.gaps.title"), gaps,
                title("exchange.conflicts.title"), conflicts);
        general.getStyleClass().add("exchange-section");
        showFor(general, true);

        TableView<BatchRow> history = new TableView<>(model.history());
        history.setId("exchange-history");
        history.getColumns().add(column("exchange.column.station", BatchRow::station));
        history.getColumns().add(column("exchange.column.sequence", r -> Integer.toString(r.sequence())));
        history.getColumns().add(column("exchange.column.created", BatchRow::created));
        history.getColumns().add(column("exchange.column.count", r -> Long.toString(r.count())));
        history.getColumns().add(column("exchange.column.file", BatchRow::file));
        history.getColumns().add(column("exchange.column.detail", BatchRow::detail));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label(ui.text("exchange.history.empty")));
        Button again = button("exchange-again", "exchange.export.again");
        again.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        again.setOnAction(e -> {
            BatchRow row = history.getSelectionModel().getSelectedItem();
            chooseFolder("exchange.export.chooseFolder").ifPresent(dir -> model.exportAgain(row.sequence(), dir));
        });
        showFor(again, false);
        VBox.setVgrow(history, Priority.ALWAYS);

        Label screenTitle = new Label(ui.text("exchange.title"));
        screenTitle.getStyleClass().add("screen-title");
        root.getChildren().addAll(screenTitle, driveRow, actions, working, security, status, general,
                title("exchange.history.title"), history, again);
    }

    /** The button's text at a station and at the general station. */
    private void byMode(Button b, String stationKey, String generalKey) {
        b.textProperty().bind(javafx.beans.binding.Bindings.when(model.generalStationProperty())
                .then(ui.text(generalKey)).otherwise(ui.text(stationKey)));
    }

    private Button button(String id, String key) {
        Button b = new Button(ui.text(key));
        b.setId(id);
        return b;
    }

    private Label title(String key) {
        Label l = new Label(ui.text(key));
        l.getStyleClass().add("exchange-title");
        return l;
    }

    /** Shows a part only in the mode it belongs to, and takes no room otherwise. */
    private void showFor(javafx.scene.Node node, boolean generalStation) {
        node.visibleProperty().bind(generalStation ? model.generalStationProperty()
                : model.generalStationProperty().not());
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows a choice's items as {@code text} says, and finds the item a text stands for. */
    private static <T> StringConverter<T> shownAs(ComboBox<T> box, Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return text.apply(item);
            }

            @Override
            public T fromString(String shown) {
                return box.getItems().stream().filter(i -> text.apply(i).equals(shown)).findFirst().orElse(null);
            }
        };
    }

    /** A text column whose cells show their whole text as a tooltip when it does not fit. */
    private <R> TableColumn<R, String> column(String key, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(ui.text(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private java.util.Optional<Path> chooseFolder(String titleKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(ui.text(titleKey));
        File dir = chooser.showDialog(window());
        return java.util.Optional.ofNullable(dir).map(File::toPath);
    }

    private java.util.Optional<List<Path>> chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.text("exchange.import.chooseFiles"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.text("exchange.import.filter"),
                "*" + BatchFormat.SUFFIX, "*" + BatchFormat.ENCRYPTED_SUFFIX,
                "*" + org.liaisondesk.exchange.HandlingBatches.SUFFIX,
                "*" + org.liaisondesk.exchange.HandlingBatches.ENCRYPTED_SUFFIX));
        List<File> files = chooser.showOpenMultipleDialog(window());
        return java.util.Optional.ofNullable(files).map(f -> f.stream().map(File::toPath).toList());
    }
}
