package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.search.SimilarityIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code similar ID [--limit N] --json}: opinions that say nearly the same as opinion ID, best first. */
@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false)
final class SimilarCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "similar.id")
    String id;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", descriptionKey = "similar.limit")
    int limit;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UserFacingException("cli.error.similarLimit", limit);
        }
        AppContext ctx = root.context();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimilarityIndex.Match m : ctx.searchService().similarTo(parseId(id), limit)) {
            ctx.opinions().find(m.id()).ifPresent(o -> rows.add(row(o, m.score())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ctx.json().writeValueAsString(rows));
        } else {
            rows.forEach(r -> out.println(String.format("%.2f", (Double) r.get("score")) + "\t" + r.get("number")
                    + "\t" + r.get("station") + "\t" + ((String) r.get("text")).replace('\n', ' ')));
        }
        out.flush();
        return Cli.OK;
    }

    private static Map<String, Object> row(Opinion o, double score) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", o.id().toString());
        r.put("score", Math.round(score * 1000) / 1000.0);
        r.put("number", o.number());
        r.put("station", o.station());
        r.put("receivedAt", o.receivedAt().toString());
        r.put("status", o.status().code());
        r.put("text", o.text());
        return r;
    }

    static UUID parseId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("cli.error.id", value);
        }
    }
}
