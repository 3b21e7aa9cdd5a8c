package org.liaisondesk.ui.list;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.scene.shape.Rectangle;
import org.liaisondesk.search.SearchText;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Status;
import org.liaisondesk.ui.Choice;
import org.liaisondesk.service.Permissions;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.entry.EntryView;
import org.liaisondesk.ui.print.PrintView;

/**
 * The opinion list: filters on top, one page of the table, page buttons below. Enter or a double click edits the
 * selected opinion, Delete moves it to the recycle bin (after asking); the recycle bin lists them for restoring.
 */
public final class OpinionListView implements Screen {

    private final UiContext ui;
    private final OpinionListViewModel vm;
    private final VBox root = new VBox();
    private final TableView<OpinionRow> table = new TableView<>();
    private final TextField search = new TextField();
    private boolean shownBefore;
    /** The row the clerk was on, kept across the reload that follows an edit, delete or restore. */
    private UUID keptId;
    private int keptIndex;
    private final PrintView printing;

    public OpinionListView(UiContext ui) {
        this.ui = ui;
        this.vm = ui.services().list(ui);
        this.printing = new PrintView(ui, this::window);
        root.getStyleClass().addAll("screen", "list");
        root.setId("list");
        Label title = new Label(ui.text("list.title"));
        title.getStyleClass().add("screen-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(title, filters(), table(), pager());
    }

    @Override
    public Parent root() {
        return root;
    }

    /** Ctrl+P: the reception register of the selected opinion. */
    @Override
    public boolean print() {
        OpinionRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || vm.recycleBinProperty().get()) {
            return false;
        }
        printing.register(row.opinion().id());
        return true;
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        search.selectAll();
        return true;
    }

    /** Shown again: other screens may have saved or deleted since, so the page is read again. */
    @Override
    public void onShown() {
        if (shownBefore) {
            vm.reload();
        } else {
            shownBefore = true;
            vm.firstPage();
        }
        Platform.runLater(table::requestFocus);
    }

    private FlowPane filters() {
        ComboBox<Choice<Status>> status = Choice.comboBox(Choice.of(ui.text("list.filter.anyStatus"),
                List.of(Status.values()), s -> ui.text("status." + s.code())), null);
        status.setId("filter-status");
        status.valueProperty().addListener((o, old, now) -> vm.statusProperty().set(Choice.valueOf(status)));
        ComboBox<Choice<Channel>> channel = Choice.comboBox(Choice.of(ui.text("list.filter.anyChannel"),
                List.of(Channel.values()), c -> ui.text("channel." + c.code())), null);
        channel.setId("filter-channel");
        channel.valueProperty().addListener((o, old, now) -> vm.channelProperty().set(Choice.valueOf(channel)));
        List<Integer> areaValues = new ArrayList<>();
        for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
            areaValues.add(a);
        }
        areaValues.add(0);
        ComboBox<Choice<Integer>> area = Choice.comboBox(Choice.of(ui.text("list.filter.anyArea"), areaValues,
                a -> ui.text("area.short." + a)), null);
        area.setId("filter-area");
        area.valueProperty().addListener((o, old, now) -> vm.areaProperty().set(Choice.valueOf(area)));
        DatePicker from = DateFields.picker(ui, "filter-from", "list.filter.from", vm.fromProperty());
        from.setPrefWidth(140);
        DatePicker to = DateFields.picker(ui, "filter-to", "list.filter.to", vm.toProperty());
        to.setPrefWidth(140);
        TextField text = search;
        text.setId("filter-text");
        text.setPromptText(ui.text("list.filter.text"));
        text.setPrefColumnCount(14);
        text.textProperty().bindBidirectional(vm.textProperty());
        ToggleButton bin = new ToggleButton(ui.text("list.recycleBin"));
        bin.setId("filter-recycle-bin");
        bin.selectedProperty().bindBidirectional(vm.recycleBinProperty());
        Button clear = new Button(ui.text("list.filter.clear"));
        clear.setId("filter-clear");
        clear.setOnAction(e -> {
            vm.clearFilters();
            List.of(status, channel, area).forEach(b -> b.getSelectionModel().selectFirst());
        });

