package org.liaisondesk.ui.review;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Handling;
import org.liaisondesk.service.ReviewService.QueueOrder;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.print.PrintView;
import org.liaisondesk.ui.UiContext;

/**
 * The review queue (审阅), keyboard first: 1–6 toggle areas, Enter confirms and moves on, N/P next/previous, C the
 * note, U urgent, H the handling, Esc back from a field. The view only binds and forwards; {@link ReviewViewModel}
 * does the rest.
 */
public final class ReviewView implements Screen {

    /** The status line reports a problem, styled apart from "saved". */
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private static final PseudoClass PRIMARY = PseudoClass.getPseudoClass("primary");

    private final UiContext ui;
    private final ReviewViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField note = new TextField();
    private final ComboBox<Handling> handling = new ComboBox<>();
    private TitledPane historyPane;
    private final ToggleButton[] areaButtons = new ToggleButton[AreaTag.AREA_COUNT];
    /** C moves into the note on key press; the "c" typed by the same stroke must not land in it. */
    private boolean swallowTyped;
    private PrintView printing;

    public ReviewView(UiContext ui) {
        this.ui = ui;
        this.model = ui.services().review(ui);
        this.printing = new PrintView(ui, () -> root.getScene() == null ? null : root.getScene().getWindow());
        build();
        model.reload();
    }

    public ReviewViewModel model() {
        return model;
    }

