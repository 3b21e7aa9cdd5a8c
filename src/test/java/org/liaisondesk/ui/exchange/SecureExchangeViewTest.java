package org.liaisondesk.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.ScreenHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The exchange screen in Chinese: encryption state, privacy choice, and the verified signature of an import. */
@ExtendWith(ApplicationExtension.class)
class SecureExchangeViewTest {

    @TempDir
    Path dir;

    ScreenHarness screens;
    AppContext station;
    AppContext general;

    @Start
    void start(Stage stage) {
        screens = new ScreenHarness(stage);
    }

    @AfterEach
    void close() {
        screens.close();
        station.close();
        general.close();
    }

    private ExchangeView show(FxRobot robot, AppContext app) {
        return screens.show(robot, app, "zh", "clerk", ExchangeView::new, 1000, 760);
    }


    @Test
    void aStationSeesWhetherBatchesAreEncryptedChoosesPrivacyAndTheGeneralStationSeesTheSignature(FxRobot robot)
            throws Exception {
        station = AppContext.open(dir.resolve("station.db"), Messages.forLanguage("zh"));
        station.stations().initialize("GS-007", "西湖区联络站", StationMode.STATION, "clerk");
        station.opinionService().record(new OpinionInput(LocalDateTime.now().withNano(0), Channel.VISIT,
                new Constituent("张三丰", "13812341234", null, true), "clerk", "建议增设电动车充电桩", List.of()), "clerk");
        general = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("zh"));
        general.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "clerk");
        Path usb = Files.createDirectories(dir.resolve("usb"));

        ExchangeView view = show(robot, station);
        Label encryption = robot.lookup("#exchange-encryption").queryAs(Label.class);
        ScreenHarness.waitUntil(() -> encryption.isVisible() && !encryption.getText().isEmpty());
        assertThat(encryption.getText()).isEqualTo("未设置联络总站公钥,批次未加密,请妥善保管U盘");
        assertThat(encryption.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("plain"));
        @SuppressWarnings("unchecked")
        ComboBox<ExportPrivacy> privacy = robot.lookup("#exchange-privacy").queryAs(ComboBox.class);
        assertThat(privacy.getValue()).isEqualTo(ExportPrivacy.BY_CONSENT);

        // Each window session unlocks its private keys once (the administrator's key passphrase).
        general.keys().unlock("general-passphrase".toCharArray(), "admin");
        station.keys().unlock("station-passphrase".toCharArray(), "admin");
        String fingerprint = general.keys().generateGeneral("clerk").fingerprint();
        Path generalKey = dir.resolve("general.key");
        general.keys().exportPublic(generalKey, "clerk");
        station.keys().importGeneral(generalKey, "clerk");
        Path stationKey = dir.resolve("gs007.key");
        station.keys().exportPublic(stationKey, "clerk");
        general.keys().importStation(stationKey, "clerk");
        robot.interact(() -> view.model().refresh());
        ScreenHarness.waitUntil(() -> encryption.getText().contains(fingerprint));
        assertThat(encryption.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("plain"));

        robot.interact(() -> privacy.setValue(ExportPrivacy.MASKED));
        assertThat(view.model().privacyProperty().get()).isEqualTo(ExportPrivacy.MASKED);
        robot.interact(() -> view.model().exportTo(usb));
        ScreenHarness.waitUntil(() -> view.model().history().size() == 1 && !view.model().busyProperty().get());
        assertThat(view.model().history().get(0).detail()).contains("已加密", "全部打码");
        assertThat(view.model().history().get(0).file()).endsWith(".ldbatch.enc");
        assertThat(privacy.getValue()).as("the setting again for the next export").isEqualTo(ExportPrivacy.BY_CONSENT);

        ExchangeView atGeneral = show(robot, general);
        robot.interact(() -> atGeneral.model().importPaths(List.of(usb)));
        ScreenHarness.waitUntil(() -> atGeneral.model().report().size() == 1 && atGeneral.model().history().size() == 1);

        assertThat(atGeneral.model().report().get(0).signature()).isEqualTo("已验证签名:GS-007");
        assertThat(atGeneral.model().report().get(0).rejected()).isFalse();
        assertThat(atGeneral.model().history().get(0).detail()).contains("已验证签名:GS-007", "全部打码");
        assertThat(general.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 1).items().get(0)
                .constituent().phone()).isEqualTo("138****1234");
        assertThat(screens.errors()).isEmpty();
    }

    /** Issue 18 item 5: a locked session asks for the key passphrase at the first signing export, then exports. */
    @Test
    void theFirstSignedExportOfASessionAsksForTheKeyPassphrase(FxRobot robot) throws Exception {
        general = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("zh"));
        general.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "admin");
        general.keys().unlock("general-passphrase".toCharArray(), "admin");
        general.keys().generateGeneral("admin");
        Path generalKey = dir.resolve("general.key");
        general.keys().exportPublic(generalKey, "admin");
        Path stationDb = dir.resolve("station.db");
        try (AppContext setUp = AppContext.open(stationDb, Messages.forLanguage("zh"))) {
            setUp.stations().initialize("GS-007", "西湖区联络站", StationMode.STATION, "admin");
            setUp.keys().unlock("station-passphrase".toCharArray(), "admin");
            setUp.keys().importGeneral(generalKey, "admin");
            setUp.keys().exportPublic(dir.resolve("gs007.key"), "admin");
        }
        station = AppContext.open(stationDb, Messages.forLanguage("zh")); // a new session: keys locked
        station.opinionService().record(new OpinionInput(LocalDateTime.now().withNano(0), Channel.VISIT,
                Constituent.ANONYMOUS, "clerk", "建议增设电动车充电桩", List.of()), "clerk");
        assertThat(station.keys().isUnlocked()).isFalse();
        Path usb = Files.createDirectories(dir.resolve("usb"));

        ExchangeView view = show(robot, station);
        robot.interact(() -> view.model().exportTo(usb));
        ScreenHarness.waitUntil(() -> robot.lookup("#key-passphrase").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#key-passphrase").queryAs(javafx.scene.control.PasswordField.class)
                .setText("station-passphrase"));
        robot.clickOn("确定");
        ScreenHarness.waitUntil(() -> view.model().history().size() == 1 && !view.model().busyProperty().get());
        assertThat(view.model().history().get(0).file()).endsWith(".ldbatch.enc");
        assertThat(station.keys().isUnlocked()).isTrue();
        assertThat(screens.errors()).isEmpty();
    }
}
