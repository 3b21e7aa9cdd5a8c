package org.liaisondesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.json.ReviewJson;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.ReviewRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code history ID [--json]}: the review and every review change of an opinion, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false)
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "review.id")
    String id;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        UUID opinionId = SimilarCommand.parseId(id);
        AppContext ctx = root.context();
        List<HistoryEntry> history = ctx.reviews().history(opinionId);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode all = ctx.json().createObjectNode();
            all.put("id", opinionId.toString());
            ReviewJson.put(all, new ReviewRecord(ctx.reviews().review(opinionId), history));
            // the handling loop's changes (issue 13): who, when, what, before, after
            com.fasterxml.jackson.databind.node.ArrayNode handling = all.putArray("handling");
            ctx.handling().history(opinionId).forEach(e -> handling.addObject().put("at", e.at().toString())
                    .put("actor", e.actor()).put("action", e.action()).put("before", e.before())
                    .put("after", e.after()));
            out.println(ctx.json().writeValueAsString(all));
        } else {
            history.forEach(h -> out.println(String.join("\t", h.at().toString(), h.actor(), h.action(),
                    Integer.toString(h.revision()), String.valueOf(h.before()), String.valueOf(h.after()))));
            ctx.handling().history(opinionId).forEach(e -> out.println(String.join("\t", e.at().toString(),
                    e.actor(), e.action(), "-", String.valueOf(e.before()), String.valueOf(e.after()))));
        }
        out.flush();
        return Cli.OK;
    }
}
