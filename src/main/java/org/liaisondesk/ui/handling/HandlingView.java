package org.liaisondesk.ui.handling;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.liaisondesk.ui.Shown;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.model.Rating;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.handling.HandlingViewModel.Action;
import org.liaisondesk.ui.handling.HandlingViewModel.Row;
import org.liaisondesk.ui.handling.HandlingViewModel.Show;

/**
 * The handling screen (办理), keyboard first: the cases as a table with their supervision colour, O only the
 * overdue and due-soon ones, B the call-back list (回访); A 交办, S 签收, R 答复, F 反馈群众, V 回访, E 延期, C 办结 open a
 * form under the table, Enter (Ctrl+Enter in a text area) saves it, Esc closes it. The view only binds and forwards;
 * {@link HandlingViewModel} does the rest.
 */
public final class HandlingView implements Screen {

    /** The supervision colours of the colour column, styled by handling.css. */
    static final PseudoClass RED = PseudoClass.getPseudoClass("red");
    static final PseudoClass YELLOW = PseudoClass.getPseudoClass("yellow");
    static final PseudoClass GREEN = PseudoClass.getPseudoClass("green");

    private final UiContext ui;
    private final HandlingViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<Row> table = new TableView<>();
    private final ComboBox<HandlingUnit> unit = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final ComboBox<Rating> rating = new ComboBox<>();
    private final DatePicker date;
    private final org.liaisondesk.ui.print.PrintView printing;
    /** An action key moves into a field on key press; the letter typed by the same stroke must not land in it. */
    private boolean swallowTyped;

    public HandlingView(UiContext ui) {
        this.ui = ui;
        this.model = ui.services().handling(ui);
        this.date = DateFields.picker(ui, "handling-date", null, model.dateProperty());
        this.printing = new org.liaisondesk.ui.print.PrintView(ui,
                () -> root.getScene() == null ? null : root.getScene().getWindow());
        build();
        model.reload();
    }

    public HandlingViewModel model() {
        return model;
    }

    @Override
    public Parent root() {
        return root;
    }

    /** Ctrl+P (and P): the 交办单 of the selected case. */
    @Override
    public boolean print() {
        java.util.concurrent.Callable<org.liaisondesk.service.AssignmentSlip.Slip> slip = model.slipOfSelected();
        if (slip == null) {
            return false;
        }
        printing.slip(slip);
        return true;
    }

    public org.liaisondesk.ui.print.PrintView printing() {
        return printing;
    }

    @Override
    public void onShown() {
        model.reload();
        table.requestFocus();
    }

