package org.liaisondesk.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.ui.UiContext;

/** The settings screen so far: the window language, stored and applied at the next start. */
public final class SettingsViewModel {

    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";

    private final UiContext ui;
    private final DeskSettings desk;
    private final ObjectProperty<String> language;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    public SettingsViewModel(UiContext ui, DeskSettings desk) {
        this.ui = ui;
        this.desk = desk;
        this.language = new SimpleObjectProperty<>(ui.messages().locale().getLanguage().equals(ENGLISH)
                ? ENGLISH : CHINESE);
    }

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public void saveLanguage() {
        String chosen = language.get();
        ui.background().run(() -> {
            desk.setLanguage(chosen);
            return chosen;
        }, c -> note.set(ui.text("settings.language.saved")));
    }
}
