package org.liaisondesk.ui;

import java.util.List;
import javafx.print.PrinterJob;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.RemovableDrives;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.UserAccount;
import org.liaisondesk.service.DeskSettings;
import org.liaisondesk.ui.entry.EntryViewModel;
import org.liaisondesk.ui.entry.SuggestionsViewModel;
import org.liaisondesk.ui.exchange.ExchangeViewModel;
import org.liaisondesk.ui.handling.HandlingViewModel;
import org.liaisondesk.ui.list.OpinionListViewModel;
import org.liaisondesk.ui.print.PrintViewModel;
import org.liaisondesk.ui.review.ReviewViewModel;
import org.liaisondesk.ui.settings.AuditSectionModel;
import org.liaisondesk.ui.settings.BackupSectionModel;
import org.liaisondesk.ui.settings.KeysSectionModel;
import org.liaisondesk.ui.settings.PrivacySectionModel;
import org.liaisondesk.ui.settings.SettingsViewModel;
import org.liaisondesk.ui.settings.TaxonomyViewModel;
import org.liaisondesk.ui.settings.UsersSectionModel;
import org.liaisondesk.ui.setup.LoginViewModel;
import org.liaisondesk.ui.setup.SetupViewModel;
import org.liaisondesk.ui.stats.StatsViewModel;

/**
 * The window's composition root: the only class of the window (besides {@link AppWindow}, which opens the
 * {@link AppContext}) that sees the whole core. Each view model is made here and handed, through its constructor,
 * only the services it uses; a screen asks for its model by name ({@code ui.services().review(ui)}) and never for a
 * service. ArchitectureTest keeps it so: no other ui class depends on {@code AppContext}, no view model on this class,
 * and nothing in ui on the store.
 */
public final class Services {

    private final AppContext app;

    public Services(AppContext app) {
        this.app = app;
    }

    // the window itself

    public SetupViewModel setup(DeskSettings desk, Messages messages, Station existing, boolean needsAdmin) {
        return new SetupViewModel(app.users(), app.stations(), app.clock(), desk, messages, existing, needsAdmin);
    }

    public LoginViewModel login(DeskSettings desk, Messages messages, String initialName) {
        return new LoginViewModel(app.users(), app.clock(), desk, messages, initialName);
    }

    public MainViewModel main(List<NavItem> items, Station station, UserAccount user, boolean readOnly,
                              Messages messages, Background background) {
        return new MainViewModel(items, app.stations(), app.opinionQueries(), app.databaseFile(), station, user,
                readOnly, messages, background);
    }

    // the screens, in navigation order

    /** {@code editing}: the opinion to change, or null for the entry form's new one. */
    public EntryViewModel entry(UiContext ui, Opinion editing) {
        SuggestionsViewModel suggestions = new SuggestionsViewModel(ui, app.searchService(), app.tagging(),
                app.opinionService(), editing == null ? null : editing.id());
        return new EntryViewModel(ui, app.opinionService(), app.searchService(), app.tagging(), app.draftService(),
                app.json(), app.clock(), suggestions, editing);
    }

    public OpinionListViewModel list(UiContext ui) {
        // The station service caches the identity read at start-up (or set by the first-run dialog): no query here.
        StationMode mode = app.stations().current().map(Station::mode).orElse(StationMode.STATION);
        return new OpinionListViewModel(ui, app.opinionQueries(), app.opinionService(), app.stats(), mode);
    }

    public ReviewViewModel review(UiContext ui) {
        return new ReviewViewModel(ui, app.reviews(), app.opinionQueries(), app.searchService());
    }

    /** The reports and duty records are handed over as suppliers: the report library loads only when used. */
    public StatsViewModel stats(UiContext ui) {
        return new StatsViewModel(ui, app.stats(), app.stations(), app.handling(), app.opinionQueries(),
                app::receptions, app::reports, app.clock());
    }

    public ExchangeViewModel exchange(UiContext ui, RemovableDrives drives) {
        return new ExchangeViewModel(ui, app.stations(), app.exports(), app.imports(), app.handlingBatches(),
                app.keys(), drives);
    }

    public HandlingViewModel handling(UiContext ui) {
        return new HandlingViewModel(ui, app.handling(), app.opinionQueries(), app.reviews(), app.clock(),
                () -> app.stations().current().map(org.liaisondesk.model.Station::name).orElse(""));
    }

    /** Printing the forms (list, review, dashboard); the form code is asked for only when printing. */
    public PrintViewModel print(UiContext ui) {
        return new PrintViewModel(ui, app::forms, app::receptions, app.clock(), PrinterJob::createPrinterJob);
    }

    // settings and its sections

    public SettingsViewModel settings(UiContext ui) {
        return new SettingsViewModel(ui, new DeskSettings(app.settings()));
    }

    public UsersSectionModel users(UiContext ui) {
        return new UsersSectionModel(ui, app.users(), app.clock());
    }

    public BackupSectionModel backup(UiContext ui) {
        return new BackupSectionModel(ui, app.backups(), app.clock());
    }

    public org.liaisondesk.ui.settings.TemplatesSectionModel templates(UiContext ui) {
        return new org.liaisondesk.ui.settings.TemplatesSectionModel(ui, app.handling().templates());
    }

    public org.liaisondesk.ui.settings.UnitsSectionModel units(UiContext ui) {
        return new org.liaisondesk.ui.settings.UnitsSectionModel(ui, app.handling());
    }

    public PrivacySectionModel privacy(UiContext ui) {
        return new PrivacySectionModel(ui, app.contactPolicy(), app.retention());
    }

    public KeysSectionModel keys(UiContext ui) {
        return new KeysSectionModel(ui, app.keys(), app.imports(), app.stations());
    }

    public AuditSectionModel audit(UiContext ui) {
        return new AuditSectionModel(ui, app.auditService(), app.clock());
    }

    public TaxonomyViewModel taxonomy(UiContext ui) {
        return new TaxonomyViewModel(ui, app.tagging(), app.opinionService());
    }
}
