package org.liaisondesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Role;
import org.liaisondesk.service.Permissions;

/**
 * What every screen needs from the window: the composition root that makes its view model ({@link Services}: a
 * view model gets its services through its constructor, never from here), the user's language, the background runner, who is
 * logged in and in which role, a way to report errors, and a way to tell the other screens that opinions changed.
 *
 * @param readOnly the database failed its start-up check and the person chose to go on reading only
 */
public record UiContext(Services services, Messages messages, Background background,
                        ReadOnlyStringProperty currentUser, ErrorReporter errors, DataChanges changes,
                        Role role, boolean readOnly) {

    /** For screens tested on their own, without a login: the user works as a clerk. */
    public UiContext(Services services, Messages messages, Background background, ReadOnlyStringProperty currentUser,
                     ErrorReporter errors, DataChanges changes) {
        this(services, messages, background, currentUser, errors, changes, Role.CLERK, false);
    }

    /** Shows a failure to the person at the window: the localized message for expected errors, no stack trace. */
    @FunctionalInterface
    public interface ErrorReporter {
        void report(Throwable error);
    }

    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** The name the audit log records for changes made at the window. */
    public String actor() {
        return currentUser.get();
    }

    /** May the logged-in person do this? ({@link Permissions} holds the rules.) */
    public boolean allows(Permissions.Action action) {
        return Permissions.allows(role, action, readOnly);
    }
}
