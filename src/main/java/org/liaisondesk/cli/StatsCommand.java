package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.TreeMap;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.report.ReportPeriod;
import org.liaisondesk.report.ReportService;
import org.liaisondesk.model.OpinionStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stats [--period P] [--station CODE] --json}: counts by primary area, status, station, channel and batches;
 * with a period or station, over the opinions a report of that period counts.
 */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "stats.json")
    boolean json;

    @Option(names = "--period", paramLabel = "YYYY-MM|YYYY-Qn|YYYY|FROM..TO", descriptionKey = "stats.period")
    String period;

    @Option(names = "--station", paramLabel = "CODE", descriptionKey = "stats.station")
    String station;

    @Override
    public Integer call() throws Exception {
        OpinionStats s = period == null && station == null ? root.context().opinions().stats() : ofPeriod();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("opinions", s.opinions());
            doc.put("byArea", s.byArea());
            doc.put("byStatus", s.byStatus());
            doc.put("byStation", s.byStation());
            doc.put("byChannel", s.byChannel());
            doc.put("batchesExported", s.batchesExported());
            doc.put("batchesImported", s.batchesImported());
            doc.put("generated", s.generated());
            out.println(root.context().json().writeValueAsString(doc));
        } else {
            Messages m = root.messages();
            out.println(m.get("cli.stats.total", s.opinions()));
            s.byArea().forEach((k, v) -> out.println("  " + m.get("area.short." + k) + "\t" + v));
            s.byStatus().forEach((k, v) -> out.println("  " + m.get("status." + k) + "\t" + v));
            s.byStation().forEach((k, v) -> out.println("  " + k + "\t" + v));
            out.println(m.get("cli.stats.batches", s.batchesExported(), s.batchesImported()));
            if (s.generated() > 0) {
                out.println(m.get("generated.stats", s.generated()));
            }
        }
        out.flush();
        return Cli.OK;
    }

    /**
     * The same counts over the opinions a report of {@code --period} (and {@code --station}) counts: what the
     * report's figures must equal.
     */
    private OpinionStats ofPeriod() {
        AppContext ctx = root.context();
        OpinionFilter f = period == null ? OpinionFilter.ALL.withStation(station)
                : ReportService.filter(ReportPeriod.parse(period), station);
        DashboardCounts c = ctx.stats().dashboard(f).counts();
        OpinionStats all = ctx.opinions().stats();
        Map<String, Long> byArea = new LinkedHashMap<>();
        c.byArea().forEach((k, v) -> {
            if (k != 0) {
                byArea.put(Integer.toString(k), v);
            }
        });
        byArea.put("none", c.byArea().getOrDefault(0, 0L));
        return new OpinionStats(c.total(), byArea, c.byStatus(), new TreeMap<>(c.byStation()),
                new TreeMap<>(c.byChannel()), all.batchesExported(), all.batchesImported(),
                ctx.opinions().countGenerated(f));
    }
}