        FlowPane bar = new FlowPane(status, channel, area, from, to, text);
        bar.getStyleClass().add("filter-bar");
        if (vm.isGeneralStation()) {
            ComboBox<Choice<String>> station = Choice.comboBox(Choice.of(ui.text("list.filter.anyStation"),
                    List.of(), s -> s), null);
            station.setId("filter-station");
            vm.stations().addListener((ListChangeListener<String>) c -> {
                Choice<String> chosen = station.getValue();
                station.getItems().setAll(Choice.of(ui.text("list.filter.anyStation"), vm.stations(), s -> s));
                Choice.select(station, chosen == null ? null : chosen.value());
            });
            station.valueProperty().addListener((o, old, now) -> vm.stationProperty().set(Choice.valueOf(station)));
            bar.getChildren().add(2, station);
        }
        bar.getChildren().addAll(bin, clear);
        return bar;
    }

    private TableView<OpinionRow> table() {
        table.setId("opinion-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label(ui.text("list.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OpinionRow, String> received = column("list.col.received", 175, OpinionRow::received,
                OpinionSort.Field.RECEIVED_AT);
        table.getColumns().add(column("list.col.number", 165, OpinionRow::number, OpinionSort.Field.NUMBER));
        if (vm.isGeneralStation()) {
            table.getColumns().add(column("list.col.station", 90, OpinionRow::station, OpinionSort.Field.STATION));
        }
        table.getColumns().addAll(List.of(received,
                column("list.col.channel", 80, OpinionRow::channel, OpinionSort.Field.CHANNEL),
                column("list.col.areas", 170, OpinionRow::areas, OpinionSort.Field.AREA),
                column("list.col.status", 80, OpinionRow::status, OpinionSort.Field.STATUS),
                column("list.col.constituent", 100, OpinionRow::constituent, null),
                highlightedText()));
        // Sorting is the database's job (the table holds one page): a header click only changes the query.
        // Unsorted (the third click) is the list's natural order, newest first.
        table.setSortPolicy(t -> {
            vm.sortProperty().set(currentSort());
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<OpinionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            OpinionRow selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && vm.recycleBinProperty().get()) {
                e.consume();
                if (ui.allows(Permissions.Action.EDIT)) {
                    vm.restore(selected);
                }
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                edit(selected);
            } else if (e.getCode() == KeyCode.DELETE && !vm.recycleBinProperty().get()) {
                e.consume();
                delete(selected);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                keptId = is.opinion().id();
                keptIndex = table.getSelectionModel().getSelectedIndex();
            }
        });
        vm.rows().addListener((ListChangeListener<OpinionRow>) c -> {
            if (!vm.rows().isEmpty() && table.getSelectionModel().isEmpty()) {
                // Back on the row the clerk was on; after a delete, on the row that took its place.
                int at = vm.keepsPlace() ? keptIndex : 0;
                for (int i = 0; i < vm.rows().size(); i++) {
                    if (vm.rows().get(i).opinion().id().equals(keptId)) {
                        at = i;
                    }
                }
                at = Math.min(Math.max(at, 0), vm.rows().size() - 1);
                table.getSelectionModel().select(at);
                table.getFocusModel().focus(at);
                table.scrollTo(Math.max(0, at - 3));
            }
        });
        return table;
    }

    /** The excerpt with the searched words highlighted. */
    private TableColumn<OpinionRow, String> highlightedText() {
        TableColumn<OpinionRow, String> c = column("list.col.text", 340, OpinionRow::excerpt, null);
        c.setCellFactory(col -> new TableCell<>() {
            {
                // One line like the other columns: what does not fit is cut off at the cell's edge.
                Rectangle clip = new Rectangle();
                clip.widthProperty().bind(widthProperty());
                clip.heightProperty().bind(heightProperty());
                setClip(clip);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                OpinionRow row = empty ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                HBox flow = new HBox();
                flow.getStyleClass().add("excerpt");
                for (SearchText.Piece p : row.excerptPieces()) {
                    Text t = new Text(p.text());
                    t.getStyleClass().add(p.match() ? "search-match" : "excerpt-text");
                    flow.getChildren().add(t);
                }
                setGraphic(flow);
            }
        });
        return c;
    }

    private OpinionSort currentSort() {
        if (table.getSortOrder().isEmpty()) {
            return OpinionSort.NEWEST_FIRST;
        }
        TableColumn<OpinionRow, ?> c = table.getSortOrder().get(0);
        return new OpinionSort((OpinionSort.Field) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private TableColumn<OpinionRow, String> column(String key, double width, Function<OpinionRow, String> value,
                                                   OpinionSort.Field sortField) {
        TableColumn<OpinionRow, String> c = new TableColumn<>(ui.text(key));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setUserData(sortField);
        c.setSortable(sortField != null);
        return c;
    }

    private HBox pager() {
        Button first = new Button(ui.text("list.page.first"));
        first.setId("page-first");
        first.setOnAction(e -> vm.firstPage());
        Button previous = new Button(ui.text("list.page.previous"));
        previous.setId("page-previous");
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button(ui.text("list.page.next"));
        next.setId("page-next");
        next.setOnAction(e -> vm.nextPage());
        Button last = new Button(ui.text("list.page.last"));
        last.setId("page-last");
        last.setOnAction(e -> vm.lastPage());
        vm.pageTextProperty().addListener((o, old, now) -> {
            first.setDisable(!vm.hasPrevious());
            previous.setDisable(!vm.hasPrevious());
            next.setDisable(!vm.hasNext());
            last.setDisable(!vm.hasNext());
        });
        Label page = new Label();
        page.setId("page-text");
        page.textProperty().bind(vm.pageTextProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("pager-loading");
        loading.visibleProperty().bind(vm.loadingProperty());

        Button edit = new Button(ui.text("list.edit"));
        edit.setId("list-edit");
        edit.setOnAction(e -> selected(this::edit));
        Button delete = new Button(ui.text("list.delete"));
        delete.setId("list-delete");
        delete.setOnAction(e -> selected(this::delete));
        Button restore = new Button(ui.text("list.restore"));
        restore.setId("list-restore");
        restore.setOnAction(e -> selected(vm::restore));
        boolean mayEdit = ui.allows(Permissions.Action.EDIT);
        edit.visibleProperty().bind(vm.recycleBinProperty().not().and(new SimpleBooleanProperty(mayEdit)));
        delete.visibleProperty().bind(vm.recycleBinProperty().not().and(new SimpleBooleanProperty(mayEdit)));
        restore.visibleProperty().bind(vm.recycleBinProperty().and(new SimpleBooleanProperty(mayEdit)));
        List.of(edit, delete, restore).forEach(b -> b.managedProperty().bind(b.visibleProperty()));
        MenuButton print = new MenuButton(ui.text("print.menu"));
        print.setId("list-print");
        MenuItem one = new MenuItem(ui.text("print.register.one"));
        one.setId("list-print-one");
        one.setOnAction(e -> print());
        MenuItem day = new MenuItem(ui.text("print.register.day"));
        day.setId("list-print-day");
        day.setOnAction(e -> selected(r -> printing.registersOf(r.opinion().receivedAt().toLocalDate())));
        MenuItem notice = new MenuItem(ui.text("print.notice.item"));
        notice.setId("list-print-notice");
        notice.setOnAction(e -> printing.notice());
        print.getItems().addAll(one, day, notice);
        print.visibleProperty().bind(vm.recycleBinProperty().not());
        print.disableProperty().bind(printing.model().printingProperty());
        print.managedProperty().bind(print.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(edit, delete, restore, print, printing.status(), gap, loading, first, previous, page,
                next, last);
        bar.getStyleClass().add("pager");
        return bar;
    }

    private void selected(Consumer<OpinionRow> action) {
        OpinionRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    private void edit(OpinionRow row) {
        if (vm.recycleBinProperty().get() || !ui.allows(Permissions.Action.EDIT)) {
            return;
        }
        EntryView.openEditor(ui, window(), row.opinion(), vm::reload);
    }

    private void delete(OpinionRow row) {
        if (!ui.allows(Permissions.Action.EDIT)) {
            return;
        }
        Dialogs.confirm(window(), ui.messages(), ui.text("list.delete.confirm", row.number(), row.excerpt()),
                "list.delete.yes", "ui.cancel", () -> vm.delete(row), () -> { });
    }

    private Window window() {
        return root.getScene().getWindow();
    }
}
