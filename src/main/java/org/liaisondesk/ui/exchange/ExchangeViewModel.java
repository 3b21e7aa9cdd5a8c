package org.liaisondesk.ui.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ExportService;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.UiContext;

/**
 * State of the exchange screen (交换): at a station, exporting the next batch and writing an earlier one again; at the
 * general station, importing files or folders with a report per file, the missing batches and the conflicts kept
 * aside. All work runs in the background; results arrive here on the FX thread as display-ready rows.
 */
public final class ExchangeViewModel {

    static final int HISTORY_ROWS = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** A batch in the history table. */
    public record BatchRow(int sequence, String station, String created, String recorded, long count, String file,
                           String detail) {
    }

    /** What became of one file in the last import. */
    public record ReportRow(String file, String outcome, String detail, boolean rejected) {
    }

    /** An opinion kept aside. */
    public record ConflictRow(String number, int revision, String kind, String station, String detected) {
    }

    private final UiContext ui;
    private final BooleanProperty generalStation = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<BatchRow> history = FXCollections.observableArrayList();
    private final ObservableList<ReportRow> report = FXCollections.observableArrayList();
    private final ObservableList<String> gaps = FXCollections.observableArrayList();
    private final ObservableList<ConflictRow> conflicts = FXCollections.observableArrayList();

    public ExchangeViewModel(UiContext ui) {
        this.ui = ui;
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

    private AppContext app() {
        return ui.app();
    }

    private String actor() {
        String user = ui.currentUser().get();
        return user == null || user.isBlank() ? System.getProperty("user.name", "window") : user;
    }

    /** Reloads the mode, the batch history and the open conflicts. */
    public void refresh() {
        ui.background().run(() -> {
            boolean general = app().stations().current().map(Station::mode).orElse(StationMode.STATION)
                    == StationMode.GENERAL;
            List<BatchRow> rows = (general ? app().imports().history(HISTORY_ROWS)
                    : app().exports().history(HISTORY_ROWS)).stream().map(this::row).toList();
            List<ConflictRow> open = general ? app().imports().openConflicts(HISTORY_ROWS).stream()
                    .map(this::conflict).toList() : List.of();
            return new Loaded(general, rows, open);
        }, loaded -> {
            generalStation.set(loaded.general);
            history.setAll(loaded.rows);
            conflicts.setAll(loaded.conflicts);
        });
    }

    private record Loaded(boolean general, List<BatchRow> rows, List<ConflictRow> conflicts) {
    }

    /** Writes the next batch into {@code folder} (a USB stick). */
    public void exportTo(Path folder) {
        start(() -> app().exports().export(folder, actor()), done -> status.set(done
                .map(e -> ui.text("exchange.export.done", e.header().sequence(), e.header().count(), e.file()))
                .orElseGet(() -> ui.text("cli.export.nothing"))));
    }

    /** Writes the batch with {@code sequence} again into {@code folder}. */
    public void exportAgain(int sequence, Path folder) {
        start(() -> app().exports().exportAgain(sequence, folder),
                e -> status.set(ui.text("exchange.export.againDone", sequence, e.file())));
    }

    /** Imports files and folders; the report replaces the previous one. */
    public void importPaths(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        start(() -> app().imports().importPaths(paths, actor()), r -> {
            report.setAll(r.files().stream().map(this::reportRow).toList());
            gaps.setAll(r.gaps().entrySet().stream().map(e -> ui.text("exchange.gap", e.getKey(),
                    e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))).toList());
            long rejected = r.files().stream().filter(f -> f.outcome() == ImportService.Outcome.REJECTED).count();
            status.set(ui.text("exchange.import.done", r.files().size(), rejected));
        });
    }

    private <T> void start(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone) {
        busy.set(true);
        status.set(ui.text("exchange.working"));
        ui.background().run(work, result -> {
            busy.set(false);
            onDone.accept(result);
            refresh();
        }, error -> {
            busy.set(false);
            status.set(error instanceof UserFacingException u ? u.localized(ui.messages()) : "");
            ui.errors().report(error);
            refresh();
        });
    }

    private BatchRow row(BatchRecord b) {
        String detail = Optional.ofNullable(b.counts()).map(c -> ui.text("exchange.counts", c.added(), c.updated(),
                c.unchanged(), c.conflicts())).orElse("");
        return new BatchRow(b.sequence(), b.station(), WHEN.format(b.createdAt()), WHEN.format(b.recordedAt()),
                b.opinionCount(), b.fileName(), detail);
    }

    private ReportRow reportRow(FileResult f) {
        String file = f.file().getFileName() == null ? f.file().toString() : f.file().getFileName().toString();
        return switch (f.outcome()) {
            case IMPORTED -> new ReportRow(file, ui.text("exchange.outcome.imported"), ui.text("exchange.batchCounts",
                    f.header().station(), f.header().sequence(), ui.text("exchange.counts", f.counts().added(),
                            f.counts().updated(), f.counts().unchanged(), f.counts().conflicts())), false);
            case ALREADY_IMPORTED -> new ReportRow(file, ui.text("exchange.outcome.already"),
                    ui.text("exchange.alreadyDetail", f.header().station(), f.header().sequence(),
                            when(f.importedAt())), false);
            case REJECTED -> new ReportRow(file, ui.text("exchange.outcome.rejected"),
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
