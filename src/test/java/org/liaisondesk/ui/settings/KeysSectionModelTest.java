package org.liaisondesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.exchange.PlainBatches;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.TestUi;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: the general station's policy for unsigned batches, shown and changed in the settings' keys section. */
@ExtendWith(ApplicationExtension.class)
class KeysSectionModelTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the FX toolkit only: background tasks report on its thread
    }

    @Test
    void theGeneralStationSeesAndChangesThePolicyForUnsignedBatches() throws Exception {
        try (TestUi t = new TestUi(dir.resolve("general.db"))) {
            t.app.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "test");
            KeysSectionModel vm = t.services.keys(t.ui);
            vm.load();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.generalProperty().get());
            assertThat(vm.plainBatchesProperty().get()).isEqualTo(PlainBatches.UNTIL_KEYS);

            vm.setPlainBatches(PlainBatches.REFUSE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> vm.plainBatchesProperty().get() == PlainBatches.REFUSE);
            // the message is set in the same FX callback, just after the policy: let that callback finish
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(t.app.imports().plainBatches()).isEqualTo(PlainBatches.REFUSE);
            assertThat(vm.message().textProperty().get()).contains("拒绝", "已保存");
            assertThat(t.errors).isEmpty();
        }
    }
}
