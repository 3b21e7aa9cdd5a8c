package org.liaisondesk.service;

import java.util.List;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.store.Maintenance;

/**
 * Is the database sound? {@link #check()} runs everything (the {@code check} command); {@link #startupCheck()} is
 * the quicker form the window runs before showing any data, so a damaged file is never used silently.
 */
public final class HealthService {

    private final Maintenance maintenance;

    public HealthService(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    /** Every check; empty when healthy. */
    public List<HealthIssue> check() {
        return maintenance.check(false);
    }

    /**
     * For the window at start-up (off the FX thread): {@code quick_check} instead of the full index cross-check, plus
     * the audit log's protection; the foreign-key and task-area scans are left to {@link #check()}. When this is not empty the window must not go on as if all
     * were well: it shows the problems and offers to restore the newest backup ({@link BackupService#backups()}).
     */
    public List<HealthIssue> startupCheck() {
        return maintenance.check(true);
    }
}
