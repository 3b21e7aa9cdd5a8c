package org.liaisondesk.service;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Role;

/**
 * Every role rule in one place. Clerks record and edit; deputies review; general-station staff import and handle;
 * only administrators manage users, the taxonomy, backups and keys. The window asks here before showing a screen
 * or an action; the command line is not restricted (whoever can run it can read the database file anyway).
 */
public final class Permissions {

    /** Things a person may or may not do in the window. */
    public enum Action {
        VIEW_OPINIONS, RECORD, EDIT, REVIEW, EXPORT, IMPORT, VIEW_AUDIT,
        MANAGE_USERS, MANAGE_TAXONOMY, MANAGE_BACKUPS, MANAGE_KEYS, MANAGE_SETTINGS
    }

    private static final Map<Role, Set<Action>> ALLOWED = Map.of(
            Role.ADMIN, EnumSet.allOf(Action.class),
            Role.CLERK, EnumSet.of(Action.VIEW_OPINIONS, Action.RECORD, Action.EDIT, Action.EXPORT),
            Role.DEPUTY, EnumSet.of(Action.VIEW_OPINIONS, Action.REVIEW),
            Role.GENERAL_STAFF, EnumSet.of(Action.VIEW_OPINIONS, Action.EDIT, Action.REVIEW, Action.IMPORT,
                    Action.EXPORT));

    private Permissions() {
    }

    public static boolean allows(Role role, Action action) {
        return ALLOWED.get(role).contains(action);
    }

    /** What is left when the database failed its start-up check and is used read-only: reading, and restoring. */
    private static final Set<Action> READ_ONLY = EnumSet.of(Action.VIEW_OPINIONS, Action.VIEW_AUDIT,
            Action.MANAGE_BACKUPS);

    /** As {@link #allows(Role, Action)}; with {@code readOnly} only reading (and an administrator's restore). */
    public static boolean allows(Role role, Action action, boolean readOnly) {
        return allows(role, action) && (!readOnly || READ_ONLY.contains(action));
    }

    /** Refuses with a message for the window's error display. */
    public static void require(Role role, Action action) {
        if (!allows(role, action)) {
            throw new UserFacingException("permission.denied", role.code(), action.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Who sees a resident's full name, phone and address. Administrators and clerks do (clerks took them down);
     * deputies and general-station staff only when the resident agreed to be contacted, masked otherwise.
     */
    public static boolean seesFullContact(Role role, Constituent who) {
        return switch (role) {
            case ADMIN, CLERK -> true;
            case DEPUTY, GENERAL_STAFF -> who.consentToContact();
        };
    }
}
