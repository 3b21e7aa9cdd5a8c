package org.liaisondesk.model;

import java.util.Map;

/**
 * Counts over the live (not deleted) opinions.
 *
 * @param byArea    keyed "1".."6" by primary area, and "none"
 * @param generated how many of {@code opinions} were made by {@code generate} (demonstration data, V025)
 */
public record OpinionStats(long opinions, Map<String, Long> byArea, Map<String, Long> byStatus,
                           Map<String, Long> byStation, Map<String, Long> byChannel,
                           long batchesExported, long batchesImported, long generated) {
}
