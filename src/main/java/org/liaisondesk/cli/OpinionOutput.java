package org.liaisondesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.json.OpinionJson;
import org.liaisondesk.model.Opinion;

/** Opinions streamed to the console: a JSON array, or one tab-separated line each. */
final class OpinionOutput {

    private OpinionOutput() {
    }

    /** Writes every opinion {@code source} hands over, without holding them all. */
    static void write(RootCommand root, PrintWriter out, boolean json, Consumer<Consumer<Opinion>> source) {
        write(root, out, json, source, null);
    }

    /** {@link #write(RootCommand, PrintWriter, boolean, Consumer)} with more fields in each JSON object. */
    static void write(RootCommand root, PrintWriter out, boolean json, Consumer<Consumer<Opinion>> source,
                      OpinionJson.Extra extra) {
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
