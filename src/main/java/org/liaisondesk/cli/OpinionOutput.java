package org.liaisondesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.json.OpinionJson;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.service.Caller;

/** Opinions streamed to the console: a JSON array, or one tab-separated line each. */
final class OpinionOutput {

    private OpinionOutput() {
    }

    /** Writes every opinion {@code source} hands over, without holding them all. */
    static void write(RootCommand root, PrintWriter out, boolean json, Consumer<Consumer<Opinion>> source) {
        write(root, out, json, source, null);
    }

    /**
     * {@link #write(RootCommand, PrintWriter, boolean, Consumer)} with more fields in each JSON object. Residents'
     * contacts are shown as the window would show them to the caller's role.
     */
    static void write(RootCommand root, PrintWriter out, boolean json, Consumer<Consumer<Opinion>> all,
                      OpinionJson.Extra extra) {
        Caller caller = root.caller();
        Consumer<Consumer<Opinion>> source = sink -> all.accept(o -> sink.accept(masked(o, caller)));
        if (json) {
            writeJson(root, out, source, extra);
        } else {
            Messages m = root.messages();
            source.accept(o -> out.println(String.join("\t", o.number(),
                    o.receivedAt().toString().replace('T', ' '), m.get("channel." + o.channel().code()),
                    o.areas().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    m.get("status." + o.status().code()), o.text().replace('\n', ' '))));
        }
        out.flush();
    }

    /** The resident's contact as the window would show it to this caller's role (see {@link Caller}). */
    private static Opinion masked(Opinion o, Caller caller) {
        Constituent shown = caller.contactView(o.constituent());
        return shown == o.constituent() ? o : new Opinion(o.id(), o.number(), o.station(), o.receivedAt(),
                o.channel(), shown, o.receivedBy(), o.text(), o.tags(), o.status(), o.createdAt(), o.updatedAt(),
                o.revision(), o.deleted(), o.generated());
    }

    private static void writeJson(RootCommand root, PrintWriter out, Consumer<Consumer<Opinion>> source,
                                  OpinionJson.Extra extra) {
        try (JsonGenerator g = root.context().json().getFactory().createGenerator(out)) {
            g.writeStartArray();
            source.accept(o -> {
                try {
                    OpinionJson.write(g, o, extra);
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
}
