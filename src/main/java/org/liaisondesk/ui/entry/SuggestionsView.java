package org.liaisondesk.ui.entry;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.liaisondesk.tagging.Suggestion;
import org.liaisondesk.ui.UiContext;

/**
 * Under the entry text: the task-area chips (proposed by the tagger, accepted by the clerk with Alt+1 … Alt+6 or a
 * click, the primary one marked; Alt+Shift+N makes area N primary) and "可能是同一事项", the closest existing opinions
 * (Alt+L marks the closest as the same matter, again the next one, and so on).
 */
final class SuggestionsView {

    private final UiContext ui;
    private final SuggestionsViewModel vm;
    private final FlowPane chips = new FlowPane();
    private final VBox similarRows = new VBox();
    private final VBox root;

    SuggestionsView(UiContext ui, SuggestionsViewModel vm) {
        this.ui = ui;
        this.vm = vm;
        chips.setId("suggestions");
        chips.getStyleClass().add("suggestions");
        Label similarTitle = new Label(ui.text("entry.similar.title"));
        similarTitle.getStyleClass().add("similar-title");
        similarRows.setId("entry-similar");
        similarRows.getStyleClass().add("similar-list");
        VBox similar = new VBox(similarTitle, similarRows);
        similar.getStyleClass().add("similar");
        similar.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.similar()));
        similar.managedProperty().bind(similar.visibleProperty());
        root = new VBox(chips, similar);
        root.getStyleClass().add("suggestions-box");
        vm.proposed().addListener((ListChangeListener<Suggestion>) c -> showChips());
        vm.accepted().addListener((ListChangeListener<Integer>) c -> showChips());
        vm.similar().addListener((ListChangeListener<SuggestionsViewModel.Similar>) c -> showSimilar());
        vm.sameMatterProperty().addListener((o, old, now) -> showSimilar());
        showChips();
    }

    Node root() {
        return root;
    }

    /** Alt+1 … Alt+6 toggle an area, Alt+Shift+1 … 6 make it primary, Alt+L the same matter; true when handled. */
    boolean handle(KeyEvent e) {
        if (!e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return false;
        }
        if (e.getCode() == KeyCode.L && !e.isShiftDown()) {
            vm.cycleSameMatter();
            return true;
        }
        int area = area(e.getCode());
        if (area == 0) {
            return false;
        }
        if (e.isShiftDown()) {
            vm.makePrimary(area);
        } else {
            vm.toggle(area);
        }
        return true;
    }

    private static int area(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            default -> 0;
        };
    }

    /** Accepted areas first (primary leading), then the tagger's other proposals. */
    private void showChips() {
        Set<Integer> areas = new LinkedHashSet<>(vm.accepted());
        vm.proposed().forEach(s -> areas.add(s.area()));
        chips.getChildren().clear();
        for (int area : areas) {
            chips.getChildren().add(chip(area));
        }
        if (areas.isEmpty()) {
            Label hint = new Label(ui.text("entry.areas.hint"));
            hint.getStyleClass().add("hint");
            chips.getChildren().add(hint);
        }
    }

    private Node chip(int area) {
        Suggestion s = vm.proposalFor(area);
        int position = vm.accepted().indexOf(area);
        Label name = new Label(ui.text("entry.area.chip", area, ui.text("area.short." + area)));
        name.getStyleClass().add("area-chip-name");
        VBox box = new VBox(name);
        if (s != null && s.clause() != null) {
            Label clause = new Label(ui.text("entry.area.clause", s.subtopicId(), s.clause()));
            clause.getStyleClass().add("area-chip-clause");
            clause.setMaxWidth(340);
            box.getChildren().add(clause);
            // The path the resident's words took (暖气、室温 → 城乡建设 › 供暖 → clause), when not the clause's own words.
            String via = s.path() == null ? "" : ui.text("entry.area.path", s.path().describe()) + "\n";
            Tooltip.install(box, new Tooltip(via + s.subtopicId() + " " + s.clause()));
        }
        ToggleButton chip = new ToggleButton();
        chip.setGraphic(box);
        chip.setId("area-chip-" + area);
        chip.setFocusTraversable(false);
        chip.getStyleClass().add("area-chip");
        chip.setSelected(position >= 0);
        if (position == 0) {
            chip.getStyleClass().add("primary-area");
            name.setText(name.getText() + " · " + ui.text("entry.area.primary"));
        } else if (position < 0) {
            chip.getStyleClass().add("proposed");
        }
        chip.setOnAction(e -> vm.toggle(area));
        if (position > 0) {
            Button primary = new Button(ui.text("entry.area.makePrimary"));
            primary.setFocusTraversable(false);
            primary.getStyleClass().add("make-primary");
            primary.setOnAction(e -> vm.makePrimary(area));
            HBox pair = new HBox(chip, primary);
            pair.getStyleClass().add("area-chip-pair");
            return pair;
        }
        return chip;
    }

    private void showSimilar() {
        similarRows.getChildren().clear();
        for (SuggestionsViewModel.Similar s : vm.similar()) {
            ToggleButton same = new ToggleButton(ui.text("entry.similar.same"));
            same.getStyleClass().add("same-matter");
            same.setMinWidth(Region.USE_PREF_SIZE);
            // Alt+L marks one from the keyboard; Tab goes from the text straight on to the channel.
            same.setFocusTraversable(false);
            same.setSelected(s.id().equals(vm.sameMatterProperty().get()));
            same.setOnAction(e -> vm.toggleSameMatter(s.id()));
            Label line = new Label(ui.text("entry.similar.row", s.score(), s.number(), s.received().toString(),
                    s.excerpt()));
            line.getStyleClass().add("similar-row-text");
            HBox row = new HBox(same, line);
            row.getStyleClass().add("similar-row");
            similarRows.getChildren().add(row);
        }
    }
}