    /** Ctrl+P: the reception register of the opinion under review. */
    @Override
    public boolean print() {
        java.util.UUID id = model.currentId();
        if (id == null) {
            return false;
        }
        printing.register(id);
        return true;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShown() {
        model.reload();
        root.requestFocus();
    }

    private void build() {
        root.getStyleClass().add("review");
        root.getStylesheets().add(ReviewView.class.getResource("review.css").toExternalForm());
        root.setFocusTraversable(true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        root.setTop(topBar());
        SplitPane split = new SplitPane(opinionPane(), sidePane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        root.setCenter(split);
        Label keys = new Label(ui.text("review.keys"));
        keys.getStyleClass().add("review-keys");
        keys.setWrapText(true);
        root.setBottom(keys);
    }

    private Node topBar() {
        Label pending = new Label();
        pending.setId("review-pending");
        pending.getStyleClass().add("review-pending");
        pending.textProperty().bind(model.pendingProperty());
        ChoiceBox<QueueOrder> order = new ChoiceBox<>();
        order.setId("review-order");
        order.getItems().setAll(QueueOrder.values());
        order.setConverter(converter(o -> ui.text("review.order." + o.name().toLowerCase())));
        order.valueProperty().bindBidirectional(model.orderProperty());
        Label orderLabel = new Label(ui.text("review.order"));
        orderLabel.setLabelFor(order);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label status = new Label();
        status.setId("review-status");
        status.getStyleClass().add("review-status");
        status.textProperty().bind(model.statusProperty());
        model.problemProperty().addListener((o, was, is) -> status.pseudoClassStateChanged(PROBLEM, is));
        HBox bar = new HBox(pending, orderLabel, order, gap, printing.status(), status);
        bar.getStyleClass().add("review-bar");
        return bar;
    }

    private Node opinionPane() {
        Label heading = new Label();
        heading.setId("review-heading");
        heading.getStyleClass().add("review-heading");
        heading.textProperty().bind(model.headingProperty());
        Label position = new Label();
        position.getStyleClass().add("review-position");
        position.textProperty().bind(model.positionProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(heading, gap, position);
        head.getStyleClass().add("review-head");

        Label text = new Label();
        text.setId("review-text");
        text.getStyleClass().add("review-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(model.textProperty());

        Label suggestedLabel = new Label(ui.text("review.suggested"));
        suggestedLabel.getStyleClass().add("review-caption");
        VBox suggested = new VBox();
        suggested.getStyleClass().add("review-suggested");
        model.suggested().addListener((ListChangeListener<String>) c -> suggested.getChildren().setAll(
                model.suggested().stream().map(s -> {
                    Label l = new Label(s);
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    return (Node) l;
                }).toList()));

        Label areasLabel = new Label(ui.text("review.areas"));
        areasLabel.getStyleClass().add("review-caption");
        FlowPane areas = new FlowPane();
        areas.getStyleClass().add("review-areas");
        for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
            int area = a;
            ToggleButton b = new ToggleButton(model.areaName(a));
            b.setId("review-area-" + a);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                model.toggleArea(area);
                root.requestFocus();
            });
            areaButtons[a - 1] = b;
            areas.getChildren().add(b);
        }
        model.areas().addListener((ListChangeListener<Integer>) c -> showAreas());

        note.setId("review-note");
        note.setPromptText(ui.text("review.note.prompt"));
        note.textProperty().bindBidirectional(model.noteProperty());
        Label noteLabel = new Label(ui.text("review.note"));
        noteLabel.setLabelFor(note);
        noteLabel.getStyleClass().add("review-caption");

        CheckBox urgent = new CheckBox(ui.text("review.urgent"));
        urgent.setId("review-urgent");
        urgent.selectedProperty().bindBidirectional(model.urgentProperty());
        handling.setId("review-handling");
        handling.getItems().add(null);
        handling.getItems().addAll(Handling.values());
        handling.setConverter(converter(model::handlingText));
        handling.valueProperty().bindBidirectional(model.handlingProperty());
        Label handlingLabel = new Label(ui.text("review.handling"));
        handlingLabel.setLabelFor(handling);
        TextField reason = new TextField();
        reason.setId("review-reason");
        reason.setPromptText(ui.text("review.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.visibleProperty().bind(model.handlingProperty().isEqualTo(Handling.REJECTED));
        reason.managedProperty().bind(reason.visibleProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox decision = new HBox(urgent, handlingLabel, handling, reason);
        decision.getStyleClass().add("review-decision");

        CheckBox wholeGroup = new CheckBox();
        wholeGroup.setId("review-apply-group");
        wholeGroup.textProperty().bind(Bindings.createStringBinding(
                () -> ui.text("review.applyGroup", model.groupOthersProperty().get()), model.groupOthersProperty()));
        wholeGroup.selectedProperty().bindBidirectional(model.applyToGroupProperty());
        wholeGroup.visibleProperty().bind(model.groupOthersProperty().greaterThan(0));
        wholeGroup.managedProperty().bind(wholeGroup.visibleProperty());

        Button previous = action("review-previous", "review.previous", model::previous);
        Button next = action("review-next", "review.next", model::next);
        Button confirm = action("review-confirm", "review.confirm", model::confirm);
        confirm.setDefaultButton(false);
        confirm.getStyleClass().add("review-confirm");
        HBox buttons = new HBox(previous, next, confirm);
        buttons.getStyleClass().add("review-buttons");

        VBox form = new VBox(suggestedLabel, suggested, areasLabel, areas, noteLabel, note, decision, wholeGroup,
                buttons);
        form.getStyleClass().add("review-form");
        form.disableProperty().bind(model.emptyProperty());
        VBox pane = new VBox(head, text, form);
        pane.getStyleClass().add("review-opinion");
        return pane;
    }

    private Node sidePane() {
        Label group = new Label();
        group.setId("review-group");
        group.getStyleClass().add("review-group");
        group.setWrapText(true);
        group.textProperty().bind(model.groupProperty());
        group.visibleProperty().bind(model.groupProperty().isNotEmpty());
        group.managedProperty().bind(group.visibleProperty());
        Label similarLabel = new Label(ui.text("review.similar"));
        similarLabel.getStyleClass().add("review-caption");
        ListView<String> similar = new ListView<>(model.similar());
        similar.setId("review-similar");
        similar.setFocusTraversable(false);
        Label noSimilar = new Label();
        noSimilar.textProperty().bind(javafx.beans.binding.Bindings.when(model.detailsLoadingProperty())
                .then(ui.text("review.similar.loading")).otherwise(ui.text("review.similar.none")));
        similar.setPlaceholder(noSimilar);
        wrapping(similar);
        VBox.setVgrow(similar, Priority.ALWAYS);

        ListView<String> history = new ListView<>(model.history());
        history.setId("review-history");
        history.setPrefHeight(180);
        history.setFocusTraversable(false);
        history.setPlaceholder(new Label(ui.text("review.history.none")));
        wrapping(history);
        historyPane = new TitledPane(ui.text("review.history"), history);
        historyPane.setId("review-history-pane");
        historyPane.setExpanded(false);
        historyPane.setFocusTraversable(false);
        VBox side = new VBox(group, similarLabel, similar, historyPane);
        side.getStyleClass().add("review-side");
        return side;
    }

    /** Long rows wrap instead of scrolling sideways. */
    private static void wrapping(ListView<String> list) {
        list.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    private void showAreas() {
        for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
            ToggleButton b = areaButtons[a - 1];
            int at = model.areas().indexOf(a);
            b.setSelected(at >= 0);
            b.pseudoClassStateChanged(PRIMARY, at == 0);
        }
    }

    /** The screen's keys; typing in a text field is left alone except Enter (confirm) and Esc (back). */
    private void key(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER && !handling.isShowing()) {
            model.confirm();
            root.requestFocus();
        } else if (code == KeyCode.ESCAPE && typing) {
            root.requestFocus();
        } else if (typing || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        } else if (code.isDigitKey() && areaOf(code) > 0) {
            model.toggleArea(areaOf(code));
        } else if (code == KeyCode.N) {
            model.next();
        } else if (code == KeyCode.P) {
            model.previous();
        } else if (code == KeyCode.C) {
            swallowTyped = true;
            note.requestFocus();
        } else if (code == KeyCode.U) {
            model.toggleUrgent();
        } else if (code == KeyCode.H) {
            handling.requestFocus();
            handling.show();
        } else if (code == KeyCode.L) {
            historyPane.setExpanded(!historyPane.isExpanded());
        } else {
            return;
        }
        e.consume();
    }

    private static int areaOf(KeyCode code) {
        String name = code.getChar();
        int area = name.length() == 1 && Character.isDigit(name.charAt(0)) ? name.charAt(0) - '0' : 0;
        return area <= AreaTag.AREA_COUNT ? area : 0;
    }

    private Button action(String id, String key, Runnable run) {
        Button b = new Button(ui.text(key));
        b.setId(id);
        b.setFocusTraversable(false);
        b.disableProperty().bind(model.busyProperty());
        b.setOnAction(e -> {
            run.run();
            root.requestFocus();
        });
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
