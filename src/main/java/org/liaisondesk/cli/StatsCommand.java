package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.OpinionStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stats --json}: counts by primary area, status, station, channel and batches. */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", descriptionKey = "stats.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OpinionStats s = root.context().opinions().stats();
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
            out.println(root.context().json().writeValueAsString(doc));
        } else {
            Messages m = root.messages();
            out.println(m.get("cli.stats.total", s.opinions()));
            s.byArea().forEach((k, v) -> out.println("  " + m.get("area.short." + k) + "\t" + v));
            s.byStatus().forEach((k, v) -> out.println("  " + m.get("status." + k) + "\t" + v));
            s.byStation().forEach((k, v) -> out.println("  " + k + "\t" + v));
            out.println(m.get("cli.stats.batches", s.batchesExported(), s.batchesImported()));
        }
        out.flush();
        return Cli.OK;
    }
}
