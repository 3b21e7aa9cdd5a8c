package org.liaisondesk.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The labelled dev sets under src/test/resources, scored by {@link TagEvaluation} (the figures of
 * {@code /work/shared/tools/tag-eval.py}).
 */
final class DevSet {

    private DevSet() {
    }

    static List<TagEvaluation.Item> load(String resource) {
        try (InputStream in = DevSet.class.getResourceAsStream(resource)) {
            return TagEvaluation.read(in, new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TagEvaluation.Metrics evaluate(Tagger tagger, List<TagEvaluation.Item> items) {
        return TagEvaluation.evaluate(tagger, items);
    }

    /** Tuning aid: {@code java … DevSet [print] [set.jsonl]} prints the figures, the misses and every suggestion. */
    public static void main(String[] args) {
        BigramTagger tagger = BigramTagger.loadDefault();
        List<TagEvaluation.Item> items = load(args.length > 1 ? args[1] : "dev-opinions.jsonl");
        if (args.length > 0) {
            for (TagEvaluation.Item item : items) {
                System.out.println(item.id() + " " + item.areas() + " " + tagger.suggest(item.text()));
            }
        }
        TagEvaluation.Metrics m = evaluate(tagger, items);
        m.misses().forEach(System.out::println);
        System.out.println(m);
    }
}
