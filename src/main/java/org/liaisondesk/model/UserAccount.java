package org.liaisondesk.model;

import java.time.Instant;

/**
 * A local account as others may see it (never the password hash).
 *
 * @param lockedUntil null when not locked; after too many wrong passwords, the time the lock ends
 */
public record UserAccount(String name, Role role, int failedAttempts, Instant lockedUntil, Instant createdAt,
                          Instant passwordSetAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
