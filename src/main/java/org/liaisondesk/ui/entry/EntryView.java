package org.liaisondesk.ui.entry;

import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.collections.FXCollections;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.liaisondesk.ui.Shown;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.DateText;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.Problem;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.Dialogs;
import org.liaisondesk.ui.InlineValidation;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.UiContext;

/**
 * The entry form, laid out for a reception desk: the text first, then the other fields in Tab order; Ctrl+S saves,
 * Ctrl+N starts the next one. The same form edits an existing opinion in its own window.
 */
public final class EntryView implements Screen {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass ASKING = PseudoClass.getPseudoClass("asking");
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final UiContext ui;
    private final EntryViewModel vm;
    private final VBox root = new VBox();
    private final TextArea text = new TextArea();
    private DatePicker date;

    /** The main window's form for new opinions; offers a draft left by the last session. */
    public EntryView(UiContext ui) {
        this(ui, ui.services().entry(ui, null));
        vm.setOnSaved(saved -> text.requestFocus());
        vm.findDraft(this::offerDraft);
    }

    private EntryView(UiContext ui, EntryViewModel vm) {
        this.ui = ui;
        this.vm = vm;
        build();
    }

    /** Opens {@code opinion} for editing in a window of its own; {@code onSaved} runs after a successful save. */
    public static void openEditor(UiContext ui, Window owner, Opinion opinion, Runnable onSaved) {
        EntryViewModel vm = ui.services().entry(ui, opinion);
        EntryView view = new EntryView(ui, vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(ui.text("entry.editTitle", opinion.number()));
        Scene scene = new Scene(view.root, 900, 640);
        scene.getStylesheets().addAll(Dialogs.stylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                view.closeEditor(stage);
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            view.closeEditor(stage);
        });
        stage.setScene(scene);
        vm.setOnSaved(saved -> {
            stage.close();
            onSaved.run();
        });
        stage.show();
        view.onShown();
    }

    /**
     * Keeps the text within {@link InputRules#MAX_TEXT} as it is typed or pasted: a 330,000-character paste froze the
     * form for seconds per keystroke, and the limit was only reported at Ctrl+S.
     */
    private TextFormatter.Change withinLimit(TextFormatter.Change change) {
        int room = InputRules.MAX_TEXT - (change.getControlText().length() - change.getRangeEnd()
                + change.getRangeStart());
        String added = change.getText();
        if (added.length() > room) {
            int kept = Math.max(0, room);
            change.setText(added.substring(0, kept));
            change.selectRange(change.getRangeStart() + kept, change.getRangeStart() + kept);
            vm.textCut(kept, added.length() - kept);
        }
        return change;
    }

