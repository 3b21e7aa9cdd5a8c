package org.liaisondesk.ui.list;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.animation.PauseTransition;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.search.SearchText;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Page;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.service.Masking;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.StatsService;
import org.liaisondesk.ui.StartupProbe;
import org.liaisondesk.ui.UiContext;

/**
 * The opinion list: filters, sort and one page of rows at a time, read in the background. Only a page is ever
 * loaded, so the list opens at once on any number of opinions; sorting happens in SQL.
 */
public final class OpinionListViewModel {

    public static final int PAGE_SIZE = 100;
    private static final int EXCERPT = 60;
    /** Characters before the first match kept in an excerpt that starts later to show it. */
    private static final int LEAD = 8;
    static final int SEARCH_DELAY_MS = 250;

    private final UiContext ui;
    private final OpinionQueries opinions;
    private final OpinionService opinionService;
    private final StatsService stats;
    private final boolean generalStation;
    private final DateTimeFormatter dateTime;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    /** Of the exported opinions on the page shown, those a deputy reviewed (read with the page). */
    private volatile java.util.Set<java.util.UUID> reviewedIds = java.util.Set.of();
    private final ObjectProperty<Channel> channel = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    /** Primary area 1..6, 0 for "no area fits", null for any. */
    private final ObjectProperty<Integer> area = new SimpleObjectProperty<>();
    private final ObjectProperty<String> station = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty recycleBin = new SimpleBooleanProperty();
    private final ObjectProperty<OpinionSort> sort = new SimpleObjectProperty<>(OpinionSort.NEWEST_FIRST);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<OpinionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    /** Answers to older requests are dropped: only the latest filter's page is shown. */
    private long generation;
    private boolean keepPlace;
    private final PauseTransition searchPause = new PauseTransition(javafx.util.Duration.millis(SEARCH_DELAY_MS));

    public OpinionListViewModel(UiContext ui, OpinionQueries opinions, OpinionService opinionService,
                                StatsService stats, StationMode mode) {
        this.ui = ui;
        this.opinions = opinions;
        this.opinionService = opinionService;
        this.stats = stats;
        this.generalStation = mode == StationMode.GENERAL;
        this.dateTime = DateTimeFormatter.ofPattern(ui.text("list.dateTime.pattern"), ui.messages().locale());
        List<Observable> filters = List.of(status, channel, from, to, area, station, recycleBin, sort);
        filters.forEach(f -> f.addListener(o -> firstPage()));
        // The search box asks once typing pauses, not at every keystroke.
        searchPause.setOnFinished(e -> firstPage());
        text.addListener(o -> searchPause.playFromStart());
    }

