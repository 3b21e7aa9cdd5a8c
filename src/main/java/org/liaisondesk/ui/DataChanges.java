package org.liaisondesk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * "Opinions changed": a screen that saved, deleted or restored fires it; the status bar's count and other screens
 * listen. FX thread only.
 */
public final class DataChanges {

    private final List<Runnable> listeners = new ArrayList<>();

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void fire() {
        List.copyOf(listeners).forEach(Runnable::run);
    }
}
