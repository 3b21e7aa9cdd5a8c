package org.liaisondesk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A deputy's review of an opinion, as last decided.
 *
 * @param handling null until decided
 * @param reason   why it is not accepted (handling {@link Handling#REJECTED}), else null
 * @param reply    the reply to the constituent, stored when the opinion is closed
 */
public record Review(UUID opinionId, String note, Priority priority, Handling handling, String reason, String reply,
                     String reviewedBy, Instant reviewedAt) {

    public static Review none(UUID opinionId) {
        return new Review(opinionId, null, Priority.NORMAL, null, null, null, null, null);
    }
}
