package org.liaisondesk.ui.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.search.SimilarityIndex;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.SearchService;
import org.liaisondesk.service.TaggingService;
import org.liaisondesk.tagging.Suggestion;
import org.liaisondesk.tagging.Tagger;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.list.OpinionListViewModel;

/**
 * The entry form's live help while the clerk types: the tagger's task-area proposals, the areas the clerk accepted
 * (the first one primary), and existing opinions that may raise the same matter. Both run in the background once
 * typing pauses: the areas after {@link #AREAS_DEBOUNCE_MS} (tagging takes microseconds, so the chips follow the
 * typing), the similar opinions after {@link #SIMILAR_DEBOUNCE_MS} (a database look-up per pause). A result for an
 * older text never replaces a newer one.
 */
public final class SuggestionsViewModel {

    /** How much of the text the suggestions look at. */
    static final int SUGGESTION_CHARS = 2_000;

    static final int AREAS_DEBOUNCE_MS = 30;
    static final int SIMILAR_DEBOUNCE_MS = 150;
    static final int SIMILAR_LIMIT = 5;

    /** One existing opinion close to the text being typed. */
    public record Similar(UUID id, String number, LocalDate received, String excerpt, double score) {
    }

    private record Areas(List<Suggestion> suggestions, String taxonomyVersion) {
    }

    private final UiContext ui;
    private final SearchService search;
    private final TaggingService tagging;
    private final OpinionService opinions;
    private final ObservableList<Suggestion> proposed = FXCollections.observableArrayList();
    private final ObservableList<Integer> accepted = FXCollections.observableArrayList();
    private final ObservableList<Similar> similar = FXCollections.observableArrayList();
    private final ObjectProperty<UUID> sameMatter = new SimpleObjectProperty<>();
    private final PauseTransition areasPause = new PauseTransition(javafx.util.Duration.millis(AREAS_DEBOUNCE_MS));
    private final PauseTransition similarPause =
            new PauseTransition(javafx.util.Duration.millis(SIMILAR_DEBOUNCE_MS));
    private final UUID self;
    private String text = "";
    private String taxonomyVersion;
    private long asked;
    private boolean indexRequested;

    /** {@code self}: the opinion being edited (left out of the similar ones), or null for a new one. */
    public SuggestionsViewModel(UiContext ui, SearchService search, TaggingService tagging, OpinionService opinions,
                                UUID self) {
        this.ui = ui;
        this.search = search;
        this.tagging = tagging;
        this.opinions = opinions;
        this.self = self;
        areasPause.setOnFinished(e -> lookUpAreas());
        similarPause.setOnFinished(e -> lookUpSimilar());
    }

    /** The tagger's proposals for the current text, best first. */
    public ObservableList<Suggestion> proposed() {
        return proposed;
    }

    /** The areas the clerk accepted, primary first. */
    public ObservableList<Integer> accepted() {
        return accepted;
    }

    public ObservableList<Similar> similar() {
        return similar;
    }

    /** The existing opinion the clerk said this one is the same matter as, or null. */
    public ObjectProperty<UUID> sameMatterProperty() {
        return sameMatter;
    }

    /** Loads the similarity index in the background (seconds on a large database), once. */
    public void preload() {
        if (!indexRequested) {
            indexRequested = true;
            ui.background().run(() -> search.similarTo("", 1), m -> { });
        }
    }

    /** The text changed: look again after a short pause. */
    public void textChanged(String now) {
        String all = now == null ? "" : now;
        // The start of an opinion says what it is about; a pasted letter's tail would only cost time per keystroke.
        text = all.length() > SUGGESTION_CHARS ? all.substring(0, SUGGESTION_CHARS) : all;
        asked++;
        areasPause.playFromStart();
        similarPause.playFromStart();
    }

    /** Asked apart from the similar opinions: the chips need not wait for the similarity index to load. */
    private void lookUpAreas() {
        long ticket = asked;
        String t = text;
        ui.background().run(() -> areas(t), result -> {
            if (ticket == asked) {
                proposed.setAll(result.suggestions());
                taxonomyVersion = result.taxonomyVersion();
            }
        });
    }

