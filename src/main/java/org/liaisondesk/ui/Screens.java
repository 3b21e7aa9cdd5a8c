package org.liaisondesk.ui;

import java.util.List;
import org.liaisondesk.ui.entry.EntryView;
import org.liaisondesk.ui.exchange.ExchangeView;
import org.liaisondesk.ui.handling.HandlingView;
import org.liaisondesk.ui.list.OpinionListView;
import org.liaisondesk.ui.review.ReviewView;
import org.liaisondesk.ui.settings.SettingsView;
import org.liaisondesk.ui.stats.StatsView;

/**
 * The registry of the main window's screens, in navigation order (Ctrl+1 is the first). A later screen replaces
 * its placeholder here, in one line.
 */
public final class Screens {

    private Screens() {
    }

    public static List<NavItem> standard() {
        return List.of(
                new NavItem("entry", "nav.entry", EntryView::new),
                new NavItem("list", "nav.list", OpinionListView::new),
                new NavItem("review", "nav.review", ReviewView::new),
                new NavItem("stats", "nav.stats", StatsView::new),
                new NavItem("exchange", "nav.exchange", ExchangeView::new),
                new NavItem("settings", "nav.settings", SettingsView::new),
                new NavItem("handling", "handling.ui.nav", HandlingView::new));
    }
}
