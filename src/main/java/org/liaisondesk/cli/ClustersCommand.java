package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.service.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code clusters [--min-size N] [filters] --json}: groups of opinions raising one matter, largest first. */
@Command(name = "clusters", mixinStandardHelpOptions = true, sortOptions = false)
final class ClustersCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--min-size", paramLabel = "N", defaultValue = "2", descriptionKey = "clusters.minSize")
    int minSize;

    @Mixin
    FilterOptions filters;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (minSize < 2) {
            throw new UserFacingException("cli.error.minSize", minSize);
        }
        AppContext ctx = root.context();
        List<SearchService.Cluster> clusters = ctx.searchService().clusters(filters.filter(), minSize);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SearchService.Cluster c : clusters) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("size", c.size());
                r.put("stations", c.stations());
                r.put("opinions", c.opinions().stream().map(UUID::toString).toList());
                rows.add(r);
            }
            out.println(ctx.json().writeValueAsString(rows));
        } else {
            Messages m = root.messages();
            for (SearchService.Cluster c : clusters) {
                out.println(m.get("cli.clusters.line", c.size(), c.stations().size(), String.join(", ",
                        c.stations())));
                for (UUID id : c.opinions()) {
                    ctx.opinions().find(id).ifPresent(o -> out.println("  " + o.number() + "\t"
                            + o.text().replace('\n', ' ')));
                }
            }
        }
        out.flush();
        return Cli.OK;
    }
}
