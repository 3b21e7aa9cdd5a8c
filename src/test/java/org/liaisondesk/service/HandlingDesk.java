package org.liaisondesk.service;

import java.nio.file.Path;
import java.time.Instant;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.reliability.TickingClock;

/**
 * A general station's database for handling-loop tests: the clock at Wednesday 2026-09-23, 10:00 Beijing time (so
 * real holidays, 国庆 2026, fall inside the tests' deadlines), a street office JD-01 and a district bureau QJ-01.
 */
public final class HandlingDesk implements AutoCloseable {

    public final TickingClock clock = new TickingClock(Instant.parse("2026-09-23T02:00:00Z"));
    public final AppContext ctx;
    public final HandlingService handling;

    public HandlingDesk(Path dir, String code, String name) {
        ctx = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"), clock);
        ctx.stations().initialize(code, name, StationMode.GENERAL, "admin");
        handling = ctx.handling();
        handling.saveUnit("JD-01", "湖滨街道办事处", "street", "李科长 87000000", null, "admin");
        handling.saveUnit("QJ-01", "区交通运输局", "district-dept", null, null, "admin");
    }

    @Override
    public void close() {
        ctx.close();
    }
}
