package org.liaisondesk.service;

import java.util.Optional;
import org.liaisondesk.store.SettingsRepository;

/**
 * The desktop window's remembered choices: who logged in last (offered at the next login) and the window language.
 */
public final class DeskSettings {

    static final String LAST_USER = "desk.lastUser";
    static final String LANGUAGE = "desk.language";

    private final SettingsRepository settings;

    public DeskSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The name of the last person who logged in here, offered in the login dialog. */
    public Optional<String> lastUser() {
        return settings.get(LAST_USER);
    }

    public void rememberUser(String name) {
        settings.put(LAST_USER, name);
    }

    /** "zh" or "en" once chosen in the settings screen; applied at the next start. */
    public Optional<String> language() {
        return settings.get(LANGUAGE);
    }

    public void setLanguage(String language) {
        settings.put(LANGUAGE, language);
    }
}
