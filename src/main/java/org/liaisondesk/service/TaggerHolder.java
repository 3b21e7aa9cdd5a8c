package org.liaisondesk.service;

import java.util.function.Supplier;
import org.liaisondesk.tagging.Tagger;

/**
 * The tagger in use, built on first use (commands like {@code list} never pay for it). Retraining builds a new
 * immutable tagger in the background and swaps it in here, so callers on any thread always see a complete one.
 */
public final class TaggerHolder {

    private final Supplier<Tagger> loader;
    private volatile Tagger current;

    public TaggerHolder(Supplier<Tagger> loader) {
        this.loader = loader;
    }

    public Tagger current() {
        Tagger t = current;
        if (t == null) {
            synchronized (this) {
                if (current == null) {
                    current = loader.get();
                }
                t = current;
            }
        }
        return t;
    }

    public void replace(Tagger next) {
        current = next;
    }
}
