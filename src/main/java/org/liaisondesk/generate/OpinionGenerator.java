package org.liaisondesk.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.liaisondesk.generate.HangzhouPlaces.Kind;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.Status;

/**
 * Synthetic residents' opinions for demos, tests and benchmarks.
 *
 * <p>Deterministic: the same seed, stations and count give the same opinions, byte for byte (nothing depends on the
 * clock, the locale or hash order). Streaming: opinions are made one at a time, so a million never sit in memory.
 * An instance is immutable and may be shared; each {@link #iterator(long)} starts afresh from the seed and is not
 * thread-safe itself.
 *
 * <p>Texts are first-person, colloquial and specific, written from templates per sub-topic of the six task areas of
 * the 2023 work report (area shares about 4:35%, 3:20%, 2:18%, 5:12%, 6:7%, 1:5%, none 4%), some touching a
 * secondary area. Several residents of one station often raise the same matter (the same site, bus stop, market)
 * in different words, within a few weeks: near-duplicate clusters, see {@link TracedOpinion#clusterId()}.
 *
 * <p>Received times fall in {@link #PERIOD_START} … {@link #PERIOD_END}, mostly office hours on weekdays (forums in
 * the evening or at weekends; online at any waking hour).
 */
public final class OpinionGenerator {

    public static final LocalDate PERIOD_START = LocalDate.of(2023, 1, 1);
    public static final LocalDate PERIOD_END = LocalDate.of(2025, 12, 31);

    public static final int MIN_TEXT_LENGTH = 20;
    public static final int MAX_TEXT_LENGTH = 300;

    private static final Channel[] CHANNELS = {
        Channel.VISIT, Channel.PHONE, Channel.DEPUTY_VISIT, Channel.FORUM, Channel.LETTER, Channel.ONLINE};
    private static final double[] CHANNEL_CUM = Catalog.cumulative(new double[] {38, 22, 15, 12, 7, 6});

    /** Share of opinions with no name, phone or address at all. */
    private static final double ANONYMOUS = 0.35;
    private static final double REVIEWED = 0.25;
    /**
     * Share of opinions written down the way residents are quoted: the point only, without the self-introduction,
     * greeting and closing request (real quotations: median 38 characters; the full templates: median 60).
     */
    static final double TERSE = 0.6;
    /** Sentences that carry no matter: greetings, requests to the station, closing formulae. */
    private static final java.util.regex.Pattern FRAMING_SENTENCE = java.util.regex.Pattern.compile(
            "^(你好|您好|喂|同志|代表|麻烦|我想说|我打电话|你们来得正好|我来反映|拜托|谢谢)"
                    + "|希望代表|希望人大代表|麻烦你们|谢谢|拜托|帮我们|供代表参考|心声|就这点要求|引起重视|早点落实|能采纳"
                    + "|推来推去|不要再拖|听听我们|家里人也|催我来|拍了照片|我就说这些|持续好一阵|今天我是代表|盼着"
                    + "|有关部门能重视|邻居们都这么说|都在说这个事|有个说法|拍手叫好");
    /** A leading self-introduction clause: 我是…的居民，我家住…，我在…住了…年了， */
    private static final java.util.regex.Pattern SELF_INTRO = java.util.regex.Pattern.compile(
            "^((我是|我家住在?|我住在?|我们是|我家就在|我家在|我在|我今年|你好|您好|喂|同志|麻烦你们|我想说|我讲个"
                    + "|刚才大家|我补充|我打电话|你们来得正好|代表你好|代表您好)[^，。！？]{0,24}，)+");
    /** Hashes of texts already written (a 16-million-bit filter): a repeated text is drawn again, up to 3 times. */
    private static final int SEEN_BITS = 1 << 24;
    /** Chance that a clusterable opinion starts a cluster of further residents raising the same matter. */
    private static final double SPAWN = 0.12;
    /** Chance that an opinion of an area with an open cluster at its station joins that cluster. */
    private static final double JOIN = 0.5;
    private static final int MAX_OPEN_CLUSTERS = 3;

