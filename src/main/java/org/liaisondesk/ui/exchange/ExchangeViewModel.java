package org.liaisondesk.ui.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.liaisondesk.exchange.ExportService;
import org.liaisondesk.exchange.HandlingBatches;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.exchange.RemovableDrives;
import org.liaisondesk.exchange.RemovableDrives.Drive;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.KeyService;
import org.liaisondesk.service.StationService;
import org.liaisondesk.ui.KeyUnlock;
import org.liaisondesk.ui.ProgressTask;
import org.liaisondesk.ui.UiContext;

/**
 * State of the exchange screen (交换): at a station, exporting the next batch and writing an earlier one again; at the
 * general station, importing files or folders with a report per file, the missing batches and the conflicts kept
 * aside. All work runs in the background; results arrive here on the FX thread as display-ready rows.
 *
 * <p>At a station it also shows whether batches will leave encrypted (with the general station's key fingerprint,
 * or a warning) and holds the privacy chosen for the next export (the station's setting until changed).
 *
 * <p>The mounted USB sticks are listed (the first one chosen); an export or import shows how far it got and can be
 * stopped, leaving nothing half-done (see {@link Progress}).
 */
public final class ExchangeViewModel {

    static final int HISTORY_ROWS = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** A batch in the history table. */
    public record BatchRow(int sequence, String station, String created, String recorded, long count, String file,
                           String detail) {
    }

    /**
     * What became of one file in the last import.
     *
     * @param signature "signature verified: GS-007" for an encrypted batch, empty for a plain one
     */
    public record ReportRow(String file, String outcome, String signature, String detail, boolean rejected) {
    }

    /** An opinion kept aside. */
    public record ConflictRow(String number, int revision, String kind, String station, String detected) {
    }

    private final UiContext ui;
    private final BooleanProperty generalStation = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty encrypted = new SimpleBooleanProperty();
    private final StringProperty encryption = new SimpleStringProperty("");
    private final ObjectProperty<ExportPrivacy> privacy = new SimpleObjectProperty<>(ExportPrivacy.BY_CONSENT);
    private final ObservableList<BatchRow> history = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> report = FXCollections.observableArrayList();
    private final ObservableList<String> gaps = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Drive> drives = FXCollections.observableArrayList();
    private final ObjectProperty<Drive> drive = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final RemovableDrives removableDrives;

    private final StationService stations;
    private final ExportService exports;
    private final ImportService imports;
    private final KeyService keys;
    private final HandlingBatches handlingBatches;

    public ExchangeViewModel(UiContext ui, StationService stations, ExportService exports, ImportService imports,
                             HandlingBatches handlingBatches, KeyService keys, RemovableDrives removableDrives) {
        this.ui = ui;
        this.handlingBatches = handlingBatches;
        this.stations = stations;
        this.exports = exports;
        this.imports = imports;
        this.keys = keys;
        this.removableDrives = removableDrives;
    }

    /** The USB sticks (and other drives) mounted when last looked. */
    public ObservableList<Drive> drives() {
        return drives;
    }

    /** The drive the next export or import uses; the first one found unless the clerk chose another. */
    public ObjectProperty<Drive> driveProperty() {
        return drive;
    }

    /** How far the running export or import got, 0..1, or -1 while that is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** "U盘名 (/media/…, 剩余 3.2 GB)". */
    public String driveText(Drive d) {
        if (d == null) {
            return "";
        }
        return d.freeBytes() < 0 ? ui.text("exchange.drive", d.name(), d.path())
                : ui.text("exchange.driveFree", d.name(), d.path(), d.freeBytes() / 1e9);
    }

