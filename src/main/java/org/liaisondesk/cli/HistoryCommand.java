package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Review;
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
            Review r = ctx.reviews().review(opinionId);
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("note", r.note());
            review.put("priority", r.priority().code());
            review.put("handling", r.handling() == null ? null : r.handling().code());
            review.put("reason", r.reason());
            review.put("reply", r.reply());
            review.put("reviewedBy", r.reviewedBy());
            review.put("reviewedAt", r.reviewedAt() == null ? null : r.reviewedAt().toString());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (HistoryEntry h : history) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("at", h.at().toString());
                e.put("actor", h.actor());
                e.put("action", h.action());
                e.put("revision", h.revision());
                e.put("before", h.before());
                e.put("after", h.after());
                entries.add(e);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("id", opinionId.toString());
            all.put("review", review);
            all.put("history", entries);
            out.println(ctx.json().writeValueAsString(all));
        } else {
            history.forEach(h -> out.println(String.join("\t", h.at().toString(), h.actor(), h.action(),
                    Integer.toString(h.revision()), String.valueOf(h.before()), String.valueOf(h.after()))));
        }
        out.flush();
        return Cli.OK;
    }
}
