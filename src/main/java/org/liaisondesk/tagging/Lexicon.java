package org.liaisondesk.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * A small curated word list kept as a reviewable resource: UTF-8 lines {@code kind<TAB>phrase}, {@code #}
 * comments and blank lines ignored. Used for stopwords, abstention cues and area labels, which a reviewer
 * should be able to read and change without touching code.
 */
public final class Lexicon {

    private final Map<String, List<String>> byKind;

    private Lexicon(Map<String, List<String>> byKind) {
        this.byKind = byKind;
    }

    public static Lexicon parse(String text) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        forEachLine(text, (lineNo, line) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException("line " + lineNo + ": expected kind<TAB>phrase: " + line);
            }
            map.computeIfAbsent(line.substring(0, tab).strip(), k -> new ArrayList<>())
                    .add(line.substring(tab + 1).strip());
        });
        map.replaceAll((k, v) -> List.copyOf(v));
        return new Lexicon(Map.copyOf(map));
    }

    /** One content line of a tagging list file, with its 1-based number for messages. */
    @FunctionalInterface
    interface LineHandler {
        void line(int number, String line);
    }

    /**
     * The tagging list files' common format (this file, the synonyms, the everyday topics): UTF-8, a byte-order mark
     * ignored, blank lines and lines starting with {@code #} skipped; each other line is handed on stripped.
     */
    static void forEachLine(String text, LineHandler handler) {
        int lineNo = 0;
        for (String raw : text.replace("\uFEFF", "").lines().toList()) {
            lineNo++;
            String line = raw.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                handler.line(lineNo, line);
            }
        }
    }

    /** Reads a resource next to this class, e.g. {@code stopwords.tsv}. */
    public static Lexicon resource(String name) {
        return parse(readResource(name));
    }

    /** The phrases of one kind in file order; empty when the kind is absent. */
    public List<String> get(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** All kinds with their phrases, in no particular order. */
    public Map<String, List<String>> asMap() {
        return byKind;
    }

    static String readResource(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/liaisondesk/tagging/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
