package org.liaisondesk.ui.settings;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.liaisondesk.ui.Choice;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.UiContext;

/** Settings: the language switch for everyone, then the sections the logged-in person may use. */
public final class SettingsView implements Screen {

    private final VBox root = new VBox();

    public SettingsView(UiContext ui) {
        SettingsViewModel vm = ui.services().settings(ui);
        Label title = new Label(ui.text("nav.settings"));
        title.getStyleClass().add("screen-title");
        ComboBox<Choice<String>> language = Choice.comboBox(Choice.of(null,
                List.of(SettingsViewModel.CHINESE, SettingsViewModel.ENGLISH), l -> ui.text("settings.language." + l)),
                vm.languageProperty().get());
        language.setId("settings-language");
        language.valueProperty().addListener((o, old, now) -> {
            vm.languageProperty().set(Choice.valueOf(language));
            vm.saveLanguage();
        });
        Label languageLabel = new Label(ui.text("settings.language"));
        languageLabel.setLabelFor(language);
        Label saved = new Label();
        saved.setId("settings-note");
        saved.getStyleClass().add("saved-note");
        saved.textProperty().bind(vm.noteProperty());
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        HBox row = new HBox(languageLabel, language, saved);
        row.getStyleClass().add("inline-fields");
        root.getChildren().addAll(title, row);
        AdminSections.forUser(ui).ifPresent(root.getChildren()::add);
        root.getStyleClass().addAll("screen", "settings");
    }

    @Override
    public Parent root() {
        return root;
    }
}
