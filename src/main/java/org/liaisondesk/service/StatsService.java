package org.liaisondesk.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Role;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReportRepository;
import org.liaisondesk.store.StatsRepository;
import org.liaisondesk.tagging.Subtopic;

/**
 * The statistics dashboard (统计) and the Excel export, shared by the window and the command line: counts grouped in
 * SQL, sub-topics in the taxonomy's wording, the period's largest matters, and the filtered list as .xlsx.
 */
public final class StatsService {

    /** How many sub-topics the dashboard charts. */
    public static final int TOP_SUBTOPICS = 15;

    /** A sub-topic of the primary tags with its wording from the report. */
    public record SubtopicCount(String id, String wording, long count) {
    }

    /** The dashboard's counts and its top sub-topics (largest first). */
    public record Dashboard(DashboardCounts counts, List<SubtopicCount> subtopics) {
    }

    /**
     * One of the largest matters: how many opinions raise it, from which stations, one of its texts, and the ids of
     * its opinions (the reports quote a few of them).
     */
    public record Matter(int size, List<String> stations, String text, List<UUID> opinions) {
    }

    private final StatsRepository stats;
    private final OpinionRepository opinions;
    private final SearchService search;
    private final TaggingService tagging;
    private final ReportRepository reports;

    public StatsService(StatsRepository stats, OpinionRepository opinions, SearchService search,
                        TaggingService tagging, ReportRepository reports) {
        this.stats = stats;
        this.reports = reports;
        this.opinions = opinions;
        this.search = search;
        this.tagging = tagging;
    }

    public Dashboard dashboard(OpinionFilter filter) {
        return dashboard(stats.counts(filter));
    }

    /** The dashboard of counts already made (sub-topics worded from the taxonomy). */
    public Dashboard dashboard(DashboardCounts counts) {
        List<SubtopicCount> top = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.bySubtopic().entrySet()) {
            if (top.size() == TOP_SUBTOPICS) {
                break;
            }
            if (!e.getKey().isEmpty()) {
                String wording = tagging.taxonomy().subtopic(e.getKey()).map(Subtopic::wording).orElse(e.getKey());
                top.add(new SubtopicCount(e.getKey(), wording, e.getValue()));
            }
        }
        return new Dashboard(counts, List.copyOf(top));
    }

    /** Of {@code ids}, the opinions a deputy has reviewed (a review is recorded). */
    public java.util.Set<UUID> reviewedAmong(List<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of() : reports.reviewed(ids);
    }

    /**
     * The {@code limit} largest groups of opinions raising one matter among those the filter selects, from the stored
     * groups ({@link SearchService#largestMatters}); the first call after many new opinions groups them, so it stops
     * (CancellationException) when {@code cancelled} says so.
     */
    public List<Matter> largestMatters(OpinionFilter filter, int limit, BooleanSupplier cancelled) {
        List<Matter> out = new ArrayList<>();
        for (SearchService.Cluster c : search.largestMatters(filter, limit, cancelled)) {
            UUID first = c.opinions().get(0);
            String text = opinions.find(first).map(Opinion::text).orElse("");
            out.add(new Matter(c.size(), c.stations(), text, c.opinions()));
        }
        return out;
    }

    /**
     * Writes the opinions the filter selects (newest first) to {@code out} as .xlsx, labels in {@code messages}'
     * language, without residents' details; returns how many rows. See {@link XlsxExport}.
     */
    public long exportXlsx(OpinionFilter filter, Path out, Messages messages, BooleanSupplier cancelled) {
        return exportXlsx(filter, out, messages, null, cancelled);
    }

    /**
     * The ledger (台账) with residents' details as {@code viewer} may see them (null: none); returns how many rows.
     */
    public long exportXlsx(OpinionFilter filter, Path out, Messages messages, Role viewer,
                           BooleanSupplier cancelled) {
        return new XlsxExport(opinions, reports, tagging.taxonomy(), messages, viewer)
                .write(filter, stats.counts(filter), out, cancelled);
    }
}
