package org.liaisondesk.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.service.StatsService;

/**
 * Every figure a periodic report prints, gathered before a word is written (so the writer only formats).
 *
 * @param stationName  whose report: the station's name, or the general station's with the station chosen
 * @param stationCode  the station the report is limited to, or null (all stations the database holds)
 * @param trend        the twelve months up to the period's end, zeros included
 * @param communities  residents' communities (addresses cut before the household), largest first
 * @param matters      the period's largest matters, each with up to three of its opinions to quote
 */
public record ReportData(ReportPeriod period, String stationName, String stationCode, boolean general,
                         LocalDate writtenOn, StatsService.Dashboard current, DashboardCounts previous,
                         DashboardCounts yearAgo, Map<String, Long> trend, Map<String, Long> communities,
                         List<MatterQuotes> matters, HandlingFigures handling, List<ReceptionDay> receptions,
                         List<DutyRecord> duty) {

    /** A matter and the opinions quoted for it. */
    public record MatterQuotes(StatsService.Matter matter, List<Opinion> quotes) {
    }

    public DashboardCounts counts() {
        return current.counts();
    }
}
