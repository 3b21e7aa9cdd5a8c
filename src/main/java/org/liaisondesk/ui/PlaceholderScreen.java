package org.liaisondesk.ui;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A navigation item whose screen comes in a later version; says so plainly. */
public final class PlaceholderScreen implements Screen {

    private final VBox root;

    private PlaceholderScreen(UiContext ui, String titleKey) {
        Label title = new Label(ui.text(titleKey));
        title.getStyleClass().add("screen-title");
        Label note = new Label(ui.text("placeholder.later"));
        note.getStyleClass().add("placeholder-note");
        root = new VBox(title, note);
        root.getStyleClass().addAll("screen", "placeholder");
        root.setAlignment(Pos.TOP_LEFT);
    }

    public static Function<UiContext, Screen> factory(String titleKey) {
        return ui -> new PlaceholderScreen(ui, titleKey);
    }

    @Override
    public Parent root() {
        return root;
    }
}