    private static final long START_DAY = PERIOD_START.toEpochDay();
    private static final long END_DAY = PERIOD_END.toEpochDay();

    private static final Catalog CATALOG = new Catalog();

    /** AREA_LISTS[primary][secondary]: shared immutable lists, index 0 = none. */
    private static final List<List<List<Integer>>> AREA_LISTS = areaLists();

    private final long seed;
    private final List<Station> stations;
    private final StationLocale[] locales;
    private final double[] stationCum;

    /** K stations from {@link #stations(int)}. */
    public OpinionGenerator(long seed, int stationCount) {
        this(seed, stations(stationCount));
    }

    /**
     * Opinions for the given stations (e.g. a station database passes its own station alone). Each station's
     * neighbourhood (compounds, roads, schools…) is derived from its name: a real Hangzhou district and street in
     * the name (as in {@link #stations(int)}) are honoured, others get a stable made-up one.
     */
    public OpinionGenerator(long seed, List<Station> stations) {
        if (stations == null || stations.isEmpty()) {
            throw new IllegalArgumentException("at least one station is needed");
        }
        this.seed = seed;
        this.stations = List.copyOf(stations);
        this.locales = new StationLocale[this.stations.size()];
        double[] w = new double[locales.length];
        for (int i = 0; i < locales.length; i++) {
            locales[i] = new StationLocale(this.stations.get(i));
            w[i] = locales[i].weight;
        }
        this.stationCum = Catalog.cumulative(w);
    }

    /**
     * K realistic liaison stations: codes {@code GS-001}…, names such as 上城区湖滨街道人大代表联络站, spread
     * round-robin over Hangzhou's districts, counties and county-level city; stable for a given K (and a prefix of
     * a larger K).
     */
    public static List<Station> stations(int k) {
        return HangzhouPlaces.stations(k);
    }

    public long seed() {
        return seed;
    }

    public List<Station> stations() {
        return stations;
    }

