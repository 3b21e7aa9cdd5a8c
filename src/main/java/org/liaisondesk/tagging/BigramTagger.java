package org.liaisondesk.tagging;

import org.liaisondesk.model.AreaTag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Zero-shot tagger: TF-IDF over character bigrams of the opinion against every report clause, its keywords
 * and its curated everyday synonyms, aggregated to the six areas.
 *
 * <p>Each clause is a "document" whose bigram set is the union of its fields (wording, keywords, synonyms),
 * a bigram weighing its BM25 idf across clauses times the strongest field it occurs in. A clause scores the
 * weights of the opinion's distinct bigrams it contains, plus a bonus for each keyword or synonym phrase the
 * opinion contains whole (so 噪音扰民 counts more than 噪 … 民 scattered), divided by a mild length norm so
 * clauses with long synonym lists do not win by size. An area scores its best clause plus a share of its
 * second best. The raw score r becomes a confidence r/(r+τ) that is 0.5 at the threshold τ; τ is multiplied
 * when the text carries a thanks/personal/private cue, so such texts need clear topical evidence, and multiplied
 * far more ({@link #NOTHING_FACTOR}) when the resident says there is nothing to raise or only thanks without asking
 * for anything. How the resident addresses the station ({@code framing} in stopwords.tsv) is cut out first: it is
 * not evidence of a topic.
 *
 * <p>Residents rarely use the report's words, so an everyday-topic layer ({@link EverydayTopics}) adds
 * {@link #TOPIC_GAIN} per word weight to the clause each matched topic maps to; a clause with neither a phrase found
 * whole nor a topic keeps only {@link #UNANCHORED} of its scattered bigram score (a road through a science corridor
 * is not a reason to tag area 2) and is never shown as the explanation. Each area's threshold is scaled by its prior
 * ({@code area-priors.tsv}). A suggestion's clause is the clause that scored, and its path says how the text got
 * there (the topic and its words, or the synonym phrase).
 *
 * <p>Immutable and thread-safe; per-call scratch arrays are thread-local, so tagging allocates little.
 */
public final class BigramTagger implements Tagger {

    static final double WORDING_WEIGHT = 0.8;
    static final double KEYWORD_WEIGHT = 1.0;
    static final double SYNONYM_WEIGHT = 1.0;
    static final double PHRASE_BONUS = 0.5;
    static final double LENGTH_NORM = 0.25;
    static final double SECOND_CLAUSE_SHARE = 0.2;
    static final double THRESHOLD = 4.0;
    static final double CUE_FACTOR = 2.5;
    static final String NOTHING_KIND = "nothing";
    /** Threshold multiplier when the resident raises nothing: a matter only mentioned in passing stays untagged. */
    static final double NOTHING_FACTOR = 16;
    static final String THANKS_KIND = "thanks";
    /** A matter already before a court: no task area, as strong as nothing to raise. */
    static final String LITIGATION_KIND = "litigation";
    /** Request words (希望, 建议, 能不能 …): thanks with one of them still raise a matter, thanks alone do not. */
    static final String REQUEST_KIND = "request";
    /** Raw clause score per weight unit of an everyday-topic word (a two-character word weighs 1). */
    static final double TOPIC_GAIN = 4.5;
    /** Share kept of a clause's score when no phrase of it was found whole and no everyday topic points to it. */
    static final double UNANCHORED = 0.55;
    /** Per-area prior ({@code area-priors.tsv}): how much more evidence than usual an area needs. */
    static final String PRIORS_RESOURCE = "area-priors.tsv";

    private final Taxonomy taxonomy;
    private final Subtopic[] subtopics;
    private final CharBigrams bigrams;
    private final IntIntMap gramIds;
    /** gram id → (clause index, contribution) postings. */
    private final int[][] postClause;
    private final float[][] postWeight;
    /** gram id → phrases containing it; a phrase found whole adds {@code phraseBonus} to its clause. */
    private final int[][] postPhrase;
    private final int[] phraseGrams;
    private final int[] phraseClause;
    private final float[] phraseBonus;
    private final String[] cues;
    /** Phrases saying there is nothing to raise ("今天没有要反映的"): abstention needs even more evidence. */
    private final String[] nothingCues;
    private final String[] thanksCues;
    private final String[] requestCues;
    /** Whole-found phrase index → its text and whether it came from the synonym list (else a report keyword). */
    private final String[] phraseText;
    private final boolean[] phraseIsSynonym;
    /** Everyday topics: first bigram of a word → word ids, longest first. */
    private final IntIntMap topicGram;
    private final int[][] topicWordsByGram;
    private final String[] topicWord;
    private final int[] topicWordTopic;
    private final float[] topicWordWeight;
    private final EverydayTopics.Topic[] topics;
    /** Topic → clause (sub-topic index), -1 when its clause key matches nothing in this report. */
    private final int[] topicClause;
    /** Area index → threshold multiplier. */
    private final double[] areaPrior;
    /** Address and request formulae ("人大代表联络站的同志", "麻烦代表"), cut out before scoring; longest first. */
    private final String[] framing;
    private final ThreadLocal<Scratch> scratch;

    private BigramTagger(Taxonomy taxonomy, Map<String, List<String>> synonyms, EverydayTopics everyday,
                         Lexicon stopwords, Lexicon cues, Lexicon priors) {
        this.taxonomy = taxonomy;
        this.subtopics = taxonomy.subtopics().toArray(Subtopic[]::new);
        this.bigrams = new CharBigrams(stopwords.get("char"));
        this.nothingCues = Stream.concat(cues.get(NOTHING_KIND).stream(),
                cues.get(LITIGATION_KIND).stream()).toArray(String[]::new);
        this.thanksCues = cues.get(THANKS_KIND).toArray(String[]::new);
        this.requestCues = cues.get(REQUEST_KIND).toArray(String[]::new);
        this.cues = cues.asMap().entrySet().stream()
                .filter(e -> !List.of(NOTHING_KIND, LITIGATION_KIND, REQUEST_KIND, THANKS_KIND).contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toArray(String[]::new);
        this.areaPrior = priors(taxonomy, priors);
        this.framing = stopwords.get("framing").stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);

        IndexBuilder b = new IndexBuilder(stopwords.get("genre"));
        for (int s = 0; s < subtopics.length; s++) {
            Subtopic st = subtopics[s];
            b.field(s, st.wording(), WORDING_WEIGHT, false, false);
            for (String k : st.keywords()) {
                b.field(s, k, KEYWORD_WEIGHT, true, false);
            }
            for (String p : synonyms.getOrDefault(st.id(), List.of())) {
                b.field(s, p, SYNONYM_WEIGHT, true, true);
            }
        }
        this.gramIds = b.ids;
        int grams = b.ids.size();
        // Sorted (gram, clause, weight) triples: one group per gram and clause, the last one has the top weight.
        long[] triples = b.sortedTriples();
        int[] df = new int[grams];
        int[] clauseLength = new int[subtopics.length];
        for (int i = 0; i < triples.length; i++) {
            if (i + 1 == triples.length || (triples[i + 1] >>> 8) != (triples[i] >>> 8)) {
                df[(int) (triples[i] >>> 40)]++;
                clauseLength[(int) (triples[i] >>> 8) & 0xFFFF]++;
            }
        }
        double[] idf = new double[grams];
        for (int g = 0; g < grams; g++) {
            idf[g] = Math.log(1 + (subtopics.length - df[g] + 0.5) / (df[g] + 0.5));
        }
        double avgLen = 0;
        for (int len : clauseLength) {
            avgLen += (double) len / subtopics.length;
        }
        double[] norm = new double[subtopics.length];
        for (int s = 0; s < subtopics.length; s++) {
            norm[s] = Math.pow(Math.max(1, clauseLength[s]) / Math.max(1, avgLen), LENGTH_NORM);
        }
        this.postClause = new int[grams][];
        this.postWeight = new float[grams][];
        for (int g = 0; g < grams; g++) {
            postClause[g] = new int[df[g]];
            postWeight[g] = new float[df[g]];
        }
        int[] filled = new int[grams];
        for (int i = 0; i < triples.length; i++) {
            if (i + 1 == triples.length || (triples[i + 1] >>> 8) != (triples[i] >>> 8)) {
                int g = (int) (triples[i] >>> 40);
                int s = (int) (triples[i] >>> 8) & 0xFFFF;
                double weight = (triples[i] & 0xFF) / 100.0;
                postClause[g][filled[g]] = s;
                postWeight[g][filled[g]++] = (float) (weight * idf[g] / norm[s]);
            }
        }
        int phrases = b.phrases.size();
        this.phraseText = b.phraseTexts.toArray(String[]::new);
        this.phraseIsSynonym = new boolean[phrases];
        for (int p = 0; p < phrases; p++) {
            phraseIsSynonym[p] = b.phraseSynonym.get(p);
        }
        this.phraseGrams = new int[phrases];
        this.phraseClause = new int[phrases];
        this.phraseBonus = new float[phrases];
        List<List<Integer>> byGram = new ArrayList<>();
        for (int g = 0; g < grams; g++) {
            byGram.add(new ArrayList<>());
        }
        for (int p = 0; p < phrases; p++) {
            int[] pg = b.phrases.get(p);
            int clause = b.phraseClauses.get(p);
            double sum = 0;
            for (int g : pg) {
                sum += idf[g];
                byGram.get(g).add(p);
            }
            phraseGrams[p] = pg.length;
            phraseClause[p] = clause;
            phraseBonus[p] = (float) (PHRASE_BONUS * sum / norm[clause]);
        }
        this.postPhrase = new int[grams][];
        for (int g = 0; g < grams; g++) {
            postPhrase[g] = byGram.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        this.topics = everyday.topics().toArray(EverydayTopics.Topic[]::new);
        this.topicClause = new int[topics.length];
        List<Subtopic> order = List.of(subtopics);
        List<String> words = new ArrayList<>();
        List<Integer> wordTopic = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            topicClause[t] = EverydayTopics.clause(topics[t], taxonomy).map(order::indexOf).orElse(-1);
            for (String w : topics[t].words()) {
                words.add(w);
                wordTopic.add(t);
            }
        }
        this.topicWord = words.toArray(String[]::new);
        this.topicWordTopic = wordTopic.stream().mapToInt(Integer::intValue).toArray();
        this.topicWordWeight = new float[topicWord.length];
        this.topicGram = new IntIntMap(1024);
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int w = 0; w < topicWord.length; w++) {
            topicWordWeight[w] = Math.min(4, topicWord[w].length()) / 2f;
            int key = CharBigrams.key(topicWord[w].charAt(0), topicWord[w].charAt(1));
            int slot = topicGram.putIfAbsent(key, topicGram.size());
            if (slot == byFirst.size()) {
                byFirst.add(new ArrayList<>());
            }
            byFirst.get(slot).add(w);
        }
        this.topicWordsByGram = new int[byFirst.size()][];
        for (int i = 0; i < byFirst.size(); i++) {
            topicWordsByGram[i] = byFirst.get(i).stream()
                    .sorted(Comparator.comparingInt((Integer w) -> topicWord[w].length()).reversed())
                    .mapToInt(Integer::intValue).toArray();
        }
        int clauses = subtopics.length;
        int topicCount = topics.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(clauses, phrases, topicCount));
    }

    private static double[] priors(Taxonomy taxonomy, Lexicon priors) {
        double[] out = new double[AreaTag.AREA_COUNT];
        Arrays.fill(out, 1.0);
        for (Map.Entry<String, List<String>> e : priors.asMap().entrySet()) {
            for (TaskArea area : taxonomy.areas()) {
                if (area.heading().contains(e.getKey())) {
                    out[area.number() - 1] = Double.parseDouble(e.getValue().get(0));
                }
            }
        }
        return out;
    }

    /** Builds a tagger; cheap enough (a few ms) to rebuild whenever the synonym list is edited. */
    public static BigramTagger create(Taxonomy taxonomy, SynonymList synonyms) {
        return create(taxonomy, synonyms, EverydayTopics.loadDefault());
    }

    /** As {@link #create(Taxonomy, SynonymList)} with a given everyday-topic layer. */
    public static BigramTagger create(Taxonomy taxonomy, SynonymList synonyms, EverydayTopics everyday) {
        return new BigramTagger(taxonomy, synonyms.resolve(taxonomy), everyday, Lexicon.resource("stopwords.tsv"),
                Lexicon.resource("cues.tsv"), Lexicon.resource(PRIORS_RESOURCE));
    }

    /** The bundled report and synonym list. */
    public static BigramTagger loadDefault() {
        return create(Taxonomy.loadDefault(), SynonymList.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public String taxonomyVersion() {
        return taxonomy.version();
    }

    @Override
    public List<Suggestion> suggest(String text) {
        return scores(text).suggestions();
    }

    /** All six areas' confidences and best clauses for {@code text}; what {@link LearningTagger} blends. */
    AreaScores scores(String text) {
        Scratch sc = scratch.get();
        double[] clauseScore = sc.clauseScore;
        int[] hits = sc.phraseHits;
        int touched = 0;
        String body = withoutFraming(text);
        sc.grams = bigrams.distinct(body, sc.grams, sc.count);
        for (int i = 0, n = sc.count[0]; i < n; i++) {
            int id = gramIds.get(sc.grams[i]);
            if (id == IntIntMap.MISSING) {
                continue;
            }
            int[] cl = postClause[id];
            float[] wt = postWeight[id];
            for (int j = 0; j < cl.length; j++) {
                clauseScore[cl[j]] += wt[j];
            }
            for (int p : postPhrase[id]) {
                if (hits[p]++ == 0) {
                    sc.touched = grow(sc.touched, touched);
                    sc.touched[touched++] = p;
                }
            }
        }
        int[] phraseOf = sc.phraseOf;
        for (int i = 0; i < touched; i++) {
            int p = sc.touched[i];
            if (hits[p] == phraseGrams[p]) {
                int c = phraseClause[p];
                clauseScore[c] += phraseBonus[p];
                if (phraseOf[c] < 0 || phraseBonus[p] > phraseBonus[phraseOf[c]]) {
                    phraseOf[c] = p;
                }
            }
            hits[p] = 0;
        }
        int words = matchTopics(body, sc);
        double[] clauseTopic = sc.clauseTopic;
        int[] topicOf = sc.topicOf;
        for (int i = 0; i < sc.topicsTouched; i++) {
            int t = sc.touchedTopics[i];
            int c = topicClause[t];
            double v = TOPIC_GAIN * sc.topicScore[t];
            sc.topicScore[t] = 0;
            if (c < 0) {
                continue;
            }
            if (topicOf[c] < 0 || v > TOPIC_GAIN * sc.topicBestScore[c]) {
                topicOf[c] = t;
                sc.topicBestScore[c] = v / TOPIC_GAIN;
            }
            clauseTopic[c] += v;
        }
        double[] first = new double[AreaTag.AREA_COUNT];
        double[] second = new double[AreaTag.AREA_COUNT];
        int[] bestClause = {-1, -1, -1, -1, -1, -1};
        int[] bestTopic = new int[AreaTag.AREA_COUNT];
        int[] bestPhrase = new int[AreaTag.AREA_COUNT];
        boolean[] byTopic = new boolean[AreaTag.AREA_COUNT];
        for (int s = 0; s < clauseScore.length; s++) {
            double topic = clauseTopic[s];
            boolean anchored = phraseOf[s] >= 0 || topic > 0;
            double v = (anchored ? clauseScore[s] : UNANCHORED * clauseScore[s]) + topic;
            int a = subtopics[s].area() - 1;
            if (v > first[a]) {
                second[a] = first[a];
                first[a] = v;
                bestClause[a] = anchored ? s : -1;
                bestTopic[a] = topicOf[s];
                bestPhrase[a] = phraseOf[s];
                byTopic[a] = topic > 0 && topic >= 0.5 * v;
            } else if (v > second[a]) {
                second[a] = v;
            }
            clauseScore[s] = 0;
            clauseTopic[s] = 0;
            topicOf[s] = -1;
            phraseOf[s] = -1;
            sc.topicBestScore[s] = 0;
        }
        double threshold = THRESHOLD * cueFactor(text);
        double[] confidence = new double[AreaTag.AREA_COUNT];
        Subtopic[] best = new Subtopic[AreaTag.AREA_COUNT];
        Suggestion.Path[] paths = new Suggestion.Path[AreaTag.AREA_COUNT];
        for (int a = 0; a < confidence.length; a++) {
            double raw = first[a] + SECOND_CLAUSE_SHARE * second[a];
            double t = threshold * areaPrior[a];
            confidence[a] = raw / (raw + t);
            if (bestClause[a] >= 0) {
                best[a] = subtopics[bestClause[a]];
                if (byTopic[a]) {
                    EverydayTopics.Topic topic = topics[bestTopic[a]];
                    paths[a] = new Suggestion.Path(Suggestion.Path.TOPIC, topicWords(sc, words, bestTopic[a]),
                            topic.category(), topic.name());
                } else if (bestPhrase[a] >= 0 && phraseIsSynonym[bestPhrase[a]]) {
                    paths[a] = new Suggestion.Path(Suggestion.Path.PHRASE, List.of(phraseText[bestPhrase[a]]),
                            null, null);
                }
            }
        }
        return new AreaScores(confidence, best, paths);
    }

    /**
     * Finds the everyday-topic words in {@code text}, longest first at each position, a matched word consuming its
     * characters; adds each distinct word's weight to its topic. Returns how many words matched (their ids are in
     * {@code sc.hitWords}); the topics touched are in {@code sc.touchedTopics}.
     */
    private int matchTopics(String text, Scratch sc) {
        int n = 0;
        sc.topicsTouched = 0;
        for (int i = 0, len = text.length(); i + 1 < len; i++) {
            int slot = topicGram.get(CharBigrams.key(text.charAt(i), text.charAt(i + 1)));
            if (slot == IntIntMap.MISSING) {
                continue;
            }
            for (int w : topicWordsByGram[slot]) {
                String word = topicWord[w];
                if (text.startsWith(word, i)) {
                    if (!contains(sc.hitWords, n, w)) {
                        sc.hitWords = grow(sc.hitWords, n);
                        sc.hitWords[n++] = w;
                        int t = topicWordTopic[w];
                        if (sc.topicScore[t] == 0) {
                            sc.touchedTopics[sc.topicsTouched++] = t;
                        }
                        sc.topicScore[t] += topicWordWeight[w];
                    }
                    i += word.length() - 1;
                    break;
                }
            }
        }
        return n;
    }

    private List<String> topicWords(Scratch sc, int words, int topic) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            if (topicWordTopic[sc.hitWords[i]] == topic) {
                out.add(topicWord[sc.hitWords[i]]);
            }
        }
        return out;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** The text with every framing phrase replaced by a comma, so no bigram spans the cut. */
    String withoutFraming(String text) {
        String out = text;
        for (String phrase : framing) {
            if (out.contains(phrase)) {
                out = out.replace(phrase, "，");
            }
        }
        return out;
    }

    /** How much more evidence than usual the text needs before an area is proposed. */
    private double cueFactor(String text) {
        if (containsAny(text, nothingCues)) {
            return NOTHING_FACTOR;
        }
        if (containsAny(text, thanksCues)) {
            // Thanks or praise with no request in it is no matter to raise: as strong as "nothing to raise".
            return containsAny(text, requestCues) ? CUE_FACTOR : NOTHING_FACTOR;
        }
        return containsAny(text, cues) ? CUE_FACTOR : 1.0;
    }

    private static boolean containsAny(String text, String[] phrases) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static int[] grow(int[] a, int used) {
        return used < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** Reusable per-thread buffers; every array is left zeroed after a call. */
    private static final class Scratch {
        final double[] clauseScore;
        final int[] phraseHits;
        final int[] count = new int[1];
        /** Per clause: the whole-found phrase with the largest bonus, -1 none. */
        final int[] phraseOf;
        /** Per clause: everyday-topic score, the strongest topic pointing to it (-1 none) and that topic's weight. */
        final double[] clauseTopic;
        final int[] topicOf;
        final double[] topicBestScore;
        /** Per topic: summed word weight; the topics touched by the current text. */
        final double[] topicScore;
        final int[] touchedTopics;
        int topicsTouched;
        int[] hitWords = new int[16];
        int[] touched = new int[64];
        int[] grams = new int[256];

        Scratch(int clauses, int phrases, int topics) {
            clauseScore = new double[clauses];
            phraseHits = new int[phrases];
            phraseOf = new int[clauses];
            Arrays.fill(phraseOf, -1);
            clauseTopic = new double[clauses];
            topicOf = new int[clauses];
            Arrays.fill(topicOf, -1);
            topicBestScore = new double[clauses];
            topicScore = new double[topics];
            touchedTopics = new int[topics];
        }
    }

    /** Collects (gram, clause, field weight) triples and the phrases to find whole, without boxing. */
    private final class IndexBuilder {
        final IntIntMap ids = new IntIntMap(4096);
        final List<int[]> phrases = new ArrayList<>();
        final List<Integer> phraseClauses = new ArrayList<>();
        final List<String> phraseTexts = new ArrayList<>();
        final List<Boolean> phraseSynonym = new ArrayList<>();
        private final int[] stopGrams;
        private long[] triples = new long[8192];
        private int size;

        IndexBuilder(List<String> genreWords) {
            int[] all = new int[0];
            for (String w : genreWords) {
                int[] g = bigrams.distinct(w);
                int old = all.length;
                all = Arrays.copyOf(all, old + g.length);
                System.arraycopy(g, 0, all, old, g.length);
            }
            Arrays.sort(all);
            stopGrams = all;
        }

        void field(int clause, String text, double weight, boolean phrase, boolean synonym) {
            int[] grams = bigrams.distinct(text);
            int kept = 0;
            for (int g : grams) {
                if (Arrays.binarySearch(stopGrams, g) < 0) {
                    int id = ids.putIfAbsent(g, ids.size());
                    grams[kept++] = id;
                    if (size == triples.length) {
                        triples = Arrays.copyOf(triples, size * 2);
                    }
                    triples[size++] = (long) id << 40 | (long) clause << 8 | Math.round(weight * 100);
                }
            }
            if (phrase && kept > 0) {
                phrases.add(Arrays.copyOf(grams, kept));
                phraseClauses.add(clause);
                phraseTexts.add(text);
                phraseSynonym.add(synonym);
            }
        }

        long[] sortedTriples() {
            long[] out = Arrays.copyOf(triples, size);
            Arrays.sort(out);
            return out;
        }
    }
}
