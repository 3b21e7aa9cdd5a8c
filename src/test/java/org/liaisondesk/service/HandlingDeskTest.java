package org.liaisondesk.service;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.reliability.TickingClock;

/**
 * What handling-loop tests start from: a general station's database with the clock at Wednesday 2026-09-23, 10:00
 * Beijing time (so real holidays, 国庆 2026, fall inside the deadlines), a street office JD-01 and a district bureau
 * QJ-01.
 */
public abstract class HandlingDeskTest {

    @TempDir
    protected Path dir;

    protected AppContext ctx;
    protected HandlingService handling;
    protected final TickingClock clock = new TickingClock(Instant.parse("2026-09-23T02:00:00Z"));

    /** The general station's name, as forms and notices print it. */
    protected String stationName() {
        return "测试站";
    }

    @BeforeEach
    void openDesk() {
        ctx = AppContext.open(dir.resolve("desk.db"), Messages.forLanguage("zh"), clock);
        ctx.stations().initialize("GS-001", stationName(), StationMode.GENERAL, "admin");
        handling = ctx.handling();
        handling.saveUnit("JD-01", "湖滨街道办事处", "street", "李科长 87000000", null, "admin");
        handling.saveUnit("QJ-01", "区交通运输局", "district-dept", null, null, "admin");
    }

    @AfterEach
    void closeDesk() {
        ctx.close();
    }

    /** Moves the clock on by {@code n} days. */
    protected void days(int n) {
        clock.advance(n * 86_400L);
    }
}
