package org.liaisondesk.ui.settings;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.liaisondesk.service.Permissions.Action;
import org.liaisondesk.ui.UiContext;

/** The settings sections only administrators see (Permissions decides): users, backups, audit log, keys, privacy. */
final class AdminSections {

    private AdminSections() {
    }

    static List<Node> forUser(UiContext ui) {
        List<Node> out = new ArrayList<>();
        if (ui.allows(Action.MANAGE_USERS)) {
            out.add(new UsersSection(ui).root());
        }
        if (ui.allows(Action.MANAGE_BACKUPS)) {
            out.add(new BackupSection(ui).root());
        }
        if (ui.allows(Action.VIEW_AUDIT)) {
            out.add(new AuditSection(ui).root());
        }
        if (ui.allows(Action.MANAGE_KEYS)) {
            out.add(new KeysSection(ui).root());
        }
        if (ui.allows(Action.MANAGE_SETTINGS)) {
            out.add(new PrivacySection(ui).root());
        }
        return out;
    }
}
