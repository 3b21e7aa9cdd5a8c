package org.liaisondesk.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: navigation on the left (Ctrl+1 … Ctrl+9 in order), the chosen screen in the middle, the status
 * bar at the bottom. Screens are built the first time they are chosen and kept.
 */
public final class MainView {

    private final MainViewModel vm;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final List<ToggleButton> navButtons = new ArrayList<>();
    private final Map<String, Screen> screens = new HashMap<>();
    private final Runnable onSwitchUser;

    /** {@code onSwitchUser}: the status bar's user link logs out and asks for a login again. */
    public MainView(MainViewModel vm, UiContext ui, Runnable onSwitchUser) {
        this.vm = vm;
        this.ui = ui;
        this.onSwitchUser = onSwitchUser;
        root.getStyleClass().add("main");
        root.setLeft(navigation());
        content.getStyleClass().add("content");
        root.setCenter(content);
        root.setBottom(statusBar());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        vm.selectedProperty().addListener((obs, old, index) -> show(index.intValue()));
        ui.changes().listen(vm::refreshCount);
    }

    public Parent root() {
        return root;
    }

    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox();
        nav.getStyleClass().add("nav");
        Label brand = new Label(ui.text("nav.brand"));
        brand.getStyleClass().add("nav-brand");
        nav.getChildren().add(brand);
        for (int i = 0; i < vm.items().size(); i++) {
            NavItem item = vm.items().get(i);
            Label name = new Label(ui.text(item.labelKey()));
            Label key = new Label(ui.text("nav.shortcut", i + 1));
            key.getStyleClass().add("nav-shortcut");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox graphic = new HBox(name, gap, key);
            ToggleButton button = new ToggleButton();
            button.setGraphic(graphic);
            button.setId("nav-" + item.id());
            button.getStyleClass().add("nav-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setDisable(!vm.allows(i));
            int index = i;
            // The selected item stays selected: clicking it again re-shows it instead of unselecting it.
            button.setOnAction(e -> {
                button.setSelected(true);
                vm.select(index);
            });
            navButtons.add(button);
            nav.getChildren().add(button);
        }
        return nav;
    }

    private HBox statusBar() {
        Label station = new Label();
        station.textProperty().bind(vm.stationTextBinding());
        station.setId("status-station");
        Hyperlink user = new Hyperlink();
        user.setId("status-user");
        user.setText(vm.userText());
        user.setTooltip(new Tooltip(ui.text("statusBar.switchUser")));
        user.setOnAction(e -> onSwitchUser.run());
        Label count = new Label();
        count.setId("status-count");
        count.textProperty().bind(vm.countText());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label database = new Label(vm.databaseText());
        database.setId("status-database");
        database.getStyleClass().add("status-database");
        HBox bar = new HBox(station, separator(), user, separator(), count, gap, database);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label separator() {
        Label s = new Label("|");
        s.getStyleClass().add("status-separator");
        return s;
    }

    private void shortcut(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getCode() == KeyCode.L && e.isShiftDown()) {
            e.consume();
            onSwitchUser.run();
            return;
        }
        if (e.getCode() == KeyCode.F) {
            e.consume();
            findInList();
            return;
        }
        if (e.getCode() == KeyCode.P) {
            Screen shown = screens.get(vm.items().get(vm.selectedProperty().get()).id());
            if (shown != null && shown.print()) {
                e.consume();
            }
            return;
        }
        int index = digit(e.getCode());
        if (index >= 0 && index < vm.items().size()) {
            vm.select(index);
            e.consume();
        }
    }

    /** Ctrl+F: the shown screen's search box, or the opinion list's from any screen without one. */
    private void findInList() {
        Screen shown = screens.get(vm.items().get(vm.selectedProperty().get()).id());
        if (shown != null && shown.focusSearch()) {
            return;
        }
        int list = vm.indexOf("list");
        if (list >= 0 && vm.allows(list)) {
            vm.select(list);
            Screen listScreen = screens.get("list");
            if (listScreen != null) {
                javafx.application.Platform.runLater(listScreen::focusSearch);
            }
        }
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return c >= '1' && c <= '9' ? c - '1' : -1;
        }
        return -1;
    }

    private void show(int index) {
        NavItem item = vm.items().get(index);
        navButtons.get(index).setSelected(true);
        Screen screen = screens.computeIfAbsent(item.id(), id -> item.factory().apply(ui));
        content.getChildren().setAll(screen.root());
        vm.refreshCount();
        screen.onShown();
    }
}
