package org.liaisondesk.ui.settings;

import java.io.File;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.liaisondesk.service.BackupService;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.settings.BackupSectionModel.BackupRow;

/** 备份与恢复: folder, keep-last N, 立即备份, the backups (date, size, verified), restore after confirming. */
public final class BackupSection {

    private final Parent root;

    public BackupSection(UiContext ui) {
        BackupSectionModel vm = ui.services().backup(ui);
        TextField folder = new TextField();
        folder.setId("backup-folder");
        folder.setEditable(false);
        folder.textProperty().bind(vm.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(ui.text("settings.backup.choose"));
        choose.setId("backup-folder-choose");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(ui.text("settings.backup.choose"));
            File current = new File(vm.folderProperty().get());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen = chooser.showDialog(choose.getScene().getWindow());
            if (chosen != null) {
                vm.chooseFolder(chosen.toPath());
            }
        });
        Spinner<Integer> keep = new Spinner<>(1, 999, BackupService.DEFAULT_KEEP);
        keep.setId("backup-keep");
        keep.setEditable(true);
        keep.setPrefWidth(90);
        vm.keepProperty().addListener((o, old, now) -> keep.getValueFactory().setValue(now.intValue()));
        keep.valueProperty().addListener((o, old, now) -> {
            if (now != null && now != vm.keepProperty().get()) {
                vm.keepProperty().set(now);
                vm.saveKeep();
            }
        });
        Button now = new Button(ui.text("settings.backup.now"));
        now.setId("backup-now");
        now.disableProperty().bind(vm.busyProperty());
        now.setOnAction(e -> vm.backUpNow());
        HBox settings = new HBox(new Label(ui.text("settings.backup.folder")), folder, choose,
                new Label(ui.text("settings.backup.keep")), keep, new Label(ui.text("settings.backup.keepUnit")), now);
        settings.getStyleClass().add("inline-fields");

        TableView<BackupRow> table = Sections.table("backup-table", vm.backups(),
                Sections.column(ui, "settings.backup.col.made", BackupRow::made),
                Sections.column(ui, "settings.backup.col.size", BackupRow::size),
                Sections.column(ui, "settings.backup.col.verified", BackupRow::verified),
                Sections.column(ui, "settings.backup.col.file", BackupRow::name));
        Button restore = new Button(ui.text("settings.backup.restore"));
        restore.setId("backup-restore");
        restore.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        restore.setOnAction(e -> {
            BackupRow row = table.getSelectionModel().getSelectedItem();
            Dialogs.confirm(restore.getScene().getWindow(), ui.messages(),
                    ui.text("settings.backup.confirmRestore", row.name(), row.made()), "settings.backup.restore",
                    "ui.cancel", () -> vm.restore(row), () -> { });
        });
        vm.migrationOfferProperty().addListener((obs, old, offer) -> {
            if (offer != null) {
                Dialogs.confirm(restore.getScene().getWindow(), ui.messages(), offer.question(),
                        "settings.backup.migrate", "ui.cancel", () -> vm.migrate(offer.row()), () -> { });
            }
        });
        root = Sections.section("settings-backup", settings, table, restore,
                Sections.note("backup-message", vm.message()));
        vm.load();
    }

    public Parent root() {
        return root;
    }
}