    /** Looks for mounted drives again, keeping the chosen one when it is still there. */
    public void refreshDrives() {
        ui.background().run(removableDrives::find, found -> {
            Drive chosen = drive.get();
            drives.setAll(found);
            drive.set(found.stream().filter(d -> chosen != null && d.path().equals(chosen.path())).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0)));
        });
    }

    /** Exports the next batch onto the chosen drive. */
    public void exportToDrive() {
        if (drive.get() != null) {
            exportTo(drive.get().path());
        }
    }

    /** Imports every batch file at the top of the chosen drive. */
    public void importFromDrive() {
        if (drive.get() != null) {
            importPaths(List.of(drive.get().path()));
        }
    }

    /** Checks every batch file at the top of the chosen drive as an import would, and keeps nothing. */
    public void previewDrive() {
        if (drive.get() != null) {
            preview(List.of(drive.get().path()));
        }
    }

    /**
     * A dry run of {@link #importPaths}: the report says what each file would bring (or why it would be rejected),
     * and nothing is kept, so the operator can look before importing.
     */
    public void preview(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        start(p -> imports.dryRunPaths(paths, actor()), r -> {
            report.setAll(r.files().stream().map(f -> reportRow(f, true)).toList());
            gaps.clear();
            long rejected = r.files().stream().filter(f -> f.outcome() == ImportService.Outcome.REJECTED).count();
            status.set(ui.text("exchange.preview.done", r.files().size(), rejected));
        });
    }

    /** Asks the running export or import to stop; it does at its next opinion or file. */
    public void stop() {
        stopRequested.set(true);
        status.set(ui.text("exchange.stopping"));
    }

    public ReadOnlyBooleanProperty generalStationProperty() {
        return generalStation;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** True when the station's batches will be encrypted for the general station. */
    public ReadOnlyBooleanProperty encryptedProperty() {
        return encrypted;
    }

    /** The general station's key fingerprint batches are encrypted for, or the warning that they are not. */
    public ReadOnlyStringProperty encryptionProperty() {
        return encryption;
    }

    /** What the next export carries of residents' contact details. */
    public ObjectProperty<ExportPrivacy> privacyProperty() {
        return privacy;
    }

    public String privacyText(ExportPrivacy p) {
        return p == null ? "" : ui.text("exchange.privacy." + p.code());
    }

    public ObservableList<BatchRow> history() {
        return history;
    }

    public ObservableList<ReportRow> report() {
        return report;
    }

    public ObservableList<String> gaps() {
        return gaps;
    }

    public ObservableList<ConflictRow> conflicts() {
        return conflicts;
    }


    private String actor() {
        String user = ui.currentUser().get();
        return user == null || user.isBlank() ? System.getProperty("user.name", "window") : user;
    }

    /**
     * Reloads the mode, the batch history and the open conflicts; at a station also the encryption state and the
     * privacy setting, which becomes the choice for the next export again.
     */
    public void refresh() {
        refreshDrives();
        ui.background().run(() -> {
            boolean general = stations.current().map(Station::mode).orElse(StationMode.STATION)
                    == StationMode.GENERAL;
            List<BatchRow> rows = (general ? imports.history(HISTORY_ROWS)
                    : exports.history(HISTORY_ROWS)).stream().map(this::row).toList();
            List<ConflictRow> open = general ? imports.openConflicts(HISTORY_ROWS).stream()
                    .map(this::conflict).toList() : List.of();
            Optional<String> key = general ? Optional.empty() : keys.generalKeyFingerprint();
            ExportPrivacy setting = general ? ExportPrivacy.BY_CONSENT : exports.privacySetting();
            return new Loaded(general, rows, open, key, setting);
        }, loaded -> {
            generalStation.set(loaded.general);
            history.setAll(loaded.rows);
            conflicts.setAll(loaded.conflicts);
            encrypted.set(loaded.generalKey.isPresent());
            encryption.set(loaded.generalKey.map(f -> ui.text("exchange.encryption.on", f))
                    .orElseGet(() -> ui.text("exchange.encryption.off")));
            privacy.set(loaded.privacy);
        });
    }

    private record Loaded(boolean general, List<BatchRow> rows, List<ConflictRow> conflicts,
                          Optional<String> generalKey, ExportPrivacy privacy) {
    }

    /** What one export wrote: the opinion batch (a station's), and the handling batches (both ways). */
    private record Sent(Optional<ExportService.Exported> opinions, List<HandlingBatches.Written> handling) {
    }

    /**
     * Writes what is waiting into {@code folder} (a USB stick), as {@code export} does on the command line: at a
     * station the next opinion batch with the privacy chosen and the handling changes going up; at the general
     * station a return batch (回执批次: assignments, replies, units, calendar, templates) per station.
     */
    public void exportTo(Path folder) {
        ExportPrivacy chosen = privacy.get();
        boolean general = generalStation.get();
        start(p -> new Sent(general ? Optional.empty() : exports.export(folder, chosen, actor(), p),
                handlingBatches.export(folder, actor())), sent -> {
            List<String> said = new ArrayList<>();
            sent.opinions().ifPresent(e -> said.add(ui.text(e.encrypted() ? "exchange.export.done"
                    : "exchange.export.plainDone", e.header().sequence(), e.header().count(), e.file())));
            if (!sent.handling().isEmpty()) {
                said.add(ui.text(general ? "exchange.return.written" : "exchange.handlingUp.written",
                        sent.handling().size(), sent.handling().stream().map(w -> w.file().getFileName().toString())
                                .collect(Collectors.joining("、"))));
            }
            status.set(said.isEmpty() ? ui.text(general ? "exchange.return.nothing" : "cli.export.nothing")
                    : String.join(" ", said));
        });
    }

    /** Writes the batch with {@code sequence} again into {@code folder}. */
    public void exportAgain(int sequence, Path folder) {
        start(p -> exports.exportAgain(sequence, folder, actor(), p),
                e -> status.set(ui.text("exchange.export.againDone", sequence, e.file())
                        + (e.encrypted() ? "" : " " + ui.text("exchange.encryption.off"))));
    }

    /** What one import read: the opinion batches (general station) and the handling batches (both ways). */
    private record Received(ImportService.Report opinions, List<HandlingBatches.Read> handling) {
    }

    /**
     * Imports files and folders, as {@code import} does on the command line: at the general station the opinion
     * batches and the stations' handling changes, at a station the return batches sent down to it. The report
     * replaces the previous one.
     */
    public void importPaths(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        boolean general = generalStation.get();
        start(p -> {
            // looking at the stick is file work: here, off the FX thread
            List<Path> opinionPaths = paths.stream().filter(f -> Files.isDirectory(f)
                    || !HandlingBatches.isHandlingBatchName(f.getFileName().toString())).toList();
            Station here = stations.current().orElseThrow(() -> new UserFacingException("export.error.notSetUp"));
            ImportService.Report r = general && !opinionPaths.isEmpty()
                    ? imports.importPaths(opinionPaths, actor(), p) : new ImportService.Report(List.of(), java.util.Map.of(), 0);
            List<HandlingBatches.Read> handled = new ArrayList<>();
            for (Path path : paths) {
                for (Path f : HandlingBatches.filesIn(path, here)) {
                    handled.add(handlingBatches.importFile(f, false, actor()));
                }
            }
            return new Received(r, handled);
        }, received -> {
            ImportService.Report r = received.opinions();
            List<ReportRow> rows = new ArrayList<>(r.files().stream().map(f -> reportRow(f, false)).toList());
            received.handling().forEach(h -> rows.add(handlingRow(h)));
            report.setAll(rows);
            long rejectedHandling = received.handling().stream()
                    .filter(h -> h.outcome() == HandlingBatches.Outcome.REJECTED).count();
            if (!general) {
                status.set(received.handling().isEmpty() ? ui.text("exchange.return.none")
                        : ui.text("exchange.import.done", received.handling().size(), rejectedHandling));
                return;
            }
            gaps.setAll(r.gaps().entrySet().stream().map(e -> ui.text("exchange.gap", e.getKey(),
                    e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))).toList());
            long rejected = r.files().stream().filter(f -> f.outcome() == ImportService.Outcome.REJECTED).count()
                    + rejectedHandling;
            String done = ui.text("exchange.import.done", r.files().size() + received.handling().size(), rejected);
            status.set(r.notImported() == 0 ? done : done + " " + ui.text("exchange.import.stopped", r.notImported()));
        });
    }

    /** A handling batch's line in the import report: cases created and updated, conflicts, or why it was refused. */
    private ReportRow handlingRow(HandlingBatches.Read h) {
        String file = h.file().getFileName() == null ? h.file().toString() : h.file().getFileName().toString();
        return switch (h.outcome()) {
            case IMPORTED, DRY_RUN -> new ReportRow(file, ui.text(h.outcome() == HandlingBatches.Outcome.DRY_RUN
                    ? "exchange.outcome.wouldImport" : "exchange.outcome.imported"), "",
                    ui.text("exchange.handling.counts", h.station(), h.sequence(), h.casesCreated(),
                            h.casesUpdated(), h.conflicts()), false);
            case ALREADY_IMPORTED -> new ReportRow(file, ui.text("exchange.outcome.already"), "",
                    ui.text("exchange.handling.already", h.station(), h.sequence()), false);
            case REJECTED -> new ReportRow(file, ui.text("exchange.outcome.rejected"), "",
                    h.rejection().localized(ui.messages()), true);
        };
    }

    /** Runs {@code work} in the background with its progress shown and a stop it looks at. */
    private <T> void start(Function<Progress, T> work, Consumer<T> onDone) {
        stopRequested.set(false);
        Task<T> task = new ProgressTask<>(work, stopRequested::get);
        busy.set(true);
        progress.bind(task.progressProperty());
        status.set(ui.text("exchange.working"));
        ui.background().submit(task, result -> {
            finished();
            onDone.accept(result);
            ui.changes().fire(); // an import adds opinions, an export changes their status
        }, error -> {
            finished();
            if (error instanceof Progress.Cancelled) {
                status.set(ui.text("exchange.export.stopped"));
                return;
            }
            if (KeyUnlock.isLocked(error)) {
                // The first signing or decrypting of this session: ask for the key passphrase, then go again.
                status.set(ui.text("keys.unlock.title"));
                KeyUnlock.ask(ui, keys, () -> start(work, onDone), e -> {
                    status.set(e instanceof UserFacingException u ? u.localized(ui.messages()) : "");
                    ui.errors().report(e);
                });
                return;
            }
            status.set(error instanceof UserFacingException u ? u.localized(ui.messages()) : "");
            ui.errors().report(error);
        });
    }

    private void finished() {
        progress.unbind();
        busy.set(false);
        refresh();
    }

    private BatchRow row(BatchRecord b) {
        List<String> parts = new java.util.ArrayList<>();
        Optional.ofNullable(b.counts()).ifPresent(c -> parts.add(ui.text("exchange.counts", c.added(), c.updated(),
                c.unchanged(), c.conflicts())));
        if (b.signedBy() != null) {
            parts.add(ui.text("exchange.signed", b.signedBy()));
        } else if (b.direction() == BatchRecord.Direction.EXPORT) {
            parts.add(ui.text(b.encrypted() ? "exchange.history.encrypted" : "exchange.history.plain"));
        }
        if (b.privacy() != null) {
            parts.add(ui.text("exchange.history.privacy", privacyText(b.privacy())));
        }
        return new BatchRow(b.sequence(), b.station(), WHEN.format(b.createdAt()), WHEN.format(b.recordedAt()),
                b.opinionCount(), b.fileName(), String.join(" · ", parts));
    }

    private ReportRow reportRow(FileResult f, boolean preview) {
        String file = f.file().getFileName() == null ? f.file().toString() : f.file().getFileName().toString();
        String signature = f.signature() == null ? "" : ui.text("exchange.signed", f.signature().station());
        return switch (f.outcome()) {
            case IMPORTED -> new ReportRow(file, ui.text(preview ? "exchange.outcome.wouldImport"
                    : "exchange.outcome.imported"), signature,
                    ui.text("exchange.batchCounts", f.header().station(), f.header().sequence(),
                            ui.text("exchange.counts", f.counts().added(), f.counts().updated(),
                                    f.counts().unchanged(), f.counts().conflicts())), false);
            case ALREADY_IMPORTED -> new ReportRow(file, ui.text("exchange.outcome.already"), signature,
                    ui.text("exchange.alreadyDetail", f.header().station(), f.header().sequence(),
                            when(f.importedAt())), false);
            case REJECTED -> new ReportRow(file, ui.text("exchange.outcome.rejected"), signature,
                    f.rejection().localized(ui.messages()), true);
        };
    }

    private ConflictRow conflict(ExchangeConflict c) {
        return new ConflictRow(c.number(), c.revision(), ui.text("exchange.conflict." + c.kind().code()), c.station(),
                when(c.detectedAt()));
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
