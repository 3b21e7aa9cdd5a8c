package org.liaisondesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.service.GenerateService;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.StationService;
import org.liaisondesk.service.TaggingService;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.DraftRepository;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.SettingsRepository;
import org.liaisondesk.store.StationRepository;
import org.liaisondesk.store.TaggingRepository;

/**
 * The composition root of the headless core: every service is built here once, by constructor, and handed to the
 * window or the command line. No FX in here.
 */
public final class AppContext implements AutoCloseable {

    private final Database database;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final OpinionRepository opinions;
    private final SettingsRepository settings;
    private final DraftRepository drafts;
    private final StationService stations;
    private final OpinionService opinionService;
    private final GenerateService generator;
    private final TaggingService tagging;

    private AppContext(Database database, Messages messages, Clock clock) {
        this.database = database;
        this.messages = messages;
        this.clock = clock;
        this.json = new ObjectMapper();
        this.opinions = new OpinionRepository(database);
        this.settings = new SettingsRepository(database);
        this.drafts = new DraftRepository(database);
        InputRules rules = new InputRules(clock);
        this.stations = new StationService(new StationRepository(database), rules);
        // An edited synonym list lives beside the database, so each installation (and test) keeps its own.
        this.tagging = new TaggingService(new TaggingRepository(database),
                database.file().resolveSibling("synonyms.tsv"));
        this.opinionService = new OpinionService(opinions, stations, rules, tagging, clock);
        this.generator = new GenerateService(opinions, stations, opinionService, clock);
    }

    public static AppContext open(Path databaseFile, Messages messages) {
        return open(databaseFile, messages, Clock.systemDefaultZone());
    }

    public static AppContext open(Path databaseFile, Messages messages, Clock clock) {
        return new AppContext(Database.open(databaseFile), messages, clock);
    }

    public Database database() {
        return database;
    }

    public Messages messages() {
        return messages;
    }

    public ObjectMapper json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    public OpinionRepository opinions() {
        return opinions;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public DraftRepository drafts() {
        return drafts;
    }

    public StationService stations() {
        return stations;
    }

    public OpinionService opinionService() {
        return opinionService;
    }

    public GenerateService generator() {
        return generator;
    }

    public TaggingService tagging() {
        return tagging;
    }

    @Override
    public void close() {
        database.close();
    }
}
