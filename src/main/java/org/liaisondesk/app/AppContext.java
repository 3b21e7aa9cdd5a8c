package org.liaisondesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.liaisondesk.exchange.BatchReader;
import org.liaisondesk.exchange.ExportService;
import org.liaisondesk.exchange.HandlingBatches;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.report.FormService;
import org.liaisondesk.report.ReceptionService;
import org.liaisondesk.report.ReportService;
import org.liaisondesk.service.AuditAnchors;
import org.liaisondesk.service.AuditService;
import org.liaisondesk.service.BackupService;
import org.liaisondesk.service.CalendarService;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.service.DraftService;
import org.liaisondesk.service.GenerateService;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.HealthService;
import org.liaisondesk.service.InputRules;
import org.liaisondesk.service.KeyService;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.service.PasswordHasher;
import org.liaisondesk.service.RetentionService;
import org.liaisondesk.service.ReviewService;
import org.liaisondesk.service.SearchIndexer;
import org.liaisondesk.service.SearchService;
import org.liaisondesk.service.StationService;
import org.liaisondesk.service.StatsService;
import org.liaisondesk.service.TaggingService;
import org.liaisondesk.service.UserService;
import org.liaisondesk.store.AuditRepository;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.DraftRepository;
import org.liaisondesk.store.MatterRepository;
import org.liaisondesk.store.HandlingRepository;
import org.liaisondesk.store.KeyRepository;
import org.liaisondesk.store.Maintenance;
import org.liaisondesk.store.ExchangeRepository;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.OwnerOnly;
import org.liaisondesk.store.RetentionRepository;
import org.liaisondesk.store.LinkRepository;
import org.liaisondesk.store.ReviewRepository;
import org.liaisondesk.store.SearchRepository;
import org.liaisondesk.store.SettingsRepository;
import org.liaisondesk.store.StatsRepository;
import org.liaisondesk.store.StationRepository;
import org.liaisondesk.store.ReportRepository;
import org.liaisondesk.store.TaggingRepository;
import org.liaisondesk.store.UserRepository;
import org.liaisondesk.tagging.SeedReports;

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
    private final SearchIndexer searchIndexer;
    private final GenerateService generator;
    private final TaggingService tagging;
    // reliability and security
    private final AuditRepository audit;
    private final HealthService health;
    private final AuditAnchors auditAnchors;
    private final BackupService backups;
    private final UserService users;
    private final ContactPolicy contactPolicy;
    private final RetentionService retention;
    private final KeyService keys;
    private final ExportService exports;
    private final ImportService imports;
    private final SearchService searchService;
    private final ReviewService reviews;
    // statistics dashboard
    private final StatsService stats;
    private final ReportRepository reportRepository;
    private ReportService reports;
    private FormService forms;
    private ReceptionService receptions;
    // the handling loop (issue 13)
    private final HandlingRepository handlingRepository;
    private final CalendarService calendars;
    private final HandlingService handling;
    private final HandlingBatches handlingBatches;
    // the window's narrow read services (issue 14)
    private final OpinionQueries opinionQueries;
    private final DraftService draftService;
    private final AuditService auditService;

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
                database.file().resolveSibling("synonyms.tsv"), SeedReports.folder());
        SearchRepository search = new SearchRepository(database);
        this.searchIndexer = new SearchIndexer(search);
        searchIndexer.takeUpLeftBehind();
        this.opinionService = new OpinionService(opinions, stations, rules, tagging, searchIndexer, clock);
        this.generator = new GenerateService(opinions, new ReviewRepository(database), stations, opinionService, clock,
                settings);
        this.audit = new AuditRepository(database);
        Maintenance maintenance = new Maintenance(database);
        this.health = new HealthService(maintenance);
        this.auditAnchors = new AuditAnchors(audit, stations, json);
        this.backups = new BackupService(maintenance, settings, audit, stations, database.file(), clock);
        this.users = new UserService(new UserRepository(database),
                new PasswordHasher(PasswordHasher.configuredIterations()), clock);
        this.contactPolicy = new ContactPolicy(settings, audit);
        this.retention = new RetentionService(new RetentionRepository(database), settings, audit, clock);
        this.keys = new KeyService(new KeyRepository(database), stations, audit, json, clock);
        ExchangeRepository exchange = new ExchangeRepository(database);
        BatchReader batchReader = new BatchReader(json, messages.locale(), clock);
        // Plain batches wait here, beside the database in the user's data folder, before they are encrypted.
        this.exports = new ExportService(exchange, stations::current, json, contactPolicy::exportPrivacy,
                ContactPolicy::forExport, keys, database.file().toAbsolutePath().resolveSibling("exchange-work"),
                clock);
        this.imports = new ImportService(exchange, stations::current, batchReader, keys, settings, clock);
        this.searchService = new SearchService(search, new LinkRepository(database),
                opinions, new MatterRepository(database));
        this.reviews = new ReviewService(opinions, new ReviewRepository(database), opinionService, tagging, clock);
        this.reportRepository = new ReportRepository(database);
        this.stats = new StatsService(new StatsRepository(database), opinions, searchService, tagging,
                reportRepository);
        this.handlingRepository = new HandlingRepository(database);
        this.calendars = new CalendarService(handlingRepository, json);
        // replies' attached files are copied beside the database, into the user's data folder
        this.handling = new HandlingService(handlingRepository, opinions, new LinkRepository(database), calendars,
                database.file().toAbsolutePath().resolveSibling("attachments"), clock);
        this.handlingBatches = new HandlingBatches(handlingRepository, stations::current, json, keys,
                database.file().toAbsolutePath().resolveSibling("exchange-work"), clock, messages.locale());
        this.opinionQueries = new OpinionQueries(opinions, handlingRepository);
        this.draftService = new DraftService(drafts);
        this.auditService = new AuditService(audit);
    }

    public static AppContext open(Path databaseFile, Messages messages) {
        return open(databaseFile, messages, Clock.systemDefaultZone());
    }

    public static AppContext open(Path databaseFile, Messages messages, Clock clock) {
        Database database = Database.open(databaseFile);
        Path folder = database.file().getParent();
        if (folder != null && folder.equals(AppPaths.dataFolder().toAbsolutePath())) {
            OwnerOnly.tighten(folder); // the program's own data folder; a folder chosen with --db is left alone
        }
        return new AppContext(database, messages, clock);
    }

    /**
     * Opens an existing database only: a missing, empty or foreign file is refused with a message instead of being
     * set up (only setting up, {@code init} and the window's first run, creates one).
     */
    public static AppContext openExisting(Path databaseFile, Messages messages) {
        return new AppContext(Database.open(databaseFile, false), messages, Clock.systemDefaultZone());
    }

    public Database database() {
        return database;
    }

    /** The database file, for the window's status bar; the window never sees {@link Database} itself. */
    public Path databaseFile() {
        return database.file();
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

    public AuditRepository audit() {
        return audit;
    }

    public AuditAnchors auditAnchors() {
        return auditAnchors;
    }

    public HealthService health() {
        return health;
    }

    public BackupService backups() {
        return backups;
    }

    public UserService users() {
        return users;
    }

    public ContactPolicy contactPolicy() {
        return contactPolicy;
    }

    public RetentionService retention() {
        return retention;
    }

    public KeyService keys() {
        return keys;
    }

    public ExportService exports() {
        return exports;
    }

    public ImportService imports() {
        return imports;
    }

    public StatsService stats() {
        return stats;
    }

    public SearchService searchService() {
        return searchService;
    }

    public ReviewService reviews() {
        return reviews;
    }

    /**
     * The periodic reports, made on first use: the .docx library (POI) loads only when a report or form is written,
     * never at start-up.
     */
    public synchronized ReportService reports() {
        if (reports == null) {
            reports = new ReportService(stats, opinions, reportRepository, stations, tagging.taxonomy(), handling(),
                    clock);
        }
        return reports;
    }

    /** The printable forms (接待登记表, 接待公告), made on first use like {@link #reports()}. */
    public synchronized FormService forms() {
        if (forms == null) {
            forms = new FormService(opinions, new ReviewRepository(database), stations);
        }
        return forms;
    }

    /** The deputies' reception days and duty records (代表履职档案). */
    public synchronized ReceptionService receptions() {
        if (receptions == null) {
            receptions = new ReceptionService(reportRepository, clock);
        }
        return receptions;
    }

    public HandlingRepository handlingRepository() {
        return handlingRepository;
    }

    public CalendarService calendars() {
        return calendars;
    }

    public HandlingService handling() {
        return handling;
    }

    public HandlingBatches handlingBatches() {
        return handlingBatches;
    }

    /** Lists, counts and single opinions for the screens (the window never touches a repository). */
    public OpinionQueries opinionQueries() {
        return opinionQueries;
    }

    public DraftService draftService() {
        return draftService;
    }

    public AuditService auditService() {
        return auditService;
    }

    @Override
    public void close() {
        searchIndexer.close();
        database.close();
    }
}
