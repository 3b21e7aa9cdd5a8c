package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Worker;
import org.liaisondesk.model.WorkerRole;

class DeskSettingsTest {

    @TempDir
    Path dir;

    @Test
    void remembersTheCurrentWorkerAndOffersEarlierOnesMostRecentFirst() {
        Path db = dir.resolve("desk.db");
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            DeskSettings desk = new DeskSettings(app.settings(), app.json());
            assertThat(desk.currentWorker()).isEmpty();
            desk.chooseWorker(new Worker("张丽", WorkerRole.CLERK));
            desk.chooseWorker(new Worker("李建国", WorkerRole.DEPUTY));
            desk.chooseWorker(new Worker(" 张丽 ", WorkerRole.CLERK));
        }
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            DeskSettings desk = new DeskSettings(app.settings(), app.json());
            assertThat(desk.currentWorker()).contains(new Worker("张丽", WorkerRole.CLERK));
            assertThat(desk.knownWorkers()).containsExactly(new Worker("张丽", WorkerRole.CLERK),
                    new Worker("李建国", WorkerRole.DEPUTY));
        }
    }

    @Test
    void aDamagedSettingCountsAsAbsentSoTheWindowAsksAgain() {
        try (AppContext app = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"))) {
            app.settings().put(DeskSettings.CURRENT_WORKER, "{not json");
            app.settings().put(DeskSettings.KNOWN_WORKERS, "[{\"name\":\"\"}]");
            DeskSettings desk = new DeskSettings(app.settings(), app.json());
            assertThat(desk.currentWorker()).isEmpty();
            assertThat(desk.knownWorkers()).isEmpty();
        }
    }

    @Test
    void storesTheLanguageForTheNextStart() {
        try (AppContext app = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"))) {
            DeskSettings desk = new DeskSettings(app.settings(), app.json());
            assertThat(desk.language()).isEmpty();
            desk.setLanguage("en");
            assertThat(desk.language()).contains("en");
        }
    }

    @Test
    void theWorkerNameIsRequiredAndLimited() {
        InputRules rules = new InputRules(java.time.Clock.systemDefaultZone());
        assertThat(rules.checkWorker("  ")).extracting(Problem::messageKey)
                .containsExactly("validation.worker.nameEmpty");
        assertThat(rules.checkWorker("张".repeat(51))).extracting(Problem::messageKey)
                .containsExactly("validation.field.tooLong");
        assertThat(rules.checkWorker("张丽")).isEmpty();
    }
}
