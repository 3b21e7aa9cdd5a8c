package org.liaisondesk.service;

import java.util.Optional;
import org.liaisondesk.store.DraftRepository;

/** The entry form's unsaved opinion (opaque JSON text), kept so a crash or an accidental close loses nothing. */
public final class DraftService {

    private final DraftRepository drafts;

    public DraftService(DraftRepository drafts) {
        this.drafts = drafts;
    }

    public Optional<String> load() {
        return drafts.load();
    }

    public void save(String content) {
        drafts.save(content);
    }

    public void clear() {
        drafts.clear();
    }
}
