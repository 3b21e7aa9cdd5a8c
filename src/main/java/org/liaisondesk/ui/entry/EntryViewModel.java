package org.liaisondesk.ui.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import java.util.UUID;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.service.DraftService;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.SearchService;
import org.liaisondesk.service.TaggingService;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.Problem;
import org.liaisondesk.service.ValidationException;
import org.liaisondesk.ui.FieldProblems;
import org.liaisondesk.ui.UiContext;

/**
 * The entry form's state: one opinion being typed (new) or changed (edit). Validation uses {@link InputRules}, the
 * same rules the command line applies; a new opinion's half-typed state is kept as a draft about a second after
 * the last keystroke. Other features may listen to {@link #textProperty()} (the tagger's live suggestions).
 */
public final class EntryViewModel {

    static final Duration DRAFT_DELAY = Duration.ofSeconds(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final UiContext ui;
    private final OpinionService opinions;
    private final SearchService search;
    private final TaggingService tagging;
    private final DraftService drafts;
    private final ObjectMapper json;
    private final Clock clock;
    private final InputRules rules;
    private final Opinion editing;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>(Channel.VISIT);
    private final ObjectProperty<LocalDate> receivedDate = new SimpleObjectProperty<>();
    private final StringProperty receivedTime = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final BooleanProperty consent = new SimpleBooleanProperty();
    private final StringProperty receivedBy = new SimpleStringProperty("");
    private final FieldProblems problems;
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private Consumer<Opinion> onSaved = o -> { };
    /** True while the program itself fills the fields: that is not typing, so no draft and no "touched". */
    private boolean filling;
    private Future<?> pendingDraft;
    /** The edited opinion's fields as opened, to tell whether closing loses anything. */
    private EntryDraft asLoaded;
    private final SuggestionsViewModel suggestions;
    /** True after "no task area, save anyway?" was asked; the next save goes ahead. */
    private final ReadOnlyBooleanWrapper noAreaAsked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cut = new ReadOnlyBooleanWrapper();

    /**
     * {@code editing}: an existing opinion to change, or null for a new one; {@code suggestions}: the side panel's
     * model for the same opinion.
     */
    public EntryViewModel(UiContext ui, OpinionService opinions, SearchService search, TaggingService tagging,
                          DraftService drafts, ObjectMapper json, Clock clock, SuggestionsViewModel suggestions,
                          Opinion editing) {
        this.ui = ui;
        this.opinions = opinions;
        this.search = search;
        this.tagging = tagging;
        this.drafts = drafts;
        this.json = json;
        this.clock = clock;
        this.editing = editing;
        this.rules = new InputRules(clock);
        this.problems = new FieldProblems(ui.messages());
        this.suggestions = suggestions;
        text.addListener((o, old, now) -> suggestions.textChanged(now));
        suggestions.accepted().addListener((ListChangeListener<Integer>) c -> noAreaAsked.set(false));
        if (editing == null) {
            clearFields();
            // Received-by follows a change of user unless the clerk typed someone else.
            ui.currentUser().addListener((obs, old, now) -> {
                if (Objects.equals(receivedBy.get(), old)) {
                    receivedBy.set(now);
                }
            });
        } else {
            fill(editing);
            suggestions.acceptAll(editing.tags());
            asLoaded = snapshot();
        }
        List<Observable> fields = List.of(text, channel, receivedDate, receivedTime, name, phone, address, consent,
                receivedBy);
        fields.forEach(f -> f.addListener(o -> changed()));
        problems.update(check());
    }

    public boolean isEditing() {
        return editing != null;
    }

    /** The number of the opinion being changed, or null for a new one. */
    public String editingNumber() {
        return editing == null ? null : editing.number();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public ObjectProperty<LocalDate> receivedDateProperty() {
        return receivedDate;
    }

    /** "HH:mm", typed. */
    public StringProperty receivedTimeProperty() {
        return receivedTime;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    public StringProperty receivedByProperty() {
        return receivedBy;
    }

    /** The live task-area suggestions and similar opinions for the text. */
    public SuggestionsViewModel suggestions() {
        return suggestions;
    }

    public FieldProblems problems() {
        return problems;
    }

    /** "已保存 GS-007-2023-000123" after a save. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** True while the confirmation line asks "no task area, save anyway?". */
    public ReadOnlyBooleanProperty askingProperty() {
        return noAreaAsked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public void setOnSaved(Consumer<Opinion> onSaved) {
        this.onSaved = onSaved;
    }

    private void changed() {
        if (filling) {
            return;
        }
        problems.update(check());
        if (editing == null) {
            scheduleDraft();
        }
    }

    /** Every problem of the input as typed: the shared rules, plus a time that does not parse. */
    List<Problem> check() {
        List<Problem> out = new ArrayList<>();
        Optional<LocalDateTime> at = receivedAt();
        if (receivedDate.get() != null && at.isEmpty()) {
            out.add(new Problem(Problem.Field.RECEIVED_AT, "entry.error.time"));
        }
        out.addAll(rules.check(input(at.orElse(null))));
        return out;
    }

    private Optional<LocalDateTime> receivedAt() {
        if (receivedDate.get() == null) {
            return Optional.empty();
        }
        String t = receivedTime.get() == null ? "" : receivedTime.get().strip().replace('：', ':');
        if (t.isEmpty()) {
            return Optional.of(receivedDate.get().atStartOfDay());
        }
        try {
            return Optional.of(receivedDate.get().atTime(LocalTime.parse(t, TIME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    OpinionInput input(LocalDateTime at) {
        return new OpinionInput(at, channel.get(), new Constituent(name.get(), phone.get(), address.get(),
                consent.get()), receivedBy.get(), text.get(), null);
    }

    /** Validates, then records (or edits) in the background; problems show inline and nothing is saved. */
    public void save() {
        if (saving.get()) {
            return;
        }
        List<Problem> found = check();
        problems.update(found);
        if (!found.isEmpty()) {
            problems.showAll();
            return;
        }
        cancelDraft();
        saving.set(true);
        String actor = ui.actor();
        List<AreaTag> tags = tagsToSave(actor);
        OpinionInput plain = input(receivedAt().orElseThrow());
        OpinionInput in = new OpinionInput(plain.receivedAt(), plain.channel(), plain.constituent(),
                plain.receivedBy(), plain.text(), tags);
        boolean ask = !noAreaAsked.get() && tags.isEmpty() && (editing == null || editing.tags().isEmpty());
        UUID sameAs = suggestions.sameMatterProperty().get();
        ui.background().run(() -> {
            if (ask && opinions.autoTags(in.text()).isEmpty()) {
                return null;
            }
            Opinion saved = editing == null
                    ? opinions.record(in, actor)
                    : opinions.edit(editing.id(), editing.revision(), in, actor);
            if (sameAs != null) {
                search.link(saved.id(), sameAs, actor);
            }
            return saved;
        }, saved -> {
            if (saved == null) {
                askNoArea();
            } else {
                saved(saved, !tags.isEmpty());
            }
        }, this::saveFailed);
    }

    /**
     * The clerk's accepted areas as their tags; for an edit whose accepted areas are the person-chosen ones it already
     * had, those tags as they are (who set them stays). Empty: the service tags (new) or keeps the tags (edit).
     */
    private List<AreaTag> tagsToSave(String actor) {
        List<AreaTag> chosen = suggestions.clerkTags(actor);
        if (editing != null && !chosen.isEmpty() && editing.tags().stream().noneMatch(t -> t.source() == TagSource.AUTO)
                && editing.areas().equals(suggestions.accepted())) {
            return editing.tags();
        }
        return chosen;
    }

    /** The opinion would be saved without any task area: say so once; the next save goes ahead. */
    private void askNoArea() {
        saving.set(false);
        noAreaAsked.set(true);
        confirmation.set(ui.text("entry.noArea.ask"));
        if (editing == null) {
            scheduleDraft();
        }
    }

    private void saved(Opinion opinion, boolean chosenByClerk) {
        saving.set(false);
        noAreaAsked.set(false);
        if (chosenByClerk) {
            ui.background().run(() -> tagging.retrain(), t -> { });
        }
        cut.set(false);
        confirmation.set(ui.text(editing == null ? "entry.saved" : "entry.changed", opinion.number()));
        if (editing == null) {
            clearFields();
            discardDraft();
        }
        ui.changes().fire();
        onSaved.accept(opinion);
    }

    private void saveFailed(Throwable error) {
        saving.set(false);
        if (error instanceof ValidationException v) {
            problems.update(v.problems());
            problems.showAll();
        } else {
            ui.errors().report(error);
        }
        if (editing == null) {
            scheduleDraft();
        }
    }

    /**
     * A paste would make the text longer than an opinion may be: only {@code kept} characters of it went in. Said at
     * once, not at Ctrl+S, so the clerk can check where the text now ends.
     */
    public void textCut(int kept, int dropped) {
        cut.set(true);
        confirmation.set(ui.text("entry.pasteCut", InputRules.MAX_TEXT, kept, dropped));
    }

    /** True while the confirmation line warns that a paste was cut. */
    public ReadOnlyBooleanProperty cutProperty() {
        return cut.getReadOnlyProperty();
    }

    /** True when the opinion being edited has changes that closing the editor would throw away. */
    public boolean hasUnsavedEdits() {
        return editing != null && !snapshot().equals(asLoaded);
    }

    /** True when a new opinion has typed content that a "new" would throw away. */
    public boolean hasTypedContent() {
        return editing == null && !snapshot().nothingTyped();
    }

    /** Ctrl+N: an empty form for the next opinion; the draft goes too. */
    public void startNew() {
        cut.set(false);
        confirmation.set("");
        clearFields();
        discardDraft();
    }

    private void clearFields() {
        LocalDateTime now = LocalDateTime.now(clock);
        filling = true;
        text.set("");
        // A run of phone calls or letters keeps its channel from one opinion to the next.
        if (channel.get() == null) {
            channel.set(Channel.VISIT);
        }
        receivedDate.set(now.toLocalDate());
        receivedTime.set(now.format(DateTimeFormatter.ofPattern("HH:mm")));
        name.set("");
        phone.set("");
        address.set("");
        consent.set(false);
        receivedBy.set(ui.actor());
        filling = false;
        suggestions.clear();
        problems.update(check());
        problems.reset();
    }

    private void fill(Opinion o) {
        filling = true;
        text.set(o.text());
        channel.set(o.channel());
        receivedDate.set(o.receivedAt().toLocalDate());
        receivedTime.set(o.receivedAt().format(DateTimeFormatter.ofPattern("HH:mm")));
        name.set(nullToEmpty(o.constituent().name()));
        phone.set(nullToEmpty(o.constituent().phone()));
        address.set(nullToEmpty(o.constituent().address()));
        consent.set(o.constituent().consentToContact());
        receivedBy.set(nullToEmpty(o.receivedBy()));
        filling = false;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // --- draft -------------------------------------------------------------------------------------------------

    public EntryDraft snapshot() {
        return new EntryDraft(text.get(), channel.get() == null ? null : channel.get().code(),
                receivedDate.get() == null ? null : receivedDate.get().toString(), receivedTime.get(), name.get(),
                phone.get(), address.get(), consent.get(), receivedBy.get());
    }

    /** Puts a kept draft back into the form. */
    public void restore(EntryDraft d) {
        filling = true;
        text.set(nullToEmpty(d.text()));
        channel.set(d.channel() == null ? null : Channel.fromCode(d.channel()).orElse(Channel.VISIT));
        receivedDate.set(parseDate(d.receivedDate()));
        receivedTime.set(nullToEmpty(d.receivedTime()));
        name.set(nullToEmpty(d.name()));
        phone.set(nullToEmpty(d.phone()));
        address.set(nullToEmpty(d.address()));
        consent.set(d.consent());
        receivedBy.set(nullToEmpty(d.receivedBy()));
        filling = false;
        problems.update(check());
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Looks for a draft left by the last session; {@code offer} runs on the FX thread when there is one. */
    public void findDraft(Consumer<EntryDraft> offer) {
        ui.background().run(this::loadDraft, found -> found.ifPresent(offer));
    }

    private Optional<EntryDraft> loadDraft() {
        return drafts.load().flatMap(this::parseDraft).filter(d -> !d.nothingTyped());
    }

    /** A draft that no longer reads (written by another version) is not worth an error: it is dropped. */
    private Optional<EntryDraft> parseDraft(String content) {
        try {
            return Optional.of(json.readValue(content, EntryDraft.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public void discardDraft() {
        cancelDraft();
        pendingDraft = ui.background().later(Duration.ZERO, drafts::clear);
    }

    private void scheduleDraft() {
        cancelDraft();
        EntryDraft d = snapshot();
        pendingDraft = ui.background().later(DRAFT_DELAY, () -> storeDraft(d));
    }

    private void cancelDraft() {
        if (pendingDraft != null) {
            pendingDraft.cancel(false);
        }
    }

    private void storeDraft(EntryDraft d) {
        if (d.nothingTyped()) {
            drafts.clear();
            return;
        }
        try {
            drafts.save(json.writeValueAsString(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write draft", e);
        }
    }
}
