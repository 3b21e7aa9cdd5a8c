package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.StationMode;

/** The matter's count is every near-duplicate, not the first 100 a look-up returned (it stopped at 101). */
class MatterCountTest {

    @TempDir
    Path dir;

    @Test
    void aMatterOfMoreThan101OpinionsCountsThemAll() {
        try (AppContext ctx = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"))) {
            ctx.stations().initialize("GS-001", "测试站", StationMode.STATION, "admin");
            Opinion first = null;
            for (int i = 0; i < 130; i++) {
                Opinion o = ctx.opinionService().record(new OpinionInput(LocalDateTime.of(2026, 3, 1, 9, 0)
                        .plusMinutes(i), Channel.PHONE, new Constituent(null, null, null, false), "clerk",
                        "湖滨路口的红绿灯坏了好几天,早晚高峰很危险,请尽快修好(第" + i + "位来电)", List.of()), "clerk");
                first = first == null ? o : first;
            }
            assertThat(ctx.searchService().sameMatterSimilar(first.id())).hasSize(129);
        }
    }
}
