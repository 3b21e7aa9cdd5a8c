package org.liaisondesk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.service.AtomicFile;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.Masking;
import org.liaisondesk.service.StationService;
import org.liaisondesk.service.StatsService;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.ReportRepository;
import org.liaisondesk.tagging.Taxonomy;

/**
 * The periodic reports (月报 / 季报 / 年报 / any dates) as Word documents, for the command line and the window:
 * gathers the figures ({@link #gather}), then {@link ReportWriter} writes the prose, tables and charts. Written through
 * {@link AtomicFile}: a failed or stopped report leaves no file.
 */
public final class ReportService {

    /** How many of the largest matters a report describes, and how many opinions it quotes for each. */
    static final int MATTERS = 5;
    static final int QUOTES = 3;
    private static final int COMMUNITIES = 10;

    private final StatsService stats;
    private final OpinionRepository opinions;
    private final ReportRepository reports;
    private final StationService stations;
    private final Taxonomy taxonomy;
    private final Clock clock;
    private final HandlingService handlingService;

    public ReportService(StatsService stats, OpinionRepository opinions, ReportRepository reports,
                         StationService stations, Taxonomy taxonomy, HandlingService handling, Clock clock) {
        this.handlingService = handling;
        this.stats = stats;
        this.opinions = opinions;
        this.reports = reports;
        this.stations = stations;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** The opinions a report over {@code period} counts: live ones received then, of {@code station} or all. */
    public static OpinionFilter filter(ReportPeriod period, String station) {
        return OpinionFilter.ALL.withReceived(period.from(), period.to()).withStation(station);
    }

    /** Writes the report to {@code out}; progress in steps of the gathering and writing. */
    public Path write(ReportPeriod period, String station, Path out, Progress progress) {
        ReportData data = gather(period, station, progress);
        Messages zh = Messages.forLanguage("zh");
        return AtomicFile.write(out, os -> {
            new ReportWriter(data, taxonomy, zh).write(os);
            progress.update(STEPS, STEPS);
            return out;
        });
    }

    private static final int STEPS = 8;

    /** The report's file format: Word, or PDF converted from the Word document by LibreOffice when installed. */
    public enum Format {
        DOCX, PDF;

        /** {@code docx} or {@code pdf} (any case); anything else is refused with a message. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return f;
                }
            }
            throw new UserFacingException("report.error.format", name);
        }
    }

    /**
     * Writes the report as {@code format}. PDF needs LibreOffice (checked before any work); the Word document is made
     * in a temporary folder, converted there and only the finished PDF reaches {@code out}.
     */
    public Path write(ReportPeriod period, String station, Path out, Format format, Progress progress) {
        if (format == Format.DOCX) {
            return write(period, station, out, progress);
        }
        Path office = PdfConverter.requireOffice();
        Path work = null;
        try {
            work = Files.createTempDirectory("liaison-report");
            String base = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path docx = write(period, station, work.resolve((base.isEmpty() ? "report" : base) + ".docx"), progress);
            Path pdf = PdfConverter.convert(office, docx, work);
            return AtomicFile.write(out, os -> {
                Files.copy(pdf, os);
                return out;
            });
        } catch (IOException e) {
            throw new UserFacingException("report.error.pdfFailed", e, e.getMessage());
        } finally {
            PdfConverter.deleteTree(work);
        }
    }

    /** Every figure of the report. */
    public ReportData gather(ReportPeriod period, String station, Progress progress) {
        Station here = stations.current().orElse(new Station("", "", StationMode.STATION));
        boolean general = here.mode() == StationMode.GENERAL;
        String code = general ? blankToNull(station) : null;
        String name = here.name() + (code != null && !code.equals(here.code()) ? "(" + code + ")" : "");
        OpinionFilter f = filter(period, code);
        step(progress, 0);
        StatsService.Dashboard current = stats.dashboard(f);
        step(progress, 1);
        DashboardCounts previous = stats.dashboard(filter(period.previous(), code)).counts();
        DashboardCounts yearAgo = stats.dashboard(filter(period.yearAgo(), code)).counts();
        step(progress, 2);
        YearMonth last = YearMonth.from(period.to());
        YearMonth first = period.kind() == ReportPeriod.Kind.RANGE && YearMonth.from(period.from())
                .isBefore(last.minusMonths(11)) ? YearMonth.from(period.from()) : last.minusMonths(11);
        Map<String, Long> trend = monthsFilled(stats.dashboard(OpinionFilter.ALL.withReceived(first.atDay(1),
                period.to()).withStation(code)).counts().byMonth(), first, last);
        step(progress, 3);
        Map<String, Long> communities = communities(f);
        step(progress, 4);
        List<ReportData.MatterQuotes> matters = new ArrayList<>();
        for (StatsService.Matter m : stats.largestMatters(f, MATTERS, progress::cancelled)) {
            List<Opinion> quotes = new ArrayList<>();
            for (UUID id : m.opinions().stream().sorted().toList()) {
                if (quotes.size() == QUOTES) {
                    break;
                }
                opinions.find(id).ifPresent(quotes::add);
            }
            matters.add(new ReportData.MatterQuotes(m, quotes));
        }
        step(progress, 5);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> units = new LinkedHashMap<>();
        handlingService.units().forEach(u -> units.put(u.code(), u.name()));
        List<HandlingService.Watched> overdue = handlingService.supervision(false, code, period.from(), period.to())
                .stream().filter(w -> "overdue".equals(w.kind())).toList();
        HandlingFigures handling = HandlingFigures.of(current.counts().total(), reports.reviewCounts(f),
                handlingService.rates(code, period.from(), period.to()), overdue, units, today);
        step(progress, 6);
        var receptions = reports.receptions(period.from(), period.to());
        var duty = reports.dutyRecords(period.from(), period.to());
        step(progress, 7);
        return new ReportData(period, name, code, general, LocalDate.now(clock), current, previous, yearAgo, trend,
                communities, matters, handling, receptions, duty);
    }

    /** Every month from {@code first} to {@code last} with its count, zero where the map has none. */
    public static Map<String, Long> monthsFilled(Map<String, Long> byMonth, YearMonth first, YearMonth last) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.put(m.toString(), byMonth.getOrDefault(m.toString(), 0L));
        }
        return out;
    }

    private Map<String, Long> communities(OpinionFilter f) {
        Map<String, Long> counts = new HashMap<>();
        reports.addresses(f, a -> {
            String community = Masking.address(a);
            if (community != null) {
                community = community.replace("***", "").strip();
                if (!community.isEmpty()) {
                    counts.merge(community, 1L, Long::sum);
                }
            }
        });
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(COMMUNITIES).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void step(Progress progress, int done) {
        if (progress.cancelled()) {
            throw new Progress.Cancelled();
        }
        progress.update(done, STEPS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