    /** {@code count} opinions, made lazily. */
    public Iterator<GeneratedOpinion> iterator(long count) {
        Iterator<TracedOpinion> it = tracedIterator(count);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public GeneratedOpinion next() {
                return it.next().opinion();
            }
        };
    }

    /** {@code count} opinions as a sequential, ordered stream, made lazily. */
    public Stream<GeneratedOpinion> stream(long count) {
        return traced(count).map(TracedOpinion::opinion);
    }

    /** The same opinions as {@link #stream(long)}, with sub-topic and cluster ground truth. */
    public Stream<TracedOpinion> traced(long count) {
        return StreamSupport.stream(Spliterators.spliterator(tracedIterator(count), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    public Iterator<TracedOpinion> tracedIterator(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        return new Run(count);
    }

    /** One pass over the seed: the random source, the scratch context, and the clusters open at each station. */
    private final class Run implements Iterator<TracedOpinion> {

        private final long count;
        private final SplittableRandom r = new SplittableRandom(seed);
        private final long[] seen = new long[SEEN_BITS / 64];
        private final Ctx ctx = new Ctx(r, CATALOG.slots);
        private final List<List<Cluster>> open = new ArrayList<>(locales.length);
        private final StringBuilder sb = new StringBuilder(320);
        private final int slotCompound = CATALOG.slots.id("小区");
        private final int slotBuilding = CATALOG.slots.id("幢");
        private final int slotVillage = CATALOG.slots.id("村");
        private long made;
        private long nextClusterId;

        Run(long count) {
            this.count = count;
            for (int i = 0; i < locales.length; i++) {
                open.add(new ArrayList<>(MAX_OPEN_CLUSTERS));
            }
        }

        @Override
        public boolean hasNext() {
            return made < count;
        }

        @Override
        public TracedOpinion next() {
            if (made >= count) {
                throw new NoSuchElementException();
            }
            made++;
            int si = locales.length == 1 ? 0 : Catalog.draw(stationCum, r);
            StationLocale loc = locales[si];
            int area = CATALOG.drawArea(r);
            Channel channel = CHANNELS[Catalog.draw(CHANNEL_CUM, r)];

            ctx.reset(loc, channel);
            List<Cluster> stationClusters = open.get(si);
            Cluster cluster = null;
            for (Cluster cl : stationClusters) {
                if (cl.topic.area == area) {
                    cluster = cl;
                    break;
                }
            }
            if (cluster != null && r.nextDouble() >= JOIN) {
                cluster = null;
            }

            Topic topic;
            int ti;
            long day;
            long clusterId = -1;
            String text;
            if (cluster != null) {
                topic = cluster.topic;
                ti = -1;
                text = null;
                // another resident, other words: prefer a template not used yet in the cluster, never repeat a text
                for (int attempt = 0; attempt < 4; attempt++) {
                    System.arraycopy(cluster.identity, 0, ctx.vals, 0, ctx.vals.length);
                    ti = cluster.nextTemplate(r);
                    text = render(topic, ti);
                    if (!cluster.texts.contains(text)) {
                        break;
                    }
                }
                cluster.used(ti, text);
                day = clamp(cluster.anchorDay + r.nextInt(21), topic);
                day = weekdayFor(day, channel, topic);
                clusterId = cluster.id;
                if (--cluster.remaining <= 0) {
                    stationClusters.remove(cluster);
                }
            } else {
                topic = CATALOG.drawTopic(r, loc, area);
                ti = r.nextInt(topic.templates.size());
                day = weekdayFor(drawDay(topic), channel, topic);
                text = render(topic, ti);
                for (int attempt = 0; attempt < 3 && seenBefore(text); attempt++) {
                    ctx.reset(loc, channel);
                    text = render(topic, ti);
                }
                remember(text);
            }

            if (cluster == null && topic.clusterKey >= 0 && stationClusters.size() < MAX_OPEN_CLUSTERS
                    && topic.templates.get(ti).alwaysReferences(topic.clusterKey) && r.nextDouble() < SPAWN) {
                Cluster cl = new Cluster(nextClusterId++, topic, identitySnapshot(), day, 2 + r.nextInt(5));
                cl.used(ti, text);
                stationClusters.add(cl);
                clusterId = cl.id;
            }

            LocalDateTime at = timeOn(LocalDate.ofEpochDay(day), channel);
            Constituent who = constituent(loc);
            String receivedBy = receivedBy(loc, channel);
            int secondary = topic.secondary.get(ti);
            List<Integer> areas = AREA_LISTS.get(topic.area).get(secondary);
            Status status = r.nextDouble() < REVIEWED ? Status.REVIEWED : Status.RECORDED;

            OpinionInput input = new OpinionInput(at, channel, who, receivedBy, text, List.of());
            return new TracedOpinion(new GeneratedOpinion(loc.station, input, areas, status), topic.id, clusterId);
        }

        private String render(Topic topic, int ti) {
            sb.setLength(0);
            topic.templates.get(ti).render(ctx, sb);
            if (sb.length() > MAX_TEXT_LENGTH) {
                int cut = sb.lastIndexOf("。", MAX_TEXT_LENGTH - 1);
                sb.setLength(cut >= MIN_TEXT_LENGTH ? cut + 1 : MAX_TEXT_LENGTH);
            }
            if (sb.length() < MIN_TEXT_LENGTH) {
                sb.append(ctx.get(CATALOG.slots.id("求")));
            }
            if (r.nextDouble() < TERSE) {
                String point = terse(sb.toString());
                int firstEnd = firstSentenceEnd(point);
                if (r.nextBoolean() && firstEnd >= MIN_TEXT_LENGTH) {
                    point = point.substring(0, firstEnd); // often a resident is quoted with one sentence
                }
                if (point.length() >= MIN_TEXT_LENGTH) {
                    return point;
                }
            }
            return sb.toString();
        }

        private boolean seenBefore(String text) {
            int bit = (int) (fingerprint(text) & (SEEN_BITS - 1));
            return (seen[bit >>> 6] & 1L << bit) != 0;
        }

        private void remember(String text) {
            int bit = (int) (fingerprint(text) & (SEEN_BITS - 1));
            seen[bit >>> 6] |= 1L << bit;
        }

        /** The values of identity slots used so far (the matter itself); everything else is re-drawn. */
        private String[] identitySnapshot() {
            String[] snap = new String[ctx.vals.length];
            for (int i = 0; i < snap.length; i++) {
                if (CATALOG.slots.isIdentity(i)) {
                    snap[i] = ctx.peek(i);
                }
            }
            return snap;
        }

        private long drawDay(Topic topic) {
            long from = Math.max(START_DAY, topic.fromDay);
            long to = Math.min(END_DAY, topic.toDay);
            return from + r.nextInt((int) (to - from + 1));
        }

        private long clamp(long day, Topic topic) {
            long to = Math.min(END_DAY, topic.toDay);
            return Math.min(day, to);
        }

        /** Offices mostly take visits, calls and letters on weekdays: move most weekend days to the Friday before. */
        private long weekdayFor(long day, Channel channel, Topic topic) {
            if (channel != Channel.VISIT && channel != Channel.PHONE && channel != Channel.LETTER) {
                return day;
            }
            DayOfWeek dow = LocalDate.ofEpochDay(day).getDayOfWeek();
            if ((dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) && r.nextInt(10) != 0) {
                long friday = day - (dow == DayOfWeek.SATURDAY ? 1 : 2);
                long from = Math.max(START_DAY, topic.fromDay);
                long to = Math.min(END_DAY, topic.toDay);
                long monday = day + (dow == DayOfWeek.SATURDAY ? 2 : 1);
                return friday >= from ? friday : monday <= to ? monday : day;
            }
            return day;
        }

        private LocalDateTime timeOn(LocalDate date, Channel channel) {
            int minuteOfDay;
            switch (channel) {
                case FORUM -> {
                    DayOfWeek dow = date.getDayOfWeek();
                    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
                    minuteOfDay = weekend ? 9 * 60 + r.nextInt(150) : 19 * 60 + r.nextInt(120);
                }
                case ONLINE -> minuteOfDay = 7 * 60 + r.nextInt(17 * 60);
                case DEPUTY_VISIT -> minuteOfDay = 9 * 60 + r.nextInt(8 * 60 + 30);
                default -> minuteOfDay = r.nextInt(100) < 55
                        ? 8 * 60 + 30 + r.nextInt(195)
                        : 13 * 60 + 30 + r.nextInt(225);
            }
            return date.atTime(minuteOfDay / 60, minuteOfDay % 60);
        }

        private Constituent constituent(StationLocale loc) {
            if (r.nextDouble() < ANONYMOUS) {
                return Constituent.ANONYMOUS;
            }
            String name = r.nextInt(100) < 82 ? People.residentName(r) : null;
            String phone = r.nextInt(100) < 72 ? People.mobile(r) : null;
            String address = r.nextInt(100) < 55 ? address(loc) : null;
            if (name == null && phone == null && address == null) {
                name = People.residentName(r);
            }
            boolean reachable = phone != null || address != null;
            boolean consent = reachable && r.nextInt(100) < 85;
            return new Constituent(name, phone, address, consent);
        }

        /** The compound or village of the text when it names one, so the address agrees with the complaint. */
        private String address(StationLocale loc) {
            String compound = ctx.peek(slotCompound);
            String village = ctx.peek(slotVillage);
            boolean rural = compound == null
                    && (village != null || (loc.kind == Kind.COUNTY && r.nextInt(10) < 6));
            if (rural) {
                String v = village != null ? village : loc.villages[r.nextInt(loc.villages.length)];
                return r.nextBoolean()
                        ? v + (1 + r.nextInt(12)) + "组" + (1 + r.nextInt(60)) + "号"
                        : loc.street + v + (1 + r.nextInt(200)) + "号";
            }
            String c = compound != null ? compound : loc.compounds[r.nextInt(loc.compounds.length)];
            String building = ctx.peek(slotBuilding);
            if (building == null) {
                building = (1 + r.nextInt(32)) + "幢";
            }
            if (r.nextInt(4) == 0) {
                return c + building;
            }
            int floor = 1 + r.nextInt(r.nextInt(5) == 0 ? 28 : 7);
            return c + building + (1 + r.nextInt(4)) + "单元" + floor + "0" + (1 + r.nextInt(4)) + "室";
        }

        private String receivedBy(StationLocale loc, Channel channel) {
            boolean deputy = switch (channel) {
                case FORUM, DEPUTY_VISIT -> true;
                case VISIT -> r.nextInt(10) < 3;
                default -> false;
            };
            String[] who = deputy ? loc.deputies : loc.clerks;
            return who[r.nextInt(who.length)];
        }
    }

    /** A matter several residents of one station raise: its sub-topic and the places that identify it. */
    /** The point of a templated opinion: its sentences without greetings, requests and the self-introduction. */
    static String terse(String text) {
        StringBuilder out = new StringBuilder();
        for (String sentence : text.split("(?<=[。！？!?])")) {
            String s = sentence.strip();
            if (s.isEmpty() || FRAMING_SENTENCE.matcher(s).find()) {
                continue;
            }
            out.append(SELF_INTRO.matcher(s).replaceFirst(""));
        }
        return out.length() == 0 ? text : out.toString();
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("。！？!?".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static long fingerprint(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 29);
    }

    private static final class Cluster {
        final long id;
        final Topic topic;
        final String[] identity;
        final long anchorDay;
        final List<String> texts = new ArrayList<>(8);
        int remaining;
        long usedTemplates;
        int seedTemplate = -1;
        int[] sameMatter;

        Cluster(long id, Topic topic, String[] identity, long anchorDay, int remaining) {
            this.id = id;
            this.topic = topic;
            this.identity = identity;
            this.anchorDay = anchorDay;
            this.remaining = remaining;
        }

        int nextTemplate(SplittableRandom r) {
            int[] eligible = sameMatter;
            // neighbours who talked to each other often put it the same way: reuse the first resident's template
            if (r.nextInt(100) < 30) {
                return seedTemplate;
            }
            int unused = 0;
            for (int t : eligible) {
                if (t >= 64 || (usedTemplates & (1L << t)) == 0) {
                    unused++;
                }
            }
            if (unused == 0) {
                return eligible[r.nextInt(eligible.length)];
            }
            int k = r.nextInt(unused);
            for (int t : eligible) {
                if (t >= 64 || (usedTemplates & (1L << t)) == 0) {
                    if (k-- == 0) {
                        return t;
                    }
                }
            }
            throw new AssertionError();
        }

        void used(int template, String text) {
            if (seedTemplate < 0) {
                seedTemplate = template;
                sameMatter = topic.sameMatter(template);
            }
            if (template < 64) {
                usedTemplates |= 1L << template;
            }
            texts.add(text);
        }
    }

    private static List<List<List<Integer>>> areaLists() {
        List<List<List<Integer>>> out = new ArrayList<>();
        for (int p = 0; p <= 6; p++) {
            List<List<Integer>> row = new ArrayList<>();
            for (int s = 0; s <= 6; s++) {
                if (p == 0) {
                    row.add(List.of());
                } else if (s == 0 || s == p) {
                    row.add(List.of(p));
                } else {
                    row.add(List.of(p, s));
                }
            }
            out.add(List.copyOf(row));
        }
        return List.copyOf(out);
    }
}
