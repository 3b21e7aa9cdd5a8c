package org.liaisondesk.ui.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.liaisondesk.service.Permissions.Action;
import org.liaisondesk.ui.UiContext;

/**
 * The settings sections only administrators see (Permissions decides): users, backups, audit log, keys, privacy,
 * task areas (taxonomy),
 * one tab each (Ctrl+Tab moves between them). Each section is built when its tab is first chosen.
 */
final class AdminSections {

    private record Section(String id, Action needs, Function<UiContext, Node> build) {
    }

    private static final List<Section> ALL = List.of(
            new Section("users", Action.MANAGE_USERS, ui -> new UsersSection(ui).root()),
            new Section("backup", Action.MANAGE_BACKUPS, ui -> new BackupSection(ui).root()),
            new Section("audit", Action.VIEW_AUDIT, ui -> new AuditSection(ui).root()),
            new Section("keys", Action.MANAGE_KEYS, ui -> new KeysSection(ui).root()),
            new Section("privacy", Action.MANAGE_SETTINGS, ui -> new PrivacySection(ui).root()),
            new Section("units", Action.MANAGE_SETTINGS, ui -> new UnitsSection(ui).root()),
            new Section("templates", Action.MANAGE_SETTINGS, ui -> new TemplatesSection(ui).root()),
            new Section("taxonomy", Action.MANAGE_TAXONOMY, ui -> new TaxonomyView(ui).root()));

    private AdminSections() {
    }

    /** The tabs the logged-in person may use; empty when there are none. */
    static Optional<Node> forUser(UiContext ui) {
        TabPane tabs = new TabPane();
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Section s : ALL) {
            if (ui.allows(s.needs())) {
                Tab tab = new Tab(ui.text("settings." + s.id() + ".title"));
                tab.setId("settings-tab-" + s.id());
                tab.selectedProperty().addListener((o, was, now) -> {
                    if (now && tab.getContent() == null) {
                        tab.setContent(s.build().apply(ui));
                    }
                });
                tabs.getTabs().add(tab);
            }
        }
        if (tabs.getTabs().isEmpty()) {
            return Optional.empty();
        }
        tabs.getTabs().get(0).setContent(ALL.stream().filter(s -> ui.allows(s.needs())).findFirst().orElseThrow()
                .build().apply(ui));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return Optional.of(tabs);
    }
}
