package org.liaisondesk.tagging;

import java.util.List;
import java.util.Optional;

/**
 * The six task areas and their clauses, parsed from one report text. Immutable: a new report gives a new
 * object with a new {@link #version()}, so tags made against the old one stay explainable.
 *
 * @param version {@code YEAR-CRC8}, e.g. {@code 2023-3f2a9c1b}: the report's year and a CRC-32C of its text
 * @param title   the report's first line
 * @param areas   exactly six, in order 一 … 六
 */
public record Taxonomy(String version, String title, List<TaskArea> areas) {

    /** Classpath resource holding the bundled report (a copy of {@code seeds/hangzhou-npc-2023-main-tasks.txt}). */
    public static final String DEFAULT_REPORT = "main-tasks.txt";

    public Taxonomy {
        areas = List.copyOf(areas);
    }

    /** The bundled report, parsed. Cheap (a few ms), so callers may simply call it at start-up. */
    public static Taxonomy loadDefault() {
        return parse(Lexicon.readResource(DEFAULT_REPORT));
    }

    /** Parses a report text; see {@link TaxonomyParser}. */
    public static Taxonomy parse(String reportText) {
        return TaxonomyParser.withDefaultLexicons().parse(reportText);
    }

    /** @param number 1..6 */
    public TaskArea area(int number) {
        return areas.get(number - 1);
    }

    public List<Subtopic> subtopics() {
        return areas.stream().flatMap(a -> a.subtopics().stream()).toList();
    }

    public Optional<Subtopic> subtopic(String id) {
        return subtopics().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
