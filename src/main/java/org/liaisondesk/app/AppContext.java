package org.liaisondesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.SearchService;
import org.liaisondesk.service.StationService;
import org.liaisondesk.service.TaggerHolder;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.DraftRepository;
import org.liaisondesk.store.LinkRepository;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.SearchRepository;
import org.liaisondesk.store.SettingsRepository;
import org.liaisondesk.store.StationRepository;
import org.liaisondesk.tagging.Suggestion;
import org.liaisondesk.tagging.Tagger;

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
    private final TaggerHolder tagger;
    private final SearchService searchService;

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
        this.tagger = new TaggerHolder(untrained());
        this.opinionService = new OpinionService(opinions, stations, rules, tagger, clock);
        this.searchService = new SearchService(new SearchRepository(database), new LinkRepository(database),
                opinions);
    }

    public static AppContext open(Path databaseFile, Messages messages) {
        return open(databaseFile, messages, Clock.systemDefaultZone());
    }

    public static AppContext open(Path databaseFile, Messages messages, Clock clock) {
        return new AppContext(Database.open(databaseFile), messages, clock);
    }

    private static Tagger untrained() {
        return new Tagger() {
            @Override
            public List<Suggestion> suggest(String text) {
                return List.of();
            }

            @Override
            public String taxonomyVersion() {
                return "none";
            }
        };
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

    public TaggerHolder tagger() {
        return tagger;
    }

    public SearchService searchService() {
        return searchService;
    }

    @Override
    public void close() {
        database.close();
    }
}
