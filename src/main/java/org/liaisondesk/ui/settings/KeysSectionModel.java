package org.liaisondesk.ui.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.PlainBatches;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.KeyService;
import org.liaisondesk.service.KeyService.KeyInfo;
import org.liaisondesk.service.StationService;
import org.liaisondesk.ui.KeyUnlock;
import org.liaisondesk.ui.UiContext;

/**
 * Keys for administrators. The general station generates its key pair and exports the public key file; a station
 * imports that file (and exports its own signing key for the general station). Every key is listed with its
 * fingerprint in groups, to be read out over the phone.
 */
public final class KeysSectionModel {

    /** One key as listed. */
    public record KeyRow(String role, String owner, String algorithm, String fingerprint) {
    }

    private final UiContext ui;
    private final KeyService keyService;
    private final ImportService imports;
    private final StationService stations;
    private final ReadOnlyBooleanWrapper general = new ReadOnlyBooleanWrapper();
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final SectionMessage message = new SectionMessage();
    private final ReadOnlyObjectWrapper<PlainBatches> plainBatches = new ReadOnlyObjectWrapper<>(
            PlainBatches.UNTIL_KEYS);

    public KeysSectionModel(UiContext ui, KeyService keyService, ImportService imports, StationService stations) {
        this.ui = ui;
        this.keyService = keyService;
        this.imports = imports;
        this.stations = stations;
    }

    /** At the general station: generate and import station keys; at a station: import the general station's. */
    public ReadOnlyBooleanProperty generalProperty() {
        return general.getReadOnlyProperty();
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    SectionMessage message() {
        return message;
    }

    /** At the general station: whether unsigned batches from stations without a registered key are taken. */
    public ReadOnlyObjectProperty<PlainBatches> plainBatchesProperty() {
        return plainBatches.getReadOnlyProperty();
    }

    public void setPlainBatches(PlainBatches policy) {
        if (policy == null || policy == plainBatches.get()) {
            return;
        }
        ui.background().run(() -> {
            imports.setPlainBatches(policy, ui.actor());
            return imports.plainBatches();
        }, done -> {
            plainBatches.set(done);
            message.done(ui.text("keys.plainBatches.set", ui.text("keys.plainBatches." + done.code())));
        }, error -> message.failed(error, ui.messages()));
    }

    public void load() {
        act(() -> null, null);
    }

    public void generate() {
        act(() -> keyService.generateGeneral(ui.actor()), "keys.generated");
    }

    public void exportPublic(Path file) {
        act(() -> keyService.exportPublic(file, ui.actor()), "keys.exported");
    }

    public void importKey(Path file) {
        act(() -> general.get() ? keyService.importStation(file, ui.actor())
                : keyService.importGeneral(file, ui.actor()), "keys.imported");
    }

    private record Outcome(KeyInfo done, List<KeyRow> rows, boolean general, PlainBatches plain) {
    }

    private void act(Callable<KeyInfo> work, String doneKey) {
        ui.background().run(() -> {
            KeyInfo done = work.call();
            boolean isGeneral = stations.current().map(s -> s.mode() == StationMode.GENERAL)
                    .orElse(false);
            return new Outcome(done, keyService.show().stream().map(this::row).toList(), isGeneral,
                    isGeneral ? imports.plainBatches() : PlainBatches.UNTIL_KEYS);
        }, o -> {
                    general.set(o.general());
                    plainBatches.set(o.plain());
                    keys.setAll(o.rows());
                    if (doneKey != null) {
                        message.done(ui.text(doneKey, o.done().owner(), o.done().fingerprint()));
                    }
                }, error -> {
                    if (KeyUnlock.isLocked(error)) {
                        KeyUnlock.ask(ui, keyService, () -> act(work, doneKey), e -> message.failed(e, ui.messages()));
                    } else {
                        message.failed(error, ui.messages());
                    }
                });
    }

    private KeyRow row(KeyInfo k) {
        String owner = k.name() == null ? k.owner() : k.owner() + " " + k.name();
        return new KeyRow(ui.text("keys.role." + k.role()), owner, k.algorithm(), k.fingerprint());
    }
}
