package org.liaisondesk.ui.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Role;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.Permissions;
import org.liaisondesk.service.TaggingService;
import org.liaisondesk.tagging.SynonymList;
import org.liaisondesk.tagging.Taxonomy;
import org.liaisondesk.ui.ProgressTask;
import org.liaisondesk.ui.UiContext;

/**
 * 任务领域 in the settings: the taxonomy in use, loading a new report, the synonym list, and re-tagging what the
 * tagger tagged. Everything that reads files or the database, or tags, runs in the background.
 */
public final class TaxonomyViewModel {

    private final UiContext ui;
    private final TaggingService tagging;
    private final OpinionService opinions;
    private final ObjectProperty<Taxonomy> taxonomy = new SimpleObjectProperty<>();
    private final StringProperty synonyms = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper retagging = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper mayManage = new ReadOnlyBooleanWrapper();
    private Task<Integer> retag;

    public TaxonomyViewModel(UiContext ui, TaggingService tagging, OpinionService opinions) {
        this.ui = ui;
        this.tagging = tagging;
        this.opinions = opinions;
    }

    public ObjectProperty<Taxonomy> taxonomyProperty() {
        return taxonomy;
    }

    /** The synonym list as its file text, editable. */
    public StringProperty synonymsProperty() {
        return synonyms;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Synonym keys that match no sub-topic, or another warning; empty when none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retaggingProperty() {
        return retagging.getReadOnlyProperty();
    }

    /** 0..1 while re-tagging; -1 while counting. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Only administrators manage the taxonomy; everyone may look at it. */
    public ReadOnlyBooleanProperty mayManageProperty() {
        return mayManage.getReadOnlyProperty();
    }

    /** Reads the taxonomy, the synonym list and who is working (in the background). */
    public void load() {
        ui.background().run(() -> {
            Taxonomy t = tagging.taxonomy();
            SynonymList list = tagging.synonyms();
            return new Loaded(t, list.format(), list.unresolvedKeys(t), ui.role());
        }, this::show);
    }

    private record Loaded(Taxonomy taxonomy, String synonyms, List<String> unresolved, Role role) {
    }

    private void show(Loaded l) {
        taxonomy.set(l.taxonomy());
        synonyms.set(l.synonyms());
        showUnresolved(l.unresolved());
        mayManage.set(Permissions.allows(l.role(), Permissions.Action.MANAGE_TAXONOMY));
    }

    /**
     * HOOK for the window's login: the person at the window as a {@link Role}. Until the login gives people their
     * account's role, the worker chosen at the station counts as its administrator, and a deputy as a deputy.
     */

    private void showUnresolved(List<String> unresolved) {
        warning.set(unresolved.isEmpty() ? "" : ui.text("settings.taxonomy.unresolved", String.join("、", unresolved)));
    }

    /** Makes the report in {@code file} (UTF-8 text) the taxonomy. */
    public void loadReport(Path file) {
        start();
        ui.background().run(() -> tagging.loadReport(readReport(file)), t -> {
            busy.set(false);
            taxonomy.set(t);
            note.set(ui.text("settings.taxonomy.loaded", t.version(), t.title()));
            warning.set("");
        }, this::failed);
    }

    private static String readReport(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserFacingException("settings.taxonomy.error.encoding", e, file);
        } catch (IOException e) {
            throw new UserFacingException("settings.taxonomy.error.read", e, file);
        }
    }

    /** Saves the edited synonym list and retrains; keys that match nothing show as a warning. */
    public void saveSynonyms() {
        String text = synonyms.get();
        start();
        ui.background().run(() -> {
            tagging.saveSynonyms(text);
            return tagging.synonyms().unresolvedKeys(tagging.taxonomy());
        }, unresolved -> {
            busy.set(false);
            note.set(ui.text("settings.synonyms.saved"));
            showUnresolved(unresolved);
        }, this::failed);
    }

    /** Re-tags, in the background with progress, every opinion only the tagger tagged; people's tags stay. */
    public void retag(boolean all) {
        if (retagging.get()) {
            return;
        }
        note.set("");
        String actor = ui.actor();
        retag = new ProgressTask<>(p -> opinions.retag(all, actor, p), null);
        progress.bind(retag.progressProperty());
        retagging.set(true);
        retag.setOnCancelled(e -> {
            retagDone();
            note.set(ui.text("settings.retag.cancelled"));
        });
        ui.background().submit(retag, changed -> {
            retagDone();
            note.set(ui.text("settings.retag.done", changed));
        }, error -> {
            retagDone();
            ui.errors().report(error);
        });
    }

    /** Stops the re-tag after the chunk in hand; what was re-tagged so far stays. */
    public void cancelRetag() {
        if (retag != null) {
            retag.cancel(false);
        }
    }

    private void retagDone() {
        progress.unbind();
        retagging.set(false);
        ui.changes().fire();
    }

    private void start() {
        busy.set(true);
        note.set("");
    }

    private void failed(Throwable error) {
        busy.set(false);
        ui.errors().report(error);
    }
}
