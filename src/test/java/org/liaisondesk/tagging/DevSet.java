package org.liaisondesk.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled dev set and the scorer's three figures, computed in Java exactly as
 * {@code /work/shared/tools/tag-eval.py} does: top-1 (best area acceptable), top-2 (primary among the best two),
 * abstention on the no-area items.
 */
final class DevSet {

    record Item(String id, String text, List<Integer> areas) {
    }

    /**
     * @param untagged labelled items (an area fits) that got no suggestion at all
     */
    record Metrics(int top1, int top2, int labelled, int abstained, int none, int untagged, List<String> misses) {
        double top1Rate() {
            return (double) top1 / labelled;
        }

        double top2Rate() {
            return (double) top2 / labelled;
        }

        double untaggedRate() {
            return (double) untagged / labelled;
        }

        @Override
        public String toString() {
            return String.format("top1=%.3f (%d/%d) top2=%.3f abstain=%d/%d untagged=%d/%d", top1Rate(), top1,
                    labelled, top2Rate(), abstained, none, untagged, labelled);
        }
    }

    static List<Item> load(String resource) {
        ObjectMapper mapper = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try (InputStream in = DevSet.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                List<Integer> areas = new ArrayList<>();
                n.get("areas").forEach(a -> areas.add(a.asInt()));
                items.add(new Item(n.get("id").asText(), n.get("text").asText(), List.copyOf(areas)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    static Metrics evaluate(Tagger tagger, List<Item> items) {
        int top1 = 0, top2 = 0, labelled = 0, abstained = 0, none = 0, untagged = 0;
        List<String> misses = new ArrayList<>();
        for (Item item : items) {
            List<Integer> got = tagger.suggest(item.text()).stream().map(Suggestion::area).toList();
            if (item.areas().isEmpty()) {
                none++;
                if (got.isEmpty()) {
                    abstained++;
                } else {
                    misses.add("should abstain " + item.id() + ": got " + got + "  " + item.text());
                }
                continue;
            }
            labelled++;
            if (got.isEmpty()) {
                untagged++;
            }
            if (!got.isEmpty() && item.areas().contains(got.get(0))) {
                top1++;
            } else {
                misses.add("miss " + item.id() + ": want " + item.areas() + " got " + got + "  " + item.text());
            }
            if (got.subList(0, Math.min(2, got.size())).contains(item.areas().get(0))) {
                top2++;
            }
        }
        return new Metrics(top1, top2, labelled, abstained, none, untagged, misses);
    }

    /** Tuning aid: {@code java … DevSet} prints the figures, the misses and every suggestion. */
    public static void main(String[] args) {
        BigramTagger tagger = BigramTagger.loadDefault();
        List<Item> items = load(args.length > 1 ? args[1] : "dev-opinions.jsonl");
        if (args.length > 0) {
            for (Item item : items) {
                System.out.println(item.id() + " " + item.areas() + " " + tagger.suggest(item.text()));
            }
        }
        Metrics m = evaluate(tagger, items);
        m.misses().forEach(System.out::println);
        System.out.println(m);
    }
}
