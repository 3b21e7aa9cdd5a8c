package org.liaisondesk.report;

import java.util.Map;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.Status;
import org.liaisondesk.store.ReportRepository;

/**
 * The handling figures of a report, from what the program records today: the statuses 办理中 / 已办结, the replies
 * stored when an opinion is closed, and the deputies' handling routes. Deadlines (按时办结率), residents' ratings
 * (满意率) and overdue lists need the handling lifecycle; until it exists {@link #lifecycle()} is false and the report
 * says so instead of printing a figure. Extend here when that data arrives.
 */
public record HandlingFigures(long total, long reviewed, long inHandling, long closed, long replied,
                              Map<String, Long> byRoute) {

    public static HandlingFigures of(DashboardCounts counts, ReportRepository.ReviewCounts reviews) {
        Map<String, Long> s = counts.byStatus();
        return new HandlingFigures(counts.total(), reviews.reviewed(), s.getOrDefault(Status.HANDLING.code(), 0L),
                s.getOrDefault(Status.CLOSED.code(), 0L), reviews.replied(), reviews.byHandling());
    }

    /** Opinions that went to handling: 办理中 plus 已办结. */
    public long assigned() {
        return inHandling + closed;
    }

    /** 办结率 in percent of the opinions that went to handling; null when none did. */
    public Double closedRate() {
        return assigned() == 0 ? null : 100.0 * closed / assigned();
    }

    /** Whether deadlines, ratings and return visits are recorded (the handling lifecycle); not yet. */
    public boolean lifecycle() {
        return false;
    }
}
