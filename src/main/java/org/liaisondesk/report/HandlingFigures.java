package org.liaisondesk.report;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.store.ReportRepository;

/**
 * The handling figures of a report. The deputies' side (reviewed, handling routes, replies) comes from the reviews;
 * the handling itself from the lifecycle ({@link HandlingService}): 办结率, 按时办结率, 满意率 and 回访率 computed
 * exactly as the dashboard computes them ({@link HandlingService#rates(String, LocalDate, LocalDate)}), restricted to
 * the opinions the report counts, and the overdue list ({@code overdue}) of those opinions as of {@code asOf}.
 *
 * @param units the handling units' names by code, for the overdue list
 */
public record HandlingFigures(long total, long reviewed, long replied, Map<String, Long> byRoute,
                              HandlingService.Rates rates, List<HandlingService.Watched> overdue,
                              Map<String, String> units, LocalDate asOf) {

    public HandlingFigures {
        // In their order (the report's text must not depend on a hash order).
        byRoute = Collections.unmodifiableMap(new LinkedHashMap<>(byRoute));
        overdue = List.copyOf(overdue);
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public static HandlingFigures of(long total, ReportRepository.ReviewCounts reviews, HandlingService.Rates rates,
                                     List<HandlingService.Watched> overdue, Map<String, String> units,
                                     LocalDate asOf) {
        return new HandlingFigures(total, reviews.reviewed(), reviews.replied(), reviews.byHandling(), rates, overdue,
                units, asOf);
    }

    /** Matters assigned to a unit (or otherwise taken into handling) among the report's opinions. */
    public long assigned() {
        return rates.cases();
    }

    /** Of those, closed (已办结归档 or 不予受理). */
    public long closed() {
        return rates.closed();
    }

    /** Whether any of the report's opinions went into handling; when none did, the report says so. */
    public boolean lifecycle() {
        return rates.cases() > 0;
    }
}
