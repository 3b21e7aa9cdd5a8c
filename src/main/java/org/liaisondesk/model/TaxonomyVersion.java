package org.liaisondesk.model;

import java.time.Instant;

/** A work report loaded as a taxonomy: tags record the version they were made against. */
public record TaxonomyVersion(String version, String title, String reportText, Instant loadedAt, boolean active) {
}