    public boolean isGeneralStation() {
        return generalStation;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObjectProperty<Channel> channelProperty() {
        return channel;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Integer> areaProperty() {
        return area;
    }

    public ObjectProperty<String> stationProperty() {
        return station;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** True: the recycle bin (deleted opinions, which can be restored). */
    public BooleanProperty recycleBinProperty() {
        return recycleBin;
    }

    public ObjectProperty<OpinionSort> sortProperty() {
        return sort;
    }

    public ObservableList<OpinionRow> rows() {
        return rows;
    }

    /** Stations seen in the opinions (general station only), for the station filter. */
    public ObservableList<String> stations() {
        return stations;
    }

    /** "第 2 / 1,000 页,共 99,987 条". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public int pageCount() {
        return (int) Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean hasNext() {
        return page.get() + 1 < pageCount();
    }

    public boolean hasPrevious() {
        return page.get() > 0;
    }

    /** The filter as the store reads it. */
    public OpinionFilter filter() {
        String t = text.get() == null ? "" : text.get().strip();
        return new OpinionFilter(status.get(), channel.get(), from.get(), to.get(), area.get(),
                generalStation ? station.get() : null, t.isEmpty() ? null : t, recycleBin.get());
    }

    public void clearFilters() {
        status.set(null);
        channel.set(null);
        from.set(null);
        to.set(null);
        area.set(null);
        station.set(null);
        text.set("");
    }

    public void firstPage() {
        showPage(0);
    }

    public void nextPage() {
        if (hasNext()) {
            showPage(page.get() + 1);
        }
    }

    public void previousPage() {
        if (hasPrevious()) {
            showPage(page.get() - 1);
        }
    }

    public void lastPage() {
        showPage(pageCount() - 1);
    }

    /** Reads the current page again (after a change elsewhere). */
    public void reload() {
        showPage(page.get(), true);
    }

    private void showPage(int index) {
        showPage(index, false);
    }

    /** {@code keepPlace}: the same page read again, so the view stays on the row the clerk was on. */
    private void showPage(int index, boolean keepPlace) {
        long request = ++generation;
        OpinionFilter f = filter();
        OpinionSort s = sort.get();
        loading.set(true);
        ui.background().run(() -> {
            Page<Opinion> found = opinions.page(f, s, index * PAGE_SIZE, PAGE_SIZE);
            reviewedIds = stats.reviewedAmong(found.items().stream()
                    .filter(o -> o.status() == Status.EXPORTED).map(Opinion::id).toList());
            return found;
        }, result -> {
            if (request != generation) {
                return;
            }
            if (result.items().isEmpty() && result.total() > 0 && index > 0) {
                // The page emptied (deleted elsewhere, or a shorter result): show the last one that has rows.
                showPage((int) ((result.total() - 1) / PAGE_SIZE), keepPlace);
                return;
            }
            show(index, result, keepPlace);
        }, error -> {
            if (request == generation) {
                loading.set(false);
            }
            ui.errors().report(error);
        });
        if (generalStation && stations.isEmpty()) {
            ui.background().run(() -> opinions.stations(),
                    stations::setAll);
        }
    }

    private void show(int index, Page<Opinion> result, boolean keepPlace) {
        this.keepPlace = keepPlace;
        page.set(index);
        total.set(result.total());
        rows.setAll(result.items().stream().map(this::row).toList());
        pageText.set(ui.text("list.page", index + 1, pageCount(), result.total()));
        loading.set(false);
        StartupProbe.listReady();
    }

    /** True while the rows shown are the same page read again (after an edit, delete or restore). */
    public boolean keepsPlace() {
        return keepPlace;
    }

    public void delete(OpinionRow row) {
        ui.background().run(() -> {
            opinionService.delete(row.opinion().id(), ui.actor());
            return row;
        }, r -> changed());
    }

    public void restore(OpinionRow row) {
        ui.background().run(() -> {
            opinionService.restore(row.opinion().id(), ui.actor());
            return row;
        }, r -> changed());
    }

    private void changed() {
        reload();
        ui.changes().fire();
    }

    /**
     * The status as the list shows it: an exported opinion still says whether a deputy reviewed it (#14.13: export
     * is a fact about the batch, not the opinion's handling).
     */
    String statusText(Opinion o) {
        if (o.status() != Status.EXPORTED) {
            return ui.text("status." + o.status().code());
        }
        return ui.text(reviewedIds.contains(o.id()) ? "ledger.list.exportedReviewed" : "ledger.list.exportedUnreviewed");
    }

    OpinionRow row(Opinion o) {
        Messages m = ui.messages();
        String query = filter().textContains();
        String excerpt = excerpt(o.text(), query);
        String areas = o.areas().isEmpty() ? m.get("area.short.none")
                : o.areas().stream().map(a -> m.get("area.short." + a)).collect(Collectors.joining(m.get("list.areaSeparator")));
        return new OpinionRow(o, o.number(), dateTime.format(o.receivedAt()), m.get("channel." + o.channel().code()),
                areas, statusText(o), excerpt, masked(o.constituent()),
                o.station(), query == null ? List.of(new SearchText.Piece(excerpt, false))
                : SearchText.highlight(excerpt, query));
    }

    /**
     * The start of the text, or, when the first match of {@code query} lies further on, the part from a few
     * characters before it, so the match shows in a narrow column.
     */
    public static String excerpt(String text, String query) {
        String one = text.strip().replaceAll("\\s+", " ");
        List<SearchText.Span> spans = query == null ? List.of() : SearchText.spans(one, query);
        int start = spans.isEmpty() || spans.get(0).start() <= LEAD ? 0 : spans.get(0).start() - LEAD;
        if (start == 0 && one.length() <= EXCERPT) {
            return one;
        }
        int end = Math.min(one.length(), start + EXCERPT);
        return (start > 0 ? "…" : "") + one.substring(start, end) + (end < one.length() ? "…" : "");
    }

    /**
     * The list is often seen by visitors at the desk: name and phone always show masked here ({@code 王**
     * 138****1234}); the full details are in the editor, for the roles that may edit.
     */
    String masked(Constituent who) {
        if (who.name() == null || who.name().isBlank()) {
            return ui.text("list.anonymous");
        }
        Constituent shown = Masking.mask(who);
        return shown.phone() == null || shown.phone().isBlank() ? shown.name() : shown.name() + " " + shown.phone();
    }
}
