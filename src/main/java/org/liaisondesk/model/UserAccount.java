package org.liaisondesk.model;

import java.time.Instant;

/**
 * A local account as others may see it (never the password hash).
 *
 * @param lockedUntil null when not locked; after too many wrong passwords, the time the lock ends
 * @param disabledAt null for an account in use; when an administrator disabled it (accounts are never erased)
 */
public record UserAccount(String name, Role role, int failedAttempts, Instant lockedUntil, Instant createdAt,
                          Instant passwordSetAt, Instant disabledAt) {

    /** An account in use. */
    public UserAccount(String name, Role role, int failedAttempts, Instant lockedUntil, Instant createdAt,
                       Instant passwordSetAt) {
        this(name, role, failedAttempts, lockedUntil, createdAt, passwordSetAt, null);
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
