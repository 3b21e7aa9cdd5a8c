package org.liaisondesk.tagging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a work report's "main tasks" text into a {@link Taxonomy}.
 *
 * <p>Areas are the lines headed {@code 一、} … {@code 六、}; an area's body is every following line up to the next
 * heading, except a closing address ({@code 各位代表…}). The body is split into clauses at {@code ,。;:!} and
 * before {@code 并}+task verb, so each sub-topic reads as one task; fragments shorter than
 * {@value #MIN_CLAUSE} characters (明确分工, 压实责任) are joined to the clause before them. Ids are
 * {@code area.seq}, so the same text always yields the same ids.
 */
public final class TaxonomyParser {

    static final int MIN_CLAUSE = 6;

    private static final Pattern HEADING = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(.+)$");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,,。;;::!!??]|(?=并(?:开展|听取|推进|作出|组织))");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)年");
    private static final String NUMERALS = "一二三四五六";
    private static final Pattern CLOSING = Pattern.compile("^(各位代表|同志们)");
    private static final String KEYWORD_BREAKS = "、,,“”\"《》()()· ";

    /** Boilerplate words by first character, longest first, so most positions cost one map probe. */
    private final Map<Character, List<String>> reportWords = new HashMap<>();
    private final Lexicon labels;

    /**
     * @param reportWords report boilerplate (task verbs, 条例, 情况, 报告 …) removed when deriving a clause's keywords
     * @param labels      heading keyword → short area label
     */
    public TaxonomyParser(List<String> reportWords, Lexicon labels) {
        for (String w : reportWords) {
            this.reportWords.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
        // Longest first so 听取审议 is cut before 听取.
        this.reportWords.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.length(), a.length())));
        this.labels = labels;
    }

    public static TaxonomyParser withDefaultLexicons() {
        return new TaxonomyParser(Lexicon.resource("stopwords.tsv").get("report"),
                Lexicon.resource("area-labels.tsv"));
    }

    /**
     * The text is no work report: {@code heading} is a heading out of order or beyond 六 (null when headings are
     * missing), {@code found} how many headings came in order before. The caller words it in the reader's language.
     */
    public static final class NotAReport extends IllegalArgumentException {
        private final String heading;
        private final int found;

        NotAReport(String heading, int found) {
            super(heading != null ? "report heading out of order or beyond 六: " + heading
                    : "a report needs the six headings 一、 … 六、, found " + found);
            this.heading = heading;
            this.found = found;
        }

        public String heading() {
            return heading;
        }

        public int found() {
            return found;
        }
    }

    /** @throws NotAReport when the text does not have the six headings 一、 … 六、 in order */
    public Taxonomy parse(String reportText) {
        String text = reportText.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = text.lines().toList();
        String title = "";
        List<String> headings = new ArrayList<>();
        List<StringBuilder> bodies = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (title.isEmpty()) {
                title = line;
            }
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                int expected = headings.size();
                if (expected >= NUMERALS.length() || !m.group(1).equals(String.valueOf(NUMERALS.charAt(expected)))) {
                    throw new NotAReport(line, headings.size());
                }
                headings.add(m.group(2).strip());
                bodies.add(new StringBuilder());
            } else if (!headings.isEmpty() && !CLOSING.matcher(line).find()) {
                bodies.get(bodies.size() - 1).append(line).append('\n');
            }
        }
        if (headings.size() != NUMERALS.length()) {
            throw new NotAReport(null, headings.size());
        }
        List<TaskArea> areas = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            int number = i + 1;
            areas.add(new TaskArea(number, String.valueOf(NUMERALS.charAt(i)), headings.get(i),
                    label(headings.get(i)), subtopics(number, bodies.get(i).toString())));
        }
        return new Taxonomy(version(text), title, areas);
    }

    private List<Subtopic> subtopics(int area, String body) {
        List<String> clauses = new ArrayList<>();
        for (String piece : CLAUSE_BREAK.split(body.replace('\n', '。'))) {
            String clause = piece.strip();
            if (clause.startsWith("并")) {
                clause = clause.substring(1);
            }
            if (clause.isEmpty()) {
                continue;
            }
            if (clause.length() < MIN_CLAUSE && !clauses.isEmpty()) {
                int last = clauses.size() - 1;
                clauses.set(last, clauses.get(last) + "," + clause);
            } else {
                clauses.add(clause);
            }
        }
        List<Subtopic> result = new ArrayList<>();
        for (String clause : clauses) {
            int seq = result.size() + 1;
            String id = area + (seq < 10 ? ".0" : ".") + seq;
            result.add(new Subtopic(id, area, clause, keywords(clause)));
        }
        return result;
    }

    /** The clause's content phrases: boilerplate words cut out, the rest split at 、 and quotes. */
    List<String> keywords(String clause) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < clause.length()) {
            String word = boilerplateAt(clause, i);
            char c = clause.charAt(i);
            if (word != null || KEYWORD_BREAKS.indexOf(c) >= 0) {
                addKeyword(out, current);
                i += word != null ? word.length() : 1;
            } else {
                current.append(c);
                i++;
            }
        }
        addKeyword(out, current);
        return out;
    }

    /** The longest boilerplate word starting at {@code i}, or null; a plain scan, cheap even before JIT. */
    private String boilerplateAt(String clause, int i) {
        List<String> candidates = reportWords.get(clause.charAt(i));
        if (candidates != null) {
            for (String w : candidates) {
                if (clause.startsWith(w, i)) {
                    return w;
                }
            }
        }
        return null;
    }

    private static void addKeyword(List<String> out, StringBuilder current) {
        String k = current.toString();
        if (k.length() >= 2 && !out.contains(k)) {
            out.add(k);
        }
        current.setLength(0);
    }

    private String label(String heading) {
        for (var e : labels.asMap().entrySet()) {
            if (heading.contains(e.getKey())) {
                return e.getValue().get(0);
            }
        }
        // An unknown report: the heading's second half names the substance ("全力保障打好经济翻身仗").
        String h = heading.replace(',', ',');
        String tail = h.substring(h.lastIndexOf(',') + 1).replaceAll("[,“”\"]", "");
        return tail.length() <= 10 ? tail : tail.substring(tail.length() - 10);
    }

    static String version(String normalizedText) {
        Matcher m = YEAR.matcher(normalizedText);
        String year = m.find() ? m.group(1) : "report";
        // A label that changes with the text, not a security check: CRC-32C is enough and, unlike MessageDigest,
        // loads no security providers at every command-line start.
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(normalizedText.getBytes(StandardCharsets.UTF_8));
        return year + "-" + String.format("%08x", crc.getValue());
    }
}
