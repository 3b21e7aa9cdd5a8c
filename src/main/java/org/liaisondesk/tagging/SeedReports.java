package org.liaisondesk.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The work reports in the {@code seeds} folder: next year's report dropped in there becomes the taxonomy the next
 * time the tagger is built. The newest year wins (from the file name, e.g. {@code hangzhou-npc-2024-main-tasks.txt},
 * else the first year the text names); a file that is not a report is ignored.
 */
public final class SeedReports {

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    private SeedReports() {
    }

    /** A report file's text and what it parses to. */
    public record Report(String text, Taxonomy taxonomy) {
    }

    /** {@code -Dliaisondesk.seedDir} (the installer sets it), else {@code seeds} in the working folder. */
    public static Path folder() {
        String configured = System.getProperty("liaisondesk.seedDir");
        return Path.of(configured != null ? configured : "seeds");
    }

    /** The newest parseable report in {@code dir}, or empty when there is none (then the bundled one is used). */
    public static Optional<Report> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted(Comparator.comparingInt(SeedReports::yearOf).reversed())
                    .map(SeedReports::parse)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int yearOf(Path file) {
        Matcher m = YEAR.matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Optional<Report> parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(new Report(text, Taxonomy.parse(text)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
