package org.liaisondesk.ui.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.service.BackupService;
import org.liaisondesk.ui.UiContext;

/**
 * Backups for administrators: the folder and how many to keep, "立即备份", the backups in the folder (newest
 * first; each was verified before it was moved into place), and restoring one after a confirmation (the service saves
 * the current state first).
 */
public final class BackupSectionModel {

    /** One backup file as listed. */
    public record BackupRow(Path file, String name, String made, String size, String verified) {
    }

    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UiContext ui;
    private final BackupService backupService;
    private final Clock clock;
    private final ObservableList<BackupRow> backups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final IntegerProperty keep = new SimpleIntegerProperty();
    private final SectionMessage message = new SectionMessage();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<MigrationOffer> migrationOffer = new ReadOnlyObjectWrapper<>();

    public BackupSectionModel(UiContext ui, BackupService backupService, Clock clock) {
        this.ui = ui;
        this.backupService = backupService;
        this.clock = clock;
    }

    public ObservableList<BackupRow> backups() {
        return backups;
    }

    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public IntegerProperty keepProperty() {
        return keep;
    }

    SectionMessage message() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the folder holds after an action, and what the action returned (a file name, or null). */
    private record State(String result, Path folder, int keep, List<BackupRow> rows) {
    }

    public void load() {
        run(() -> null, null);
    }

    public void chooseFolder(Path chosen) {
        run(() -> {
            backupService.setFolder(chosen, ui.actor());
            return null;
        }, "settings.backup.folderSaved");
    }

    public void saveKeep() {
        int count = keep.get();
        run(() -> {
            backupService.setKeep(count, ui.actor());
            return null;
        }, "settings.backup.keepSaved");
    }

    public void backUpNow() {
        run(() -> backupService.now(ui.actor()).getFileName().toString(), "settings.backup.made");
    }

    /** A backup of another station or mode that was refused: the view asks whether to migrate to it. */
    public record MigrationOffer(BackupRow row, String question) {
    }

    /** Set when a restore was refused because the backup belongs to another station or mode; null otherwise. */
    public ReadOnlyObjectProperty<MigrationOffer> migrationOfferProperty() {
        return migrationOffer.getReadOnlyProperty();
    }

    /** Only after the view asked and the person confirmed; a backup of another station is refused (see offer). */
    public void restore(BackupRow row) {
        restore(row, false);
    }

    /** Restores a backup of another station or mode: only after the person confirmed the migration. */
    public void migrate(BackupRow row) {
        restore(row, true);
    }

    private void restore(BackupRow row, boolean migrate) {
        migrationOffer.set(null);
        run(() -> backupService.restore(row.file(), ui.actor(), migrate).getFileName().toString(),
                "settings.backup.restored", error -> {
                    if (!migrate && error instanceof UserFacingException u
                            && BackupService.OTHER_STATION.equals(u.messageKey())) {
                        Object[] a = u.args();
                        migrationOffer.set(new MigrationOffer(row,
                                ui.text("settings.backup.confirmMigrate", row.name(), a[1], a[2])));
                    }
                });
    }

    private void run(Callable<String> work, String doneKey) {
        run(work, doneKey, error -> { });
    }

    /** Runs {@code work}, re-reads the folder, then says {@code doneKey} with what the work returned. */
    private void run(Callable<String> work, String doneKey, Consumer<Throwable> onError) {
        busy.set(true);
        if (doneKey != null) {
            message.done(ui.text("settings.backup.working"));
        }
        ui.background().run(() -> state(work.call()), s -> {
            busy.set(false);
            folder.set(s.folder().toAbsolutePath().toString());
            keep.set(s.keep());
            backups.setAll(s.rows());
            if (doneKey != null) {
                message.done(ui.text(doneKey, s.result()));
                if (doneKey.equals("settings.backup.restored")) {
                    ui.changes().fire();
                }
            }
        }, error -> {
            busy.set(false);
            message.failed(error, ui.messages());
            onError.accept(error);
        });
    }

    private State state(String result) {
        List<BackupRow> rows = backupService.backups().stream().map(this::row).toList();
        return new State(result, backupService.folder(), backupService.keep(), rows);
    }

    private BackupRow row(Path file) {
        try {
            LocalDateTime made = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                    clock.getZone());
            return new BackupRow(file, file.getFileName().toString(), MADE.format(made),
                    ui.text("settings.backup.size", Math.max(1, (Files.size(file) + 1023) / 1024)),
                    ui.text("settings.backup.verified"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
