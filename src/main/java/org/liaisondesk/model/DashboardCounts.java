package org.liaisondesk.model;

import java.util.Map;

/**
 * What the statistics dashboard counts over the opinions a filter selects. Every map is in display order.
 *
 * @param byArea     primary area 1..6, and 0 for "no area fits"; all seven keys present
 * @param bySubtopic sub-topic id of the primary tag ("" when it has none), largest first
 * @param byMonth    "2024-03" in calendar order, only months with opinions
 * @param byStatus   every {@link Status} code in life order (recorded … closed), zeros included
 */
public record DashboardCounts(long total, Map<Integer, Long> byArea, Map<String, Long> bySubtopic,
                              Map<String, Long> byMonth, Map<String, Long> byChannel, Map<String, Long> byStation,
                              Map<String, Long> byStatus) {
}
