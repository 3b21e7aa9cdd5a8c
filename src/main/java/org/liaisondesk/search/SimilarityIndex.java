package org.liaisondesk.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds opinions that say nearly the same thing, for "has this been raised already?" while a clerk types and for
 * grouping near-duplicates. Pure computation over texts handed in; kept up to date by {@link #put} and
 * {@link #remove}. Thread-safe.
 *
 * <p>A text is described by two sets of features, as {@link SearchText} cuts it (letters and digits, Latin folded):
 * its characters and its character pairs (bigrams). Each feature is weighted by rarity, {@code ln(1 + N / df)}:
 * "灯" or "3号" say more than "的" or "建议". For each set, the score is the weighted overlap divided by the weight of
 * the lighter text (weighted containment, 0..1, so a short opinion restated inside a longer one scores high); the
 * score of two texts is {@value #CHAR_SHARE} of the characters' score plus the rest of the bigrams'. On hand-labelled
 * pairs (test resource {@code similar-pairs.tsv}) characters separate "same matter in other words" from "same topic,
 * other matter" far better than bigrams alone (which miss paraphrases); the bigrams keep some word order.
 *
 * <p>An inverted index from feature to texts nominates candidates: features in more than {@value #COMMON_SHARE} of
 * the texts nominate nothing (they never make two texts similar on their own) but still count in the score; the
 * {@value #EXACT_CANDIDATES} candidates sharing the most nominating weight are scored exactly.
 */
public final class SimilarityIndex {

    /** Weight of the characters' score; the bigrams' score has the rest. */
    static final double CHAR_SHARE = 0.7;
    /** Features in more than this share of all texts do not nominate candidates. */
    static final double COMMON_SHARE = 0.05;
    /**
     * Grouping nominates from rarer features only: a star takes at most {@value #EXACT_CANDIDATES} candidates, which
     * share a matter's rare words and places; the features between this share and {@link #COMMON_SHARE} made most of
     * the work of grouping 100,000 texts (each seed touched ~80,000 postings) and hardly change which candidates
     * are scored.
     */
    static final double GROUP_COMMON_SHARE = 0.005;
    /** At least this many of the best nominated candidates are scored exactly. */
    static final int EXACT_CANDIDATES = 100;
    /** Below this many texts every feature nominates: the share above means nothing yet. */
    private static final int COMMON_MIN_TEXTS = 200;
    /** A feature key that is a bigram has this bit set; a character's key is its code point. */
    private static final long BIGRAM = 1L << 42;

    private final Map<UUID, Integer> slotOf = new HashMap<>();
    /** Feature key to dense feature number; numbers index the arrays below. */
    private final FeatureNumbers featureNumber = new FeatureNumbers();
    private boolean[] isBigram = new boolean[1024];
    /** Per feature: how many live texts have it, which slots had it, and its weight as of {@link #version}. */
    private int[] df = new int[1024];
    private int[][] postings = new int[1024][];
    private int[] postingCount = new int[1024];
    private double[] weight = new double[1024];
    private long[] weightVersion = new long[1024];
    private int featureCount;

    private UUID[] ids = new UUID[1024];
    /** Per slot: the sorted feature numbers of its text; null once removed. */
    private int[][] features = new int[1024][];
    private int slots;
    private int live;
    /** Changes on every put and remove, so cached weights know they are stale. */
    private long version = 1;
    /** Scratch for {@link #similar}: shared weight per slot, all zero between calls. */
    private double[] acc = new double[0];

    /** A text found similar, with its score in 0..1. */
    public record Match(UUID id, double score) {
    }

    /** Adds a text, or replaces the one kept under that id. */
    public synchronized void put(UUID id, String text) {
        remove(id);
        int[] f = numbers(keys(text), true);
        if (slots == ids.length) {
            compactOrGrow();
        }
        int slot = slots++;
        ids[slot] = id;
        features[slot] = f;
        slotOf.put(id, slot);
        for (int n : f) {
            addPosting(n, slot);
            df[n]++;
        }
        live++;
        version++;
    }

    public synchronized void remove(UUID id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return;
        }
        for (int n : features[slot]) {
            df[n]--;
        }
        features[slot] = null;
        live--;
        version++;
    }

    public synchronized int size() {
        return live;
    }

    /** The texts most similar to {@code text}, best first, at most {@code limit}, each scoring at least {@code min}. */
    public synchronized List<Match> similarTo(String text, int limit, double min) {
        return similar(numbers(keys(text), false), null, limit, min, null, COMMON_SHARE);
    }

    /** As {@link #similarTo(String, int, double)} for a text already in the index, leaving itself out. */
    public synchronized List<Match> similarTo(UUID id, int limit, double min) {
        Integer slot = slotOf.get(id);
        return slot == null ? List.of() : similar(features[slot], id, limit, min, null, COMMON_SHARE);
    }

    /** The score of two texts in the index; 0 when either is missing. */
    public synchronized double score(UUID a, UUID b) {
        Integer sa = slotOf.get(a);
        Integer sb = slotOf.get(b);
        return sa == null || sb == null ? 0 : score(features[sa], features[sb]);
    }

    /**
     * Groups of texts: a seed with the texts scoring at least {@code threshold} against it (never a chain of pairs),
     * joined with the texts that belong to one matter in {@code matters} (text id to matter id, for links people made), largest first; texts joined
     * to nothing are left out.
     */
    public synchronized List<List<UUID>> groups(double threshold, Map<UUID, UUID> matters) {
        // Star groups: the first opinion not yet grouped becomes a seed and takes the ungrouped opinions similar to
        // it. Single linkage chained different matters phrased alike (two villages' halls, "修得挺漂亮") into one
        // group of thousands; a star cannot chain.
        int[] parent = new int[slots];
        java.util.Arrays.fill(parent, -1);
        for (int slot = 0; slot < slots; slot++) {
            if (features[slot] == null || parent[slot] != -1) {
                continue;
            }
            parent[slot] = slot;
            List<Match> taken = similar(features[slot], ids[slot], EXACT_CANDIDATES, threshold, parent,
                    GROUP_COMMON_SHARE);
            for (Match m : taken) {
                int member = slotOf.get(m.id());
                if (parent[member] == -1) {
                    parent[member] = slot;
                }
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            if (parent[slot] == -1) {
                parent[slot] = slot;
            }
        }
        Map<UUID, Integer> matterSlot = new HashMap<>();
        matters.forEach((id, matter) -> {
            Integer slot = slotOf.get(id);
            if (slot != null) {
                Integer other = matterSlot.putIfAbsent(matter, slot);
                if (other != null) {
                    union(parent, slot, other);
                }
            }
        });
        Map<Integer, List<UUID>> byRoot = new HashMap<>();
        for (int slot = 0; slot < slots; slot++) {
            if (features[slot] != null) {
                byRoot.computeIfAbsent(find(parent, slot), k -> new ArrayList<>()).add(ids[slot]);
            }
        }
        List<List<UUID>> out = new ArrayList<>();
        for (List<UUID> g : byRoot.values()) {
            if (g.size() > 1) {
                out.add(g);
            }
        }
        out.sort(Comparator.<List<UUID>>comparingInt(List::size).reversed());
        return out;
    }

    /**
     * Stars kept from one call to the next (the dashboard's stored groups, {@code store.MatterRepository}): gives each
     * of {@code pending} (texts in the index, oldest first) the seed of the star it joins, keeping the stars of
     * {@code seeds} (seeds of earlier calls). A pending text joins the existing seed it scores best with (at least
     * {@code threshold}); the rest are grouped among themselves as {@link #groups} does (the first one left becomes a
     * seed and takes those still free that score at least {@code threshold} against it). Few pending texts ask the
     * seeds one by one; many (an import) are first offered to each existing seed, so the work is the smaller number
     * of look-ups. Returns pending id to seed id (a seed maps to itself); ids not in the index are left out.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} says so (checked per look-up)
     */
    public synchronized Map<UUID, UUID> assign(List<UUID> pending, java.util.Collection<UUID> seeds,
                                               double threshold, java.util.function.BooleanSupplier cancelled) {
        Map<UUID, UUID> out = new java.util.LinkedHashMap<>();
        int[] candidate = new int[slots]; // -1: may still be taken (similar()'s convention), 0: may not
        List<Integer> seedSlots = slotsOf(seeds);
        List<Integer> pendingSlots = slotsOf(pending);
        if (pendingSlots.size() < seedSlots.size()) {
            seedSlots.forEach(s -> candidate[s] = -1);
            for (int u : pendingSlots) {
                stopIf(cancelled);
                List<Match> best = similar(features[u], ids[u], 1, threshold, candidate, GROUP_COMMON_SHARE);
                if (best.isEmpty()) {
                    candidate[u] = -1;
                    out.put(ids[u], ids[u]);
                } else {
                    out.put(ids[u], best.get(0).id());
                }
            }
            return out;
        }
        pendingSlots.forEach(u -> candidate[u] = -1);
        for (int s : seedSlots) {
            stopIf(cancelled);
            takeInto(s, threshold, candidate, out);
        }
        for (int u : pendingSlots) {
            if (candidate[u] == -1) {
                stopIf(cancelled);
                candidate[u] = 0;
                out.put(ids[u], ids[u]);
                takeInto(u, threshold, candidate, out);
            }
        }
        return out;
    }

    /** The free texts scoring at least {@code threshold} against {@code seed} join its star. */
    private void takeInto(int seed, double threshold, int[] candidate, Map<UUID, UUID> out) {
        for (Match m : similar(features[seed], ids[seed], EXACT_CANDIDATES, threshold, candidate,
                GROUP_COMMON_SHARE)) {
            int member = slotOf.get(m.id());
            if (candidate[member] == -1) {
                candidate[member] = 0;
                out.put(m.id(), ids[seed]);
            }
        }
    }

    private List<Integer> slotsOf(java.util.Collection<UUID> textIds) {
        List<Integer> out = new ArrayList<>();
        for (UUID id : textIds) {
            Integer slot = slotOf.get(id);
            if (slot != null) {
                out.add(slot);
            }
        }
        return out;
    }

    private static void stopIf(java.util.function.BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException();
        }
    }

    /**
     * The best matches of {@code query}; with {@code grouped} (grouping), only slots still marked -1 there are
     * candidates: a seed's {@value #EXACT_CANDIDATES} exact scores go to opinions it can still take, not to ones an
     * earlier seed took (which made later seeds find few and the grouping need ever more of them).
     */
    private List<Match> similar(int[] query, UUID self, int limit, double min, int[] grouped, double commonShare) {
        if (query.length == 0 || limit <= 0) {
            return List.of();
        }
        int commonAbove = live < COMMON_MIN_TEXTS ? Integer.MAX_VALUE
                : Math.max(COMMON_MIN_TEXTS / 2, (int) (live * commonShare));
        if (acc.length < slots) {
            acc = new double[ids.length];
        }
        int[] touched = new int[64];
        int touchedCount = 0;
        for (int n : query) {
            if (n < 0 || df[n] == 0 || df[n] > commonAbove) {
                continue;
            }
            double w = weight(n);
            int[] p = postings[n];
            for (int k = 0; k < postingCount[n]; k++) {
                int slot = p[k];
                if (features[slot] != null && (grouped == null || grouped[slot] == -1)) {
                    if (acc[slot] == 0) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, touchedCount * 2);
                        }
                        touched[touchedCount++] = slot;
                    }
                    acc[slot] += w;
                }
            }
        }
        int[] best = bestNominated(touched, touchedCount, Math.max(EXACT_CANDIDATES, limit * 4));
        List<Match> out = new ArrayList<>();
        for (int slot : best) {
            if (ids[slot].equals(self)) {
                continue;
            }
            double s = score(query, features[slot]);
            if (s >= min) {
                out.add(new Match(ids[slot], s));
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The {@code n} touched slots with the most nominating weight; clears the scratch for the next call. */
    private int[] bestNominated(int[] touched, int count, int n) {
        int[] out;
        if (count <= n) {
            out = Arrays.copyOf(touched, count);
        } else {
            double[] w = new double[count];
            for (int t = 0; t < count; t++) {
                w[t] = acc[touched[t]];
            }
            double cut = nthLargest(w.clone(), n);
            out = new int[n];
            int k = 0;
            for (int t = 0; t < count && k < n; t++) {
                if (w[t] > cut) {
                    out[k++] = touched[t];
                }
            }
            for (int t = 0; t < count && k < n; t++) {
                if (w[t] == cut) {
                    out[k++] = touched[t];
                }
            }
        }
        for (int t = 0; t < count; t++) {
            acc[touched[t]] = 0;
        }
        return out;
    }

    /** The {@code n}-th largest value of {@code a} (1-based), reordering {@code a}: a selection, not a sort. */
    static double nthLargest(double[] a, int n) {
        int k = a.length - n;
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    /**
     * {@value #CHAR_SHARE} of the characters' weighted containment plus the rest of the bigrams'. Both arrays are
     * sorted; a query's features unknown to the index are negative and weigh as if seen once.
     */
    private double score(int[] a, int[] b) {
        double sharedChars = 0;
        double sharedBigrams = 0;
        double[] wa = new double[2];
        double[] wb = new double[2];
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                wa[kind(a[i])] += weight(a[i]);
                i++;
            } else if (i == a.length || b[j] < a[i]) {
                wb[kind(b[j])] += weight(b[j]);
                j++;
            } else {
                double w = weight(a[i]);
                int k = kind(a[i]);
                if (k == 0) {
                    sharedChars += w;
                } else {
                    sharedBigrams += w;
                }
                wa[k] += w;
                wb[k] += w;
                i++;
                j++;
            }
        }
        return CHAR_SHARE * containment(sharedChars, wa[0], wb[0])
                + (1 - CHAR_SHARE) * containment(sharedBigrams, wa[1], wb[1]);
    }

    private int kind(int n) {
        return n >= 0 ? (isBigram[n] ? 1 : 0) : (n & 1);
    }

    private static double containment(double shared, double wa, double wb) {
        double smaller = Math.min(wa, wb);
        return smaller == 0 ? 0 : shared / smaller;
    }

    /** {@code ln(1 + N / df)}, cached until the next change. */
    private double weight(int n) {
        if (n < 0) {
            return Math.log(1 + (double) Math.max(live, 1));
        }
        if (weightVersion[n] != version) {
            weight[n] = Math.log(1 + (double) Math.max(live, 1) / Math.max(df[n], 1));
            weightVersion[n] = version;
        }
        return weight[n];
    }

    /** The distinct characters and bigrams of a text as keys: characters as code points, bigrams flagged. */
    static long[] keys(String text) {
        long[] out = new long[Math.max(16, text.length() * 2)];
        int n = 0;
        for (int[] seg : SearchText.segments(text)) {
            for (int i = 0; i < seg.length; i++) {
                if (n + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = seg[i];
                if (i + 1 < seg.length) {
                    out[n++] = BIGRAM | ((long) seg[i] << 21) | seg[i + 1];
                }
            }
        }
        // Sorted and each once (a boxed distinct() was a third of building the index).
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /**
     * Keys as sorted feature numbers. New keys get a number when {@code register}; otherwise (a query) they become
     * distinct negative numbers whose lowest bit tells a bigram (1) from a character (0).
     */
    private int[] numbers(long[] keys, boolean register) {
        int[] out = new int[keys.length];
        int unknown = 0;
        for (int i = 0; i < keys.length; i++) {
            int n = featureNumber.get(keys[i]);
            if (n < 0 && register) {
                n = newFeature((keys[i] & BIGRAM) != 0);
                featureNumber.put(keys[i], n);
            }
            out[i] = n >= 0 ? n : -2 * (++unknown) - ((keys[i] & BIGRAM) != 0 ? 1 : 0);
        }
        Arrays.sort(out);
        return out;
    }

    private int newFeature(boolean bigram) {
        if (featureCount == df.length) {
            int size = featureCount * 2;
            isBigram = Arrays.copyOf(isBigram, size);
            df = Arrays.copyOf(df, size);
            postings = Arrays.copyOf(postings, size);
            postingCount = Arrays.copyOf(postingCount, size);
            weight = Arrays.copyOf(weight, size);
            weightVersion = Arrays.copyOf(weightVersion, size);
        }
        isBigram[featureCount] = bigram;
        postings[featureCount] = new int[2];
        return featureCount++;
    }

    private void addPosting(int n, int slot) {
        if (postingCount[n] == postings[n].length) {
            postings[n] = Arrays.copyOf(postings[n], postingCount[n] * 2);
        }
        postings[n][postingCount[n]++] = slot;
    }

    /** Drops removed texts from the slots and postings when they are half of them, else makes room. */
    private void compactOrGrow() {
        if (live < slots / 2) {
            int n = 0;
            for (int slot = 0; slot < slots; slot++) {
                if (features[slot] != null) {
                    ids[n] = ids[slot];
                    features[n++] = features[slot];
                }
            }
            Arrays.fill(ids, n, slots, null);
            Arrays.fill(features, n, slots, null);
            slots = n;
            slotOf.clear();
            Arrays.fill(postingCount, 0, featureCount, 0);
            for (int slot = 0; slot < n; slot++) {
                slotOf.put(ids[slot], slot);
                for (int f : features[slot]) {
                    addPosting(f, slot);
                }
            }
        } else {
            ids = Arrays.copyOf(ids, ids.length * 2);
            features = Arrays.copyOf(features, features.length * 2);
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /**
     * Feature key to feature number without boxing: open addressing over two arrays (a {@code HashMap<Long,
     * Integer>} lookup per feature was most of building the index of 100,000 texts).
     */
    private static final class FeatureNumbers {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        FeatureNumbers() {
            Arrays.fill(values, -1);
        }

        /** The number of {@code key}, or -1. */
        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (values[i] < 0) {
                    return -1;
                }
                if (keys[i] == key) {
                    return values[i];
                }
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] >= 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (values[i] < 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(values, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldValues[i] >= 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
