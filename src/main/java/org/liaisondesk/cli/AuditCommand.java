package org.liaisondesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AuditEntry;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit [--opinion ID] [--actor A] [--action X] [--limit N] [--json]}: the audit log, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false)
final class AuditCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--opinion", paramLabel = "ID", descriptionKey = "audit.opinion")
    String opinion;

    @Option(names = "--actor", paramLabel = "NAME", descriptionKey = "audit.actor")
    String actor;

    @Option(names = "--action", paramLabel = "ACTION", descriptionKey = "audit.action")
    String action;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", descriptionKey = "audit.limit")
    int limit;

    @Option(names = "--json", descriptionKey = "audit.json")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UserFacingException("cli.error.limit", limit);
        }
        root.require(Action.VIEW_AUDIT);
        AppContext ctx = root.context();
        AuditQuery query = new AuditQuery(opinion, actor, action, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = ctx.json().getFactory().createGenerator(out)) {
                g.writeStartArray();
                ctx.audit().forEach(query, e -> write(g, e));
                g.writeEndArray();
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        } else {
            ctx.audit().forEach(query, e -> out.println(String.join("\t", e.at().toString(), e.actor(), e.action(),
                    e.opinionId() == null ? "-" : e.opinionId(), e.detail() == null ? "" : e.detail())));
        }
        out.flush();
        return Cli.OK;
    }

    private static void write(JsonGenerator g, AuditEntry e) {
        try {
            g.writeStartObject();
            g.writeNumberField("id", e.id());
            g.writeStringField("at", e.at().toString());
            g.writeStringField("actor", e.actor());
            g.writeStringField("action", e.action());
            g.writeStringField("opinion", e.opinionId());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
