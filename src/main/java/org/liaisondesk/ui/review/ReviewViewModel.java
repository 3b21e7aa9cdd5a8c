package org.liaisondesk.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.Status;
import org.liaisondesk.search.SimilarityIndex;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.ReviewService;
import org.liaisondesk.service.ReviewService.QueueOrder;
import org.liaisondesk.service.SearchService;
import org.liaisondesk.ui.UiContext;

/**
 * State of the review queue (审阅): the unreviewed opinions in the chosen order, the one under review with its
 * suggested areas, similar opinions and its matter's group, and the deputy's decision being made. Database, search
 * and tagging work runs in the background; results arrive here on the FX thread.
 */
public final class ReviewViewModel {

    /** How many queued opinions are held at a time; the next ones load when these are done. */
    static final int QUEUE_PAGE = 200;
    static final int SIMILAR_SHOWN = 8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final UiContext ui;
    private final ReviewService reviews;
    private final OpinionQueries opinions;
    private final SearchService search;
    private final ObjectProperty<QueueOrder> order = new SimpleObjectProperty<>(QueueOrder.OLDEST);
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty position = new SimpleStringProperty("");
    private final ObservableList<String> suggested = FXCollections.observableArrayList();
    private final ObservableList<Integer> areas = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty urgent = new SimpleBooleanProperty();
    private final ObjectProperty<Handling> handling = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    /** True while the similar opinions and history of the opinion shown are being looked up. */
    private final BooleanProperty detailsLoading = new SimpleBooleanProperty();
    /** True while the status line reports a problem rather than a saved review. */
    private final BooleanProperty problem = new SimpleBooleanProperty();
    private final BooleanProperty applyToGroup = new SimpleBooleanProperty();
    private final StringProperty group = new SimpleStringProperty("");
    private final IntegerProperty groupOthers = new SimpleIntegerProperty();
    private final ObservableList<String> similar = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty(true);

    private final List<Opinion> queue = new ArrayList<>();
    /** The other unreviewed opinions of the current one's matter, once loaded. */
    private List<UUID> groupToReview = List.of();
    private int index;
    private long loadGeneration;

    public ReviewViewModel(UiContext ui, ReviewService reviews, OpinionQueries opinions, SearchService search) {
        this.ui = ui;
        this.reviews = reviews;
        this.opinions = opinions;
        this.search = search;
        order.addListener((o, was, is) -> reload());
    }

    public ObjectProperty<QueueOrder> orderProperty() {
        return order;
    }

    /** "待审阅 37 条". */
    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    /** Number, station, received, channel of the opinion under review. */
    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** "3 / 200" in the loaded part of the queue. */
    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    /** The tagger's areas with the report clause that matched. */
    public ObservableList<String> suggested() {
        return suggested;
    }