    private void lookUpSimilar() {
        long ticket = asked;
        String t = text;
        ui.background().run(() -> similar(t), result -> {
            if (ticket == asked) {
                showSimilar(result);
            }
        });
    }

    private Areas areas(String t) {
        Tagger tagger = tagging.tagger();
        return new Areas(t.isBlank() ? List.of() : tagger.suggest(t), tagger.taxonomyVersion());
    }

    private List<Similar> similar(String t) {
        List<Similar> close = new ArrayList<>();
        if (t.isBlank()) {
            return close;
        }
        for (SimilarityIndex.Match m : search.similarTo(t, SIMILAR_LIMIT + 1)) {
            if (!m.id().equals(self) && close.size() < SIMILAR_LIMIT) {
                opinions.find(m.id()).ifPresent(o -> close.add(similar(o, m.score())));
            }
        }
        return close;
    }

    private static Similar similar(Opinion o, double score) {
        return new Similar(o.id(), o.number(), o.receivedAt().toLocalDate(),
                OpinionListViewModel.excerpt(o.text(), null), score);
    }

    private void showSimilar(List<Similar> found) {
        similar.setAll(found);
        if (sameMatter.get() != null && found.stream().noneMatch(f -> f.id().equals(sameMatter.get()))) {
            sameMatter.set(null);
        }
    }

    /** Alt+N or a click: accepts area {@code area}, or takes it back when already accepted. */
    public void toggle(int area) {
        if (accepted.contains(area)) {
            accepted.remove(Integer.valueOf(area));
        } else {
            accepted.add(area);
        }
    }

    /** Makes an accepted (or not yet accepted) area the primary one. */
    public void makePrimary(int area) {
        accepted.remove(Integer.valueOf(area));
        accepted.add(0, area);
    }

    /** Marks (or unmarks) an existing opinion as the same matter as this one. */
    public void toggleSameMatter(UUID id) {
        sameMatter.set(Objects.equals(sameMatter.get(), id) ? null : id);
    }

    /** Alt+L: marks the closest opinion as the same matter, then the next one, ..., then none again. */
    public void cycleSameMatter() {
        int at = -1;
        for (int i = 0; i < similar.size(); i++) {
            if (similar.get(i).id().equals(sameMatter.get())) {
                at = i;
            }
        }
        sameMatter.set(at + 1 < similar.size() ? similar.get(at + 1).id() : null);
    }

    /** The suggestion for {@code area} in the current proposals, if the tagger made one. */
    public Suggestion proposalFor(int area) {
        return proposed.stream().filter(s -> s.area() == area).findFirst().orElse(null);
    }

    /**
     * The accepted areas as the clerk's tags (the first primary; sub-topic and clause from the tagger's proposal when
     * it made one), or empty when the clerk accepted nothing: then the service tags automatically.
     */
    public List<AreaTag> clerkTags(String actor) {
        List<AreaTag> tags = new ArrayList<>();
        String version = taxonomyVersion != null ? taxonomyVersion : tagging.tagger().taxonomyVersion();
        for (int area : accepted) {
            Suggestion s = proposalFor(area);
            tags.add(new AreaTag(area, s == null ? null : s.subtopicId(), s == null ? null : s.clause(),
                    tags.isEmpty(), 1.0, TagSource.CLERK, actor, version));
        }
        return tags;
    }

    /** Puts an opinion's tags back as accepted (editing); the tagger's own tags show as proposals instead. */
    public void acceptAll(List<AreaTag> tags) {
        accepted.setAll(tags.stream().filter(t -> t.source() != TagSource.AUTO)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary())).map(AreaTag::area).toList());
    }

    /** Ready for the next opinion. */
    public void clear() {
        accepted.clear();
        sameMatter.set(null);
        textChanged("");
    }
}
