package org.liaisondesk.service;

import java.util.concurrent.atomic.AtomicReference;
import org.liaisondesk.tagging.Tagger;

/**
 * The tagger in use. Retraining builds a new immutable tagger in the background and swaps it in here, so callers
 * on any thread always see a complete one.
 */
public final class TaggerHolder {

    private final AtomicReference<Tagger> current;

    public TaggerHolder(Tagger initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Tagger current() {
        return current.get();
    }

    public void replace(Tagger next) {
        current.set(next);
    }
}