    /** The areas the deputy chose, primary first (the first one toggled on). */
    public ObservableList<Integer> areas() {
        return areas;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty urgentProperty() {
        return urgent;
    }

    public ObjectProperty<Handling> handlingProperty() {
        return handling;
    }

    public ReadOnlyBooleanProperty detailsLoadingProperty() {
        return detailsLoading;
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty applyToGroupProperty() {
        return applyToGroup;
    }

    /** "此事项:12 条意见,来自 3 个联络站", empty when the opinion stands alone. */
    public ReadOnlyStringProperty groupProperty() {
        return group;
    }

    /** The other unreviewed opinions of the matter, which "apply to the whole group" also reviews. */
    public ReadOnlyIntegerProperty groupOthersProperty() {
        return groupOthers;
    }

    public ObservableList<String> similar() {
        return similar;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True when nothing is waiting for review. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty;
    }

    public String areaName(int area) {
        return ui.text("area.short." + area);
    }

    public String handlingText(Handling h) {
        return h == null ? ui.text("review.handling.none") : ui.text("handling." + h.code());
    }

    private ReviewService reviews() {
        return reviews;
    }

    /** Loads the first page of the queue in the chosen order and the count, in the background. */
    public void reload() {
        long generation = ++loadGeneration;
        QueueOrder chosen = order.get();
        busy.set(true);
        ui.background().run(() -> new Loaded(reviews().queue(chosen, 0, QUEUE_PAGE).items(),
                reviews().pendingCount()), loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            busy.set(false);
            queue.clear();
            queue.addAll(loaded.items);
            pending.set(ui.text("review.pending", loaded.count));
            index = 0;
            show();
        }, this::failed);
    }

    private record Loaded(List<Opinion> items, long count) {
    }

    public void next() {
        if (index + 1 < queue.size()) {
            index++;
            show();
        }
    }

    public void previous() {
        if (index > 0) {
            index--;
            show();
        }
    }

    /** Toggles an area: switched on it is appended (the first one on is primary), switched off it is removed. */
    public void toggleArea(int area) {
        if (current() == null || area < 1 || area > AreaTag.AREA_COUNT) {
            return;
        }
        if (!areas.remove(Integer.valueOf(area))) {
            areas.add(area);
        }
    }

    public void toggleUrgent() {
        urgent.set(!urgent.get());
    }

    /**
     * Stores the decision for the opinion under review (and for its matter's unreviewed opinions when asked), then
     * moves on to the next one.
     */
    public void confirm() {
        Opinion o = current();
        if (o == null || busy.get()) {
            return;
        }
        if (handling.get() == Handling.REJECTED && reason.get().isBlank()) {
            // Checked here, before anything is saved: the deputy's areas, note and place in the queue all stay.
            problem.set(true);
            status.set(ui.text("review.error.reasonRequired"));
            return;
        }
        ReviewService.Decision decision = new ReviewService.Decision(List.copyOf(areas), note.get(),
                urgent.get() ? Priority.URGENT : Priority.NORMAL, handling.get(),
                handling.get() == Handling.REJECTED ? reason.get() : null);
        List<UUID> others = applyToGroup.get() ? groupToReview : List.of();
        String actor = ui.actor();
        busy.set(true);
        ui.background().run(() -> {
            ReviewService.GroupResult result = reviews().reviewGroup(o.id(), o.revision(), others, decision, actor);
            return new Saved(result.opinion(), result.othersReviewed(), reviews().pendingCount());
        }, done -> {
            busy.set(false);
            problem.set(false);
            // the reviewed opinion stays in place, so P goes back to it to see its history or correct it
            queue.set(queue.indexOf(o), done.opinion);
            queue.removeIf(q -> others.contains(q.id()));
            pending.set(ui.text("review.pending", done.pending));
            status.set(ui.text(done.othersReviewed == 0 ? "review.saved" : "review.savedGroup", o.number(),
                    done.othersReviewed));
            ui.changes().fire();
            int at = queue.indexOf(done.opinion);
            if (at + 1 < queue.size()) {
                index = at + 1;
                show();
            } else if (done.pending > 0) {
                reload();
            } else {
                index = at;
                show();
            }
        }, this::failed);
    }

    private record Saved(Opinion opinion, int othersReviewed, long pending) {
    }

    /** The opinion on screen, null when the queue is done. */
    public java.util.UUID currentId() {
        Opinion o = current();
        return o == null ? null : o.id();
    }

    private Opinion current() {
        return index < queue.size() ? queue.get(index) : null;
    }

    private void show() {
        Opinion o = current();
        empty.set(o == null);
        similar.clear();
        history.clear();
        suggested.clear();
        note.set("");
        urgent.set(false);
        handling.set(null);
        reason.set("");
        applyToGroup.set(false);
        group.set("");
        groupToReview = List.of();
        groupOthers.set(0);
        if (o == null) {
            heading.set("");
            text.set(ui.text("review.empty"));
            position.set("");
            areas.clear();
            return;
        }
        heading.set(ui.text("review.heading", o.number(), o.station(), WHEN.format(o.receivedAt()),
                ui.text("channel." + o.channel().code()), ui.text("status." + o.status().code())));
        text.set(o.text());
        position.set(ui.text("review.position", index + 1, queue.size()));
        areas.setAll(o.areas());
        suggested.setAll(o.tags().stream().map(t -> areaName(t.area())
                + (t.clause() == null ? "" : ":" + t.clause())).toList());
        if (suggested.isEmpty()) {
            suggested.add(ui.text("area.short.none"));
        }
        loadDetails(o);
    }

    /**
     * Similar opinions; the matter: the opinions a clerk linked to it and those saying nearly the same (at least
     * {@link SearchService#SAME_MATTER}, not chained: chaining joins thousands of everyday opinions into one); the
     * stored review (a re-review starts from it) and the history, for {@code o}.
     */
    private void loadDetails(Opinion o) {
        detailsLoading.set(true);
        ui.background().run(() -> {
            List<String> rows = new ArrayList<>();
            Set<UUID> matter = new LinkedHashSet<>(search.sameMatter(o.id()));
            search.sameMatterSimilar(o.id()).forEach(m -> matter.add(m.id()));
            for (SimilarityIndex.Match m : search.similarTo(o.id(), SIMILAR_SHOWN)) {
                if (rows.size() < SIMILAR_SHOWN) {
                    opinions.find(m.id()).ifPresent(s -> rows.add(ui.text("review.similarRow",
                            Math.round(m.score() * 100), s.number(), ui.text("status." + s.status().code()),
                            s.text().replace('\n', ' '))));
                }
            }
            matter.add(o.id());
            Set<String> stations = new HashSet<>();
            List<UUID> toReview = new ArrayList<>();
            for (UUID id : matter) {
                opinions.find(id).filter(m -> !m.deleted()).ifPresent(m -> {
                    stations.add(m.station());
                    if (!m.id().equals(o.id()) && reviews().awaitsReview(m)) {
                        toReview.add(m.id());
                    }
                });
            }
            return new Details(rows, matter.size(), stations.size(), toReview, reviews().review(o.id()),
                    reviews().history(o.id()));
        }, d -> {
            if (current() != o) {
                return;
            }
            detailsLoading.set(false);
            similar.setAll(d.similar);
            group.set(d.matterSize < 2 ? "" : ui.text("review.group", d.matterSize, d.stations));
            groupToReview = d.toReview;
            groupOthers.set(d.toReview.size());
            history.setAll(d.history.stream().map(this::historyRow).toList());
            if (d.review.reviewedAt() != null) {
                note.set(d.review.note() == null ? "" : d.review.note());
                urgent.set(d.review.priority() == Priority.URGENT);
                handling.set(d.review.handling());
                reason.set(d.review.reason() == null ? "" : d.review.reason());
            }
        }, ui.errors()::report);
    }

    private record Details(List<String> similar, int matterSize, int stations, List<UUID> toReview, Review review,
                           List<HistoryEntry> history) {
    }

    private String historyRow(HistoryEntry h) {
        return ui.text("review.historyRow", AT.format(h.at()), h.actor(), ui.text("review.action." + h.action()),
                value(h.action(), h.before()), value(h.action(), h.after()), h.revision());
    }

    private String value(String action, String v) {
        if (v == null || v.isEmpty()) {
            return ui.text("review.value.none");
        }
        return switch (action) {
            case "review", "status" -> Status.fromCode(v).map(s -> ui.text("status." + s.code())).orElse(v);
            case "priority" -> ui.text("priority." + v);
            case "handling" -> ui.text("handling." + v);
            case "areas" -> java.util.Arrays.stream(v.split(",")).map(a -> ui.text("area.short." + a))
                    .collect(Collectors.joining("、"));
            default -> v;
        };
    }

    private void failed(Throwable error) {
        busy.set(false);
        problem.set(true);
        status.set(error instanceof UserFacingException u ? u.localized(ui.messages()) : "");
        ui.errors().report(error);
    }
}
