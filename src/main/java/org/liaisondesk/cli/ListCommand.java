package org.liaisondesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.json.OpinionJson;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code list [--status S] [--area 1..6] [--query Q] [--limit N] --json}: newest first, streamed. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false)
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", descriptionKey = "list.status")
    String status;

    @Option(names = "--area", paramLabel = "1..6", descriptionKey = "list.area")
    Integer area;

    @Option(names = "--channel", paramLabel = "CHANNEL", descriptionKey = "list.channel")
    String channel;

    @Option(names = "--station", paramLabel = "CODE", descriptionKey = "list.station")
    String station;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "list.from")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "list.to")
    String to;

    @Option(names = "--query", paramLabel = "Q", descriptionKey = "list.query")
    String query;

    @Option(names = "--deleted", descriptionKey = "list.deleted")
    boolean deleted;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", descriptionKey = "list.limit")
    int limit;

    @Option(names = "--json", descriptionKey = "list.json")
    boolean json;

    @Override
    public Integer call() {
        OpinionFilter filter = filter();
        if (limit < 0) {
            throw new UserFacingException("cli.error.limit", limit);
        }
        AppContext ctx = root.context();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(ctx, filter, out);
        } else {
            ctx.opinions().forEach(filter, OpinionSort.NEWEST_FIRST, limit, o -> out.println(String.join("\t",
                    o.number(), o.receivedAt().toString().replace('T', ' '),
                    root.messages().get("channel." + o.channel().code()),
                    o.areas().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    root.messages().get("status." + o.status().code()), o.text().replace('\n', ' '))));
        }
        out.flush();
        return Cli.OK;
    }

    private void writeJson(AppContext ctx, OpinionFilter filter, PrintWriter out) {
        try (JsonGenerator g = ctx.json().getFactory().createGenerator(out)) {
            g.writeStartArray();
            ctx.opinions().forEach(filter, OpinionSort.NEWEST_FIRST, limit, o -> {
                try {
                    OpinionJson.write(g, o);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpinionFilter filter() {
        OpinionFilter f = OpinionFilter.ALL.withDeleted(deleted);
        if (status != null) {
            f = f.withStatus(Status.fromCode(status).orElseThrow(() -> new UserFacingException("cli.error.status",
                    status)));
        }
        if (channel != null) {
            f = f.withChannel(Channel.fromCode(channel).orElseThrow(() -> new UserFacingException(
                    "cli.error.channel", channel)));
        }
        if (area != null) {
            if (area < 0 || area > 6) {
                throw new UserFacingException("cli.error.area", area);
            }
            f = f.withArea(area);
        }
        return f.withStation(station).withTextContains(query).withReceived(Dates.parse(from), Dates.parse(to));
    }
}