    private void build() {
        root.getStyleClass().add("handling");
        root.getStylesheets().add(HandlingView.class.getResource("handling.css").toExternalForm());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        root.setTop(topBar());
        Label detail = new Label();
        detail.setId("handling-detail");
        detail.getStyleClass().add("handling-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        javafx.scene.control.ListView<String> history = new javafx.scene.control.ListView<>(model.history());
        history.setId("handling-history");
        history.getStyleClass().add("handling-history");
        history.setFocusTraversable(false);
        history.setPrefHeight(150);
        history.visibleProperty().bind(model.historyShownProperty());
        history.managedProperty().bind(history.visibleProperty());
        VBox center = new VBox(table(), detail, history, conflicts(), actions(), form());
        center.getStyleClass().add("handling-center");
        root.setCenter(center);
        Label keys = new Label(ui.text("handling.ui.keys"));
        keys.getStyleClass().add("handling-keys");
        keys.setWrapText(true);
        root.setBottom(keys);
    }

    private Node topBar() {
        ToggleGroup group = new ToggleGroup();
        HBox shows = new HBox();
        shows.getStyleClass().add("handling-shows");
        for (Show s : Show.values()) {
            ToggleButton b = new ToggleButton(model.showText(s));
            b.setId("handling-show-" + s.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setFocusTraversable(false);
            b.setSelected(model.showProperty().get() == s);
            b.setOnAction(e -> {
                b.setSelected(true);
                model.showProperty().set(s);
                table.requestFocus();
            });
            shows.getChildren().add(b);
        }
        model.showProperty().addListener((o, was, is) -> group.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == is)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label status = new Label();
        status.setId("handling-status");
        status.getStyleClass().add("handling-status");
        status.textProperty().bind(model.statusProperty());
        Label count = new Label();
        count.setId("handling-count");
        count.getStyleClass().add("handling-count");
        count.textProperty().bind(model.countProperty());
        HBox bar = new HBox(shows, gap, printing.status(), status, count);
        bar.getStyleClass().add("handling-bar");
        return bar;
    }

    private Node table() {
        table.setId("handling-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(ui.text("handling.ui.empty")));
        TableColumn<Row, Supervision> colour = new TableColumn<>(ui.text("handling.ui.col.colour"));
        colour.setId("handling-col-colour");
        colour.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().colour()));
        colour.setCellFactory(c -> new ColourCell());
        colour.setPrefWidth(96);
        colour.setMinWidth(64);
        colour.setMaxWidth(120);
        TableColumn<Row, String> resident = column("resident", Row::resident, 90);
        TableColumn<Row, String> phone = column("phone", Row::phone, 110);
        for (TableColumn<Row, String> c : java.util.List.of(resident, phone)) {
            c.visibleProperty().bind(model.showProperty().isEqualTo(Show.CALLBACK));
        }
        table.getColumns().add(colour);
        TableColumn<Row, String> number = column("number", Row::number, 150);
        number.setMinWidth(150);
        table.getColumns().add(number);
        table.getColumns().add(column("stage", Row::stage, 100));
        table.getColumns().add(column("unit", Row::unit, 150));
        table.getColumns().add(column("due", Row::due, 100));
        table.getColumns().add(resident);
        table.getColumns().add(phone);
        table.getColumns().add(column("excerpt", Row::excerpt, 360));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            Row s = model.selectedProperty().get();
            if (s != null) {
                table.getSelectionModel().select(s);
            }
        });
        return table;
    }

    private TableColumn<Row, String> column(String id, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(ui.text("handling.ui.col." + id));
        c.setId("handling-col-" + id);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The supervision colour as a coloured cell: 超期 red, 临期 yellow, 正常 green, nothing when not running. */
    private final class ColourCell extends TableCell<Row, Supervision> {

        ColourCell() {
            getStyleClass().add("handling-colour");
        }

        @Override
        protected void updateItem(Supervision s, boolean empty) {
            super.updateItem(s, empty);
            Supervision shown = empty || s == null ? Supervision.NONE : s;
            pseudoClassStateChanged(RED, shown == Supervision.RED);
            pseudoClassStateChanged(YELLOW, shown == Supervision.YELLOW);
            pseudoClassStateChanged(GREEN, shown == Supervision.GREEN);
            setText(shown == Supervision.NONE ? null : ui.text("handling.ui.colour." + shown.code()));
        }
    }

    /**
     * The conflicts a return batch brought, shown only while there are some: K moves into the list, L keeps the
     * value held here, I takes the batch's.
     */
    private Node conflicts() {
        TableView<HandlingViewModel.ConflictRow> list = new TableView<>(model.conflicts());
        list.setId("handling-conflicts");
        list.setPrefHeight(110);
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().add(conflictColumn("number", HandlingViewModel.ConflictRow::number));
        list.getColumns().add(conflictColumn("field", HandlingViewModel.ConflictRow::field));
        list.getColumns().add(conflictColumn("local", HandlingViewModel.ConflictRow::local));
        list.getColumns().add(conflictColumn("incoming", HandlingViewModel.ConflictRow::incoming));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.L || e.getCode() == KeyCode.I) {
                model.resolve(list.getSelectionModel().getSelectedItem(), e.getCode() == KeyCode.I);
                e.consume();
            }
        });
        Label title = new Label();
        title.getStyleClass().add("handling-form-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> ui.text("handling.ui.conflict.title",
                model.conflicts().size()), model.conflicts()));
        Button keep = new Button(ui.text("handling.ui.conflict.keep"));
        keep.setId("handling-conflict-keep");
        keep.setOnAction(e -> model.resolve(list.getSelectionModel().getSelectedItem(), false));
        Button take = new Button(ui.text("handling.ui.conflict.take"));
        take.setId("handling-conflict-take");
        take.setOnAction(e -> model.resolve(list.getSelectionModel().getSelectedItem(), true));
        for (Button b : List.of(keep, take)) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                    .or(model.busyProperty()));
        }
        VBox box = new VBox(4, new HBox(10, title, keep, take), list);
        box.setId("handling-conflicts-box");
        box.visibleProperty().bind(Bindings.isNotEmpty(model.conflicts()));
        box.managedProperty().bind(box.visibleProperty());
        model.conflicts().addListener((javafx.collections.ListChangeListener<HandlingViewModel.ConflictRow>) c -> {
            if (!model.conflicts().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        return box;
    }

    private TableColumn<HandlingViewModel.ConflictRow, String> conflictColumn(String id,
            Function<HandlingViewModel.ConflictRow, String> value) {
        TableColumn<HandlingViewModel.ConflictRow, String> c = new TableColumn<>(ui.text("handling.ui.conflict.col."
                + id));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private Node actions() {
        FlowPane buttons = new FlowPane();
        buttons.getStyleClass().add("handling-actions");
        for (Action a : Action.values()) {
            Button b = new Button(model.actionText(a));
            b.setId("handling-action-" + a.name().toLowerCase(Locale.ROOT));
            b.setFocusTraversable(false);
            b.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
            b.setOnAction(e -> open(a));
            buttons.getChildren().add(b);
        }
        buttons.setDisable(!model.mayAct());
        return buttons;
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setId("handling-form");
        grid.getStyleClass().add("handling-form");
        Label title = new Label();
        title.getStyleClass().add("handling-form-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.actionProperty().get() == null ? ""
                : model.actionText(model.actionProperty().get()), model.actionProperty()));
        grid.add(title, 0, 0, 2, 1);

        unit.setId("handling-unit");
        unit.setItems(model.units());
        unit.setConverter(Shown.as(model::unitText));
        unit.valueProperty().bindBidirectional(model.unitProperty());
        Label due = new Label();
        due.setId("handling-due");
        due.getStyleClass().add("handling-due");
        due.textProperty().bind(model.computedDueProperty());
        CheckBox matter = new CheckBox(ui.text("handling.ui.field.matter"));
        matter.setId("handling-matter");
        matter.selectedProperty().bindBidirectional(model.wholeMatterProperty());
        TextField assisting = new TextField();
        assisting.setId("handling-assisting");
        assisting.setPromptText(ui.text("handling.ui.field.assisting.prompt"));
        assisting.textProperty().bindBidirectional(model.assistingProperty());
        row(grid, 1, "unit", new HBox(10, unit, due, matter), EnumSet.of(Action.ASSIGN));
        row(grid, 8, "assisting", assisting, EnumSet.of(Action.ASSIGN));

        text.setId("handling-text");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.textProperty());
        Label textLabel = row(grid, 2, "text", text, EnumSet.of(Action.ASSIGN, Action.REPLY, Action.FEEDBACK,
                Action.VISIT, Action.EXTEND, Action.RETURN, Action.REJECT));
        textLabel.textProperty().bind(Bindings.createStringBinding(() -> ui.text("handling.ui.field.text."
                + (model.actionProperty().get() == null ? "reply"
                : model.actionProperty().get().name().toLowerCase(Locale.ROOT))), model.actionProperty()));

        TextField signedBy = new TextField();
        signedBy.setId("handling-signed-by");
        signedBy.textProperty().bindBidirectional(model.signedByProperty());
        row(grid, 3, "signedBy", signedBy, EnumSet.of(Action.REPLY));

        TextField file = new TextField();
        file.setId("handling-file");
        file.textProperty().bindBidirectional(model.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(ui.text("handling.ui.field.file.choose"));
        choose.setId("handling-file-choose");
        choose.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(ui.text("handling.ui.field.file"));
            java.io.File picked = chooser.showOpenDialog(root.getScene().getWindow());
            if (picked != null) {
                model.fileProperty().set(picked.getAbsolutePath());
            }
        });
        row(grid, 9, "file", new HBox(8, file, choose), EnumSet.of(Action.REPLY));

        ComboBox<String> referral = new ComboBox<>();
        referral.setId("handling-referral");
        referral.getItems().setAll(HandlingViewModel.REFERRALS);
        referral.setConverter(Shown.as(model::referralText));
        referral.valueProperty().bindBidirectional(model.referralProperty());
        row(grid, 10, "referral", referral, EnumSet.of(Action.REJECT));

        TextField number = new TextField();
        number.setId("handling-number");
        number.textProperty().bindBidirectional(model.numberProperty());
        row(grid, 11, "number", number, EnumSet.of(Action.SUGGEST));

        Label dateLabel = row(grid, 4, "date", date, EnumSet.of(Action.REPLY, Action.EXTEND));
        dateLabel.textProperty().bind(Bindings.when(model.actionProperty().isEqualTo(Action.EXTEND))
                .then(ui.text("handling.ui.field.newDue")).otherwise(ui.text("handling.ui.field.date")));

        ComboBox<Outcome> outcome = new ComboBox<>();
        outcome.setId("handling-outcome");
        outcome.getItems().setAll(Outcome.values());
        outcome.setConverter(Shown.as(model::outcomeText));
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        TextField explanation = new TextField();
        explanation.setId("handling-explanation");
        explanation.setPromptText(ui.text("handling.ui.field.explanation"));
        explanation.textProperty().bindBidirectional(model.explanationProperty());
        HBox.setHgrow(explanation, Priority.ALWAYS);
        DatePicker promised = DateFields.picker(ui, "handling-promised", "handling.ui.field.promised",
                model.promisedProperty());
        promised.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.outcomeProperty().get() != null
                && model.outcomeProperty().get().needsFollowUp(), model.outcomeProperty()));
        promised.managedProperty().bind(promised.visibleProperty());
        row(grid, 5, "outcome", new HBox(10, outcome, explanation, promised), EnumSet.of(Action.REPLY));

        rating.setId("handling-rating");
        rating.getItems().setAll(Rating.values());
        rating.setConverter(Shown.as(model::ratingText));
        rating.valueProperty().bindBidirectional(model.ratingProperty());
        row(grid, 6, "rating", rating, EnumSet.of(Action.VISIT));

        Label error = new Label();
        error.setId("handling-error");
        error.getStyleClass().add("handling-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Button save = new Button(ui.text("handling.ui.submit"));
        save.setId("handling-submit");
        save.getStyleClass().add("handling-submit");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.submit());
        Button cancel = new Button(ui.text("handling.ui.cancel"));
        cancel.setId("handling-cancel");
        cancel.setOnAction(e -> {
            model.cancel();
            table.requestFocus();
        });
        HBox buttons = new HBox(8, save, cancel, error);
        buttons.getStyleClass().add("handling-form-buttons");
        grid.add(buttons, 1, 12);

        grid.visibleProperty().bind(model.actionProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty());
        model.actionProperty().addListener((o, was, is) -> {
            if (is == null && grid.isFocusWithin()) {
                table.requestFocus();
            }
        });
        return grid;
    }

    /** A labelled form row shown for {@code actions} only; returns its label. */
    private Label row(GridPane grid, int at, String key, Node field, Set<Action> actions) {
        Label label = new Label(ui.text("handling.ui.field." + key));
        label.getStyleClass().add("handling-field-label");
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.add(label, 0, at);
        grid.add(field, 1, at);
        for (Node n : new Node[] {label, field}) {
            n.visibleProperty().bind(Bindings.createBooleanBinding(() -> actions.contains(
                    model.actionProperty().get()), model.actionProperty()));
            n.managedProperty().bind(n.visibleProperty());
        }
        return label;
    }

    /** Opens the action's form and puts the keyboard in its first field. */
    private void open(Action a) {
        model.start(a);
        if (model.actionProperty().get() != a) {
            return;
        }
        switch (a) {
            case ASSIGN -> unit.requestFocus();
            case REPLY, FEEDBACK, EXTEND, RETURN, REJECT -> text.requestFocus();
            case SUGGEST -> root.lookup("#handling-number").requestFocus();
            case VISIT -> rating.requestFocus();
            default -> root.lookup("#handling-submit").requestFocus();
        }
    }

    private void key(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        boolean area = e.getTarget() instanceof TextArea;
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER && model.actionProperty().get() != null && (!area || e.isControlDown())
                && !(unit.isShowing() || rating.isShowing()
                || root.lookup("#handling-referral") instanceof ComboBox<?> r && r.isShowing())) {
            model.submit();
        } else if (code == KeyCode.ESCAPE && model.actionProperty().get() != null) {
            model.cancel();
            table.requestFocus();
        } else if (typing || model.actionProperty().get() != null || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            return;
        } else if (code == KeyCode.O) {
            model.showProperty().set(model.showProperty().get() == Show.WATCHED ? Show.ALL : Show.WATCHED);
        } else if (code == KeyCode.B) {
            model.showProperty().set(model.showProperty().get() == Show.CALLBACK ? Show.ALL : Show.CALLBACK);
        } else if (code == KeyCode.K && !model.conflicts().isEmpty()) {
            root.lookup("#handling-conflicts").requestFocus();
        } else if (code == KeyCode.P) {
            print();
        } else if (code == KeyCode.H) {
            model.historyShownProperty().set(!model.historyShownProperty().get());
        } else if (actionOf(code) != null) {
            swallowTyped = true;
            open(actionOf(code));
        } else {
            return;
        }
        e.consume();
    }

    private static Action actionOf(KeyCode code) {
        return switch (code) {
            case A -> Action.ASSIGN;
            case S -> Action.SIGN;
            case R -> Action.REPLY;
            case F -> Action.FEEDBACK;
            case V -> Action.VISIT;
            case E -> Action.EXTEND;
            case C -> Action.CLOSE;
            case T -> Action.RETURN;
            case N -> Action.REJECT;
            case D -> Action.SUGGEST;
            default -> null;
        };
    }
}
