package org.liaisondesk.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The everyday-topic layer between residents' words and the report: hotline-style categories and topics
 * (住房 › 房屋维修与漏水: 漏水、墙体开裂、返潮 …), each mapped onto one report clause. Residents' vocabulary
 * changes slowly while the report changes every year, so a new report needs only the clause column reviewed.
 *
 * <p>File format ({@code everyday-topics.tsv}, UTF-8): {@code CATEGORY<TAB>TOPIC<TAB>CLAUSE<TAB>word、word、…};
 * {@code #} starts a comment line. CLAUSE is a word of a report clause (the topic maps to the first clause, in
 * report order, whose wording contains it) or a sub-topic id such as {@code 4.08}. Immutable.
 */
public final class EverydayTopics {

    public static final String DEFAULT_RESOURCE = "everyday-topics.tsv";

    private static final Pattern SUBTOPIC_ID = Pattern.compile("\\d\\.\\d{2}");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[、,,]");

    /**
     * @param category  the hotline-style first-level category, e.g. {@code 住房}
     * @param name      the topic, e.g. {@code 房屋维修与漏水}
     * @param clauseKey a clause word or a sub-topic id
     * @param words     the everyday words that signal the topic, matched whole
     */
    public record Topic(String category, String name, String clauseKey, List<String> words) {
        public Topic {
            words = List.copyOf(words);
        }
    }

    private final List<Topic> topics;

    public EverydayTopics(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    /** @throws IllegalArgumentException naming the line when a line does not have four columns */
    public static EverydayTopics parse(String text) {
        List<Topic> topics = new ArrayList<>();
        Lexicon.forEachLine(text, (lineNo, line) -> {
            String[] cols = line.split("\t");
            if (cols.length != 4 || cols[0].isBlank() || cols[1].isBlank() || cols[2].isBlank()) {
                throw new IllegalArgumentException("everyday topics line " + lineNo
                        + ": expected CATEGORY<TAB>TOPIC<TAB>CLAUSE<TAB>word、word: " + line);
            }
            List<String> words = new ArrayList<>();
            for (String w : WORD_SEPARATOR.split(cols[3])) {
                String word = w.strip();
                if (word.length() >= 2 && !words.contains(word)) {
                    words.add(word);
                }
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException("everyday topics line " + lineNo + ": no words of two or more characters");
            }
            topics.add(new Topic(cols[0].strip(), cols[1].strip(), cols[2].strip(), words));
        });
        return new EverydayTopics(topics);
    }

    public static EverydayTopics loadDefault() {
        return parse(Lexicon.readResource(DEFAULT_RESOURCE));
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The clause a topic maps to in {@code taxonomy}: the sub-topic with that id, else the first containing the word. */
    public static Optional<Subtopic> clause(Topic topic, Taxonomy taxonomy) {
        String key = topic.clauseKey();
        if (SUBTOPIC_ID.matcher(key).matches()) {
            return taxonomy.subtopic(key);
        }
        return taxonomy.subtopics().stream().filter(s -> s.wording().contains(key)).findFirst();
    }

    /** Topics whose clause key matches nothing in {@code taxonomy}: they are ignored until the file is edited. */
    public List<Topic> unresolved(Taxonomy taxonomy) {
        return topics.stream().filter(t -> clause(t, taxonomy).isEmpty()).toList();
    }
}
