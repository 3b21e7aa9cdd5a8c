package org.liaisondesk.model;

import java.time.Instant;

/** One line of the append-only audit log: who did what, when, to which opinion (if any). */
public record AuditEntry(long id, Instant at, String actor, String action, String opinionId, String detail) {
}
