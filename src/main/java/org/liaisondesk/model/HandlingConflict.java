package org.liaisondesk.model;

import java.util.UUID;

/**
 * A handling field both sides changed before they heard of each other's change: the value held here and the one a
 * batch carried. A person decides which stays.
 */
public record HandlingConflict(long id, UUID opinionId, String field, String local, String incoming) {
}
