package org.liaisondesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;

/**
 * What every screen needs from the window: the core services, the user's language, the background runner, who is
 * working, a way to report errors, and a way to tell the other screens that opinions changed.
 */
public record UiContext(AppContext app, Messages messages, Background background,
                        ReadOnlyStringProperty currentUser, ErrorReporter errors, DataChanges changes) {

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
}
