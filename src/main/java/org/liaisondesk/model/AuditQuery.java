package org.liaisondesk.model;

/**
 * Which audit entries to show, newest first; null fields match anything.
 *
 * @param limit at most this many; 0 for no limit
 */
public record AuditQuery(String opinionId, String actor, String action, int limit) {
}
