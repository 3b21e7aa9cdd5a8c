package org.liaisondesk.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everyday phrases residents use for the report's tasks (老人没人照顾 → 居家养老), curated by people and
 * editable by an administrator. Immutable; editing means parsing a new text.
 *
 * <p>File format (UTF-8): one line per entry, {@code KEY<TAB>phrase、phrase、…}; phrases may also be separated
 * by {@code ,} or {@code ,}. {@code #} starts a comment line. KEY is either a sub-topic id such as {@code 4.13}
 * (tied to one report version) or, preferably, a word of the report's wording such as {@code 居家养老}: the
 * phrases then attach to every sub-topic whose clause contains that word, so the list survives a new report
 * that still speaks of 居家养老.
 */
public final class SynonymList {

    /** Default list bundled with the program. */
    public static final String DEFAULT_RESOURCE = "synonyms.tsv";

    /** Shown at the top of the list in the window (clerks read it), so in Chinese. */
    static final String HEADER = """
            # 群众的日常说法与报告任务的对应:关键词<Tab>说法、说法、……(以 # 开头的行是说明,不参与匹配)
            # 关键词是报告条文里的一个词(如 居家养老),说法会对应到含有这个词的所有条文;
            # 也可以是子项编号(如 4.13),但只对当前这一版报告有效。
            """;

    private static final Pattern SUBTOPIC_ID = Pattern.compile("\\d\\.\\d{2}");
    private static final Pattern PHRASE_SEPARATOR = Pattern.compile("[、,,]");

    /** @param key a clause word or a sub-topic id; {@code phrases} non-empty */
    public record Entry(String key, List<String> phrases) {
        public Entry {
            if (key == null || key.isBlank() || key.contains("\t")) {
                throw new IllegalArgumentException("a synonym key must be a non-blank word without tabs");
            }
            phrases = List.copyOf(phrases);
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("synonym key " + key + " has no phrases");
            }
        }
    }

    private final List<Entry> entries;

    public SynonymList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** @throws IllegalArgumentException naming the line when a line is not {@code KEY<TAB>phrases} */
    public static SynonymList parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Lexicon.forEachLine(text, (lineNo, line) -> {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("synonyms line " + lineNo + ": expected KEY<TAB>phrase、phrase: " + line);
            }
            List<String> phrases = new ArrayList<>();
            for (String p : PHRASE_SEPARATOR.split(line.substring(tab + 1))) {
                if (!p.isBlank()) {
                    phrases.add(p.strip());
                }
            }
            try {
                entries.add(new Entry(line.substring(0, tab).strip(), phrases));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("synonyms line " + lineNo + ": " + e.getMessage(), e);
            }
        });
        return new SynonymList(entries);
    }

    public static SynonymList loadDefault() {
        return parse(Lexicon.readResource(DEFAULT_RESOURCE));
    }

    public static SynonymList load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Writes {@link #format()} via a temporary file, so a crash never leaves half a list. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, format(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file text: the format header, then one line per entry. {@code parse(format())} equals this list. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Entry e : entries) {
            sb.append(e.key()).append('\t').append(String.join("、", e.phrases())).append('\n');
        }
        return sb.toString();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Sub-topic id → its phrases (de-duplicated, file order), for the sub-topics of {@code taxonomy}. */
    public Map<String, List<String>> resolve(Taxonomy taxonomy) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Subtopic> subtopics = taxonomy.subtopics();
        for (Entry e : entries) {
            for (Subtopic s : matching(e.key(), subtopics)) {
                List<String> list = out.computeIfAbsent(s.id(), k -> new ArrayList<>());
                e.phrases().stream().filter(p -> !list.contains(p)).forEach(list::add);
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** Keys that match no sub-topic of {@code taxonomy}: their phrases are ignored; show them to the editor. */
    public List<String> unresolvedKeys(Taxonomy taxonomy) {
        List<Subtopic> subtopics = taxonomy.subtopics();
        return entries.stream().map(Entry::key).distinct()
                .filter(k -> matching(k, subtopics).isEmpty()).toList();
    }

    private static List<Subtopic> matching(String key, List<Subtopic> subtopics) {
        boolean byId = SUBTOPIC_ID.matcher(key).matches();
        List<Subtopic> out = new ArrayList<>();
        for (Subtopic s : subtopics) {
            if (byId ? s.id().equals(key) : s.wording().contains(key)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynonymList other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "SynonymList[" + entries.size() + " entries]";
    }
}
