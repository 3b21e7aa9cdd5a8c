package org.liaisondesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;

/** A UiContext over a real database for view-model tests: background work runs at once on the test thread. */
public final class TestUi implements AutoCloseable {

    public static final LocalDateTime NOW = LocalDateTime.of(2023, 5, 1, 9, 30);

    public final AppContext app;
    public final StringProperty user = new SimpleStringProperty("张丽");
    public final List<Throwable> errors = new ArrayList<>();
    public final Services services;
    public final UiContext ui;
    private final Background background;

    public TestUi(Path db) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        app = AppContext.open(db, Messages.forLanguage("zh"), Clock.fixed(NOW.atZone(zone).toInstant(), zone));
        background = Background.onCallingThread(errors::add); // results are there on the next line
        services = new Services(app);
        ui = new UiContext(services, Messages.forLanguage("zh"), background, user, errors::add, new DataChanges());
    }

    @Override
    public void close() {
        background.close();
        app.close();
    }
}