    /** Closes the editor; with unsaved changes it first asks: save, discard or keep editing. */
    private void closeEditor(Stage stage) {
        if (!vm.hasUnsavedEdits()) {
            stage.close();
            return;
        }
        Dialogs.choose(stage, ui.messages(), ui.text("entry.unsaved.question", vm.editingNumber()),
                List.of(new Dialogs.Answer("entry.unsaved.save", this::save),
                        new Dialogs.Answer("entry.unsaved.discard", stage::close),
                        // the box also closes when the whole program does: then there is nothing to focus
                        new Dialogs.Answer("entry.unsaved.keep", () -> Platform.runLater(() -> {
                            if (stage.isShowing()) {
                                text.requestFocus();
                            }
                        }))));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void onShown() {
        vm.suggestions().preload();
        Platform.runLater(text::requestFocus);
    }

    private void build() {
        root.getStyleClass().addAll("screen", "entry");
        root.setId("entry");
        InlineValidation validation = new InlineValidation(vm.problems());

        Label title = new Label(vm.isEditing() ? ui.text("entry.editTitle", vm.editingNumber())
                : ui.text("entry.title"));
        title.getStyleClass().add("screen-title");
        Label confirmation = new Label();
        confirmation.setId("entry-confirmation");
        confirmation.getStyleClass().add("saved-note");
        confirmation.textProperty().bind(vm.confirmationProperty());
        confirmation.visibleProperty().bind(confirmation.textProperty().isNotEmpty());
        confirmation.pseudoClassStateChanged(ASKING, false);
        vm.askingProperty().addListener((o, old, asking) -> confirmation.pseudoClassStateChanged(ASKING,
                asking || vm.cutProperty().get()));
        vm.cutProperty().addListener((o, old, cut) -> confirmation.pseudoClassStateChanged(ASKING,
                cut || vm.askingProperty().get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, confirmation);
        header.getStyleClass().add("screen-header");

        text.setId("entry-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setPromptText(ui.text("entry.text.prompt"));
        text.setTextFormatter(new TextFormatter<String>(this::withinLimit));
        text.textProperty().bindBidirectional(vm.textProperty());
        // Tab leaves the text (a reception desk never types tab characters); Ctrl+Tab does the same by default.
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                text.fireEvent(new KeyEvent(e.getSource(), text, KeyEvent.KEY_PRESSED, e.getCharacter(),
                        e.getText(), KeyCode.TAB, e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        VBox.setVgrow(text, Priority.ALWAYS);
        Label textLabel = fieldLabel("entry.text", text);
        Label textProblem = validation.attach(text, Problem.Field.TEXT);

        SuggestionsView suggestions = new SuggestionsView(ui, vm.suggestions());

        root.getChildren().addAll(header, textLabel, text, textProblem, suggestions.root(), fields(validation),
                buttons());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (suggestions.handle(e)) {
                e.consume();
            } else if (SAVE.match(e)) {
                e.consume();
                save();
            } else if (NEW.match(e) && !vm.isEditing()) {
                e.consume();
                startNew();
            }
        });
    }

    private GridPane fields(InlineValidation validation) {
        ComboBox<Channel> channel = new ComboBox<>(FXCollections.observableArrayList(Channel.values()));
        channel.setId("entry-channel");
        channel.setConverter(Shown.as(c -> ui.text("channel." + c.code())));
        channel.valueProperty().bindBidirectional(vm.channelProperty());

        date = DateFields.picker(ui, "entry-date", null, vm.receivedDateProperty());
        date.setPrefWidth(150);
        TextField time = new TextField();
        time.setId("entry-time");
        time.setPrefColumnCount(5);
        time.setPromptText("09:30");
        time.textProperty().bindBidirectional(vm.receivedTimeProperty());
        HBox when = new HBox(date, time);
        when.getStyleClass().add("inline-fields");

        TextField name = textField("entry-name", vm.nameProperty());
        TextField phone = textField("entry-phone", vm.phoneProperty());
        TextField address = textField("entry-address", vm.addressProperty());
        CheckBox consent = new CheckBox(ui.text("entry.consent"));
        consent.setId("entry-consent");
        consent.selectedProperty().bindBidirectional(vm.consentProperty());
        TextField receivedBy = textField("entry-received-by", vm.receivedByProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setPercentWidth(36);
        grid.getColumnConstraints().addAll(label, field, label, field);
        // Children are added in Tab order.
        grid.addRow(0, fieldLabel("entry.channel", channel), channel, fieldLabel("entry.received", date), when);
        grid.add(validation.attach(channel, Problem.Field.CHANNEL), 1, 1);
        grid.add(validation.attach(date, Problem.Field.RECEIVED_AT), 3, 1);
        grid.addRow(2, fieldLabel("entry.name", name), name, fieldLabel("entry.phone", phone), phone);
        grid.add(validation.attach(name, Problem.Field.NAME), 1, 3);
        grid.add(validation.attach(phone, Problem.Field.PHONE), 3, 3);
        grid.add(fieldLabel("entry.address", address), 0, 4);
        grid.add(address, 1, 4, 3, 1);
        grid.add(validation.attach(address, Problem.Field.ADDRESS), 1, 5, 3, 1);
        grid.add(consent, 1, 6);
        grid.addRow(6, fieldLabel("entry.receivedBy", receivedBy), receivedBy);
        grid.add(validation.attach(receivedBy, Problem.Field.RECEIVED_BY), 3, 7);
        return grid;
    }

    private HBox buttons() {
        Button save = new Button(ui.text("entry.save"));
        save.setId("entry-save");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> save());
        HBox bar = new HBox(save);
        bar.getStyleClass().add("button-bar");
        if (!vm.isEditing()) {
            Button fresh = new Button(ui.text("entry.new"));
            fresh.setId("entry-new");
            fresh.setOnAction(e -> startNew());
            bar.getChildren().add(fresh);
        }
        Label hint = new Label(ui.text(vm.isEditing() ? "entry.hint.edit" : "entry.hint"));
        hint.getStyleClass().add("hint");
        bar.getChildren().add(hint);
        return bar;
    }

    private TextField textField(String id, StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private Label fieldLabel(String key, Node field) {
        Label l = new Label(ui.text(key));
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        return l;
    }

    /**
     * A date typed into the picker counts even when Ctrl+S comes before the field was left (the picker itself only
     * takes typed text on Enter or on leaving it); text that is no date empties it, so the form says so.
     */
    private void save() {
        if (date.isEditable() && date.getEditor() != null) {
            date.setValue(DateText.parse(date.getEditor().getText()).orElse(null));
        }
        vm.save();
    }

    private void startNew() {
        if (!vm.hasTypedContent()) {
            vm.startNew();
            text.requestFocus();
            return;
        }
        Dialogs.confirmDestructive(window(), ui.messages(), ui.text("entry.confirmNew"), "entry.confirmNew.yes", "ui.cancel",
                () -> {
                    vm.startNew();
                    text.requestFocus();
                }, text::requestFocus);
    }

    private void offerDraft(EntryDraft draft) {
        Dialogs.confirm(window(), ui.messages(), ui.text("entry.draft.offer", excerpt(draft.text())),
                "entry.draft.restore", "entry.draft.discard", () -> {
                    vm.restore(draft);
                    text.requestFocus();
                    text.end();
                }, vm::discardDraft);
    }

    private static String excerpt(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
