package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;

class DeskSettingsTest {

    @TempDir
    Path dir;

    @Test
    void remembersWhoLoggedInLastAndTheLanguage() {
        Path db = dir.resolve("desk.db");
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            DeskSettings desk = new DeskSettings(app.settings());
            assertThat(desk.lastUser()).isEmpty();
            desk.rememberUser("李建国");
            desk.rememberUser("张丽");
            desk.setLanguage("en");
        }
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            DeskSettings desk = new DeskSettings(app.settings());
            assertThat(desk.lastUser()).contains("张丽");
            assertThat(desk.language()).contains("en");
        }
    }
}
