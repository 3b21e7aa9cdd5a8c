package org.liaisondesk.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.ui.Dialogs;

/** The line under a settings section: what the last action did, or why it failed (shown as a problem). */
final class SectionMessage {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper();

    void done(String message) {
        problem.set(false);
        text.set(message);
    }

    void failed(Throwable error, Messages messages) {
        problem.set(true);
        text.set(Dialogs.describe(error, messages));
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
