package org.liaisondesk.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;

class OpinionGeneratorTest {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private static List<TracedOpinion> traced(long seed, int stations, int n) {
        return new OpinionGenerator(seed, stations).traced(n).toList();
    }

    private static String text(GeneratedOpinion o) {
        return o.input().text();
    }

    /** Everything about an opinion, as one string, to compare runs byte for byte. */
    private static String fingerprint(GeneratedOpinion o) {
        return o.station() + "|" + o.input() + "|" + o.intendedAreas() + "|" + o.status();
    }

    @Test
    void sameSeedGivesIdenticalOutputAndDifferentSeedDiffers() {
        List<String> a = new OpinionGenerator(7, 5).stream(2000).map(OpinionGeneratorTest::fingerprint).toList();
        List<String> b = new OpinionGenerator(7, 5).stream(2000).map(OpinionGeneratorTest::fingerprint).toList();
        assertThat(b).isEqualTo(a);

        List<String> ta = new OpinionGenerator(7, 5).stream(2000).map(OpinionGeneratorTest::text).toList();
        List<String> tc = new OpinionGenerator(8, 5).stream(2000).map(OpinionGeneratorTest::text).toList();
        int same = 0;
        for (int i = 0; i < ta.size(); i++) {
            if (ta.get(i).equals(tc.get(i))) {
                same++;
            }
        }
        assertThat(same).isLessThan(20);
    }

    @Test
    void iteratorStreamAndTracedAgree() {
        OpinionGenerator g = new OpinionGenerator(3, 4);
        List<GeneratedOpinion> fromStream = g.stream(300).toList();
        List<GeneratedOpinion> fromIterator = new ArrayList<>();
        g.iterator(300).forEachRemaining(fromIterator::add);
        assertThat(fromIterator).isEqualTo(fromStream);
        assertThat(g.traced(300).map(TracedOpinion::opinion).toList()).isEqualTo(fromStream);
        // a longer run starts with the shorter one
        assertThat(g.stream(500).limit(300).toList()).isEqualTo(fromStream);
    }

    @Test
    void streamsLazily() {
        OpinionGenerator g = new OpinionGenerator(1, 3);
        assertThat(g.stream(Long.MAX_VALUE).limit(5).count()).isEqualTo(5);
        Iterator<GeneratedOpinion> it = g.iterator(2);
        it.next();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThat(g.stream(0).count()).isZero();
        assertThatThrownBy(() -> g.iterator(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allAreasAndChannelsAppearIn2000() {
        List<GeneratedOpinion> ops = new OpinionGenerator(11, 5).stream(2000).toList();
        Set<Integer> primaries = new HashSet<>();
        boolean noArea = false;
        Set<Channel> channels = new HashSet<>();
        for (GeneratedOpinion o : ops) {
            if (o.intendedAreas().isEmpty()) {
                noArea = true;
            } else {
                primaries.add(o.intendedAreas().get(0));
            }
            channels.add(o.input().channel());
        }
        assertThat(primaries).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(noArea).isTrue();
        assertThat(channels).containsExactlyInAnyOrder(Channel.values());
    }

    @Test
    void areaSharesChannelsStatusAndSecondaryAreasAreRealistic() {
        int n = 20_000;
        List<GeneratedOpinion> ops = new OpinionGenerator(5, 13).stream(n).toList();
        Map<Integer, Integer> byArea = new TreeMap<>();
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        int secondary = 0;
        int reviewed = 0;
        for (GeneratedOpinion o : ops) {
            int primary = o.intendedAreas().isEmpty() ? 0 : o.intendedAreas().get(0);
            byArea.merge(primary, 1, Integer::sum);
            byChannel.merge(o.input().channel(), 1, Integer::sum);
            if (o.intendedAreas().size() > 1) {
                secondary++;
                assertThat(o.intendedAreas().get(1)).isNotEqualTo(primary).isBetween(1, 6);
            }
            if (o.status() == Status.REVIEWED) {
                reviewed++;
            } else {
                assertThat(o.status()).isEqualTo(Status.RECORDED);
            }
        }
        double[] target = {4, 5, 18, 20, 35, 12, 7};
        double total = 101;
        for (int area = 0; area <= 6; area++) {
            double share = 100.0 * byArea.getOrDefault(area, 0) / n;
            assertThat(share).as("area %d share", area).isCloseTo(100 * target[area] / total,
                    org.assertj.core.data.Offset.offset(2.0));
        }
        System.out.println("area counts " + byArea + ", channels " + byChannel + ", secondary " + secondary
                + ", reviewed " + reviewed);
        assertThat(byChannel.get(Channel.VISIT)).isGreaterThan(byChannel.get(Channel.PHONE));
        assertThat(byChannel.get(Channel.PHONE)).isGreaterThan(byChannel.get(Channel.DEPUTY_VISIT));
        assertThat(byChannel.get(Channel.DEPUTY_VISIT)).isGreaterThan(byChannel.get(Channel.FORUM));
        assertThat(byChannel.get(Channel.FORUM)).isGreaterThan(byChannel.get(Channel.LETTER));
        assertThat(byChannel.get(Channel.LETTER)).isGreaterThan(byChannel.get(Channel.ONLINE));
        assertThat(100.0 * secondary / n).isBetween(5.0, 30.0);
        assertThat(100.0 * reviewed / n).isBetween(15.0, 35.0);
    }

    @Test
    void everySubtopicAppearsAcrossStationsOfAllKinds() {
        Set<String> seen = new OpinionGenerator(2, 13).traced(40_000).map(TracedOpinion::subtopicId)
                .collect(Collectors.toSet());
        Set<String> all = new Catalog().topics.stream().map(t -> t.id).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(all);
        for (int area = 0; area <= 6; area++) {
            String prefix = area + "-";
            assertThat(all.stream().filter(id -> id.startsWith(prefix)).count()).as("area %d", area)
                    .isGreaterThanOrEqualTo(area == 1 || area == 0 ? 3 : 4);
        }
    }

    @Test
    void textsAreCleanAndWithinBounds() {
        for (GeneratedOpinion o : new OpinionGenerator(13, 13).stream(20_000).toList()) {
            String t = text(o);
            assertThat(t.length()).as(t).isBetween(OpinionGenerator.MIN_TEXT_LENGTH, OpinionGenerator.MAX_TEXT_LENGTH);
            assertThat(t.chars().noneMatch(ch -> Character.isISOControl(ch)
                    || Character.getType(ch) == Character.FORMAT)).as(t).isTrue();
            assertThat(t).as(t).doesNotContain("{", "}", "[", "]", "|", "，，", "。。", "，。", "。，", "null",
                    "  ");
            assertThat(t).as(t).doesNotStartWith("，").doesNotStartWith("。");
            assertThat(t.strip()).isEqualTo(t);
            assertThat(t.charAt(t.length() - 1)).as(t).isIn('。', '？', '！');
        }
    }

    @Test
    void datesAreInTheFixedPastPeriodMostlyOfficeHours() {
        LocalDateTime start = OpinionGenerator.PERIOD_START.atStartOfDay();
        LocalDateTime end = OpinionGenerator.PERIOD_END.plusDays(1).atStartOfDay();
        LocalDateTime now = LocalDateTime.now();
        int office = 0;
        int n = 0;
        for (GeneratedOpinion o : new OpinionGenerator(17, 6).stream(10_000).toList()) {
            LocalDateTime at = o.input().receivedAt();
            assertThat(at).isAfterOrEqualTo(start).isBefore(end).isBefore(now);
            assertThat(at.getSecond()).isZero();
            n++;
            Channel ch = o.input().channel();
            if (ch == Channel.VISIT || ch == Channel.PHONE || ch == Channel.LETTER) {
                assertThat(at.getHour()).isBetween(8, 17);
                if (at.getDayOfWeek().getValue() <= 5) {
                    office++;
                }
            } else if (ch == Channel.FORUM) {
                assertThat(at.getHour()).isIn(9, 10, 11, 19, 20);
            } else if (ch == Channel.ONLINE) {
                assertThat(at.getHour()).isBetween(7, 23);
            }
        }
        assertThat(office).isGreaterThan(n / 2);
    }

    @Test
    void asianGamesTopicsRespectTheGames() {
        for (TracedOpinion t : new OpinionGenerator(19, 13).traced(20_000).toList()) {
            LocalDateTime at = t.opinion().input().receivedAt();
            if (t.subtopicId().equals("3-venue")) {
                assertThat(at.toLocalDate()).isBefore(java.time.LocalDate.of(2023, 9, 23));
            }
            if (t.subtopicId().equals("3-venue-open") || t.subtopicId().equals("3-games-effect")) {
                assertThat(at.toLocalDate()).isAfter(java.time.LocalDate.of(2023, 10, 8));
            }
        }
    }

    @Test
    void constituentsAreOftenAnonymousOtherwisePlausible() {
        int anonymous = 0;
        int n = 10_000;
        for (GeneratedOpinion o : new OpinionGenerator(23, 4).stream(n).toList()) {
            Constituent c = o.input().constituent();
            if (c.isAnonymous()) {
                anonymous++;
                assertThat(c.consentToContact()).isFalse();
                continue;
            }
            if (c.phone() != null) {
                assertThat(c.phone()).matches(MOBILE);
            }
            if (c.name() != null) {
                assertThat(c.name().length()).isBetween(2, 4);
            }
            if (c.address() != null) {
                assertThat(c.address()).matches(".*(幢|栋|室|号)$");
            }
            if (c.consentToContact()) {
                assertThat(c.phone() != null || c.address() != null).isTrue();
            }
            assertThat(o.input().receivedBy()).isNotBlank();
        }
        assertThat(100.0 * anonymous / n).isBetween(30.0, 40.0);
    }

    @Test
    void nearDuplicateClustersExist() {
        List<TracedOpinion> ops = traced(29, 3, 2000);
        Map<Long, List<TracedOpinion>> clusters = new HashMap<>();
        for (TracedOpinion t : ops) {
            if (t.inCluster()) {
                clusters.computeIfAbsent(t.clusterId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<List<TracedOpinion>> big = clusters.values().stream().filter(l -> l.size() >= 3).toList();
        long inClusters = clusters.values().stream().mapToInt(List::size).sum();
        System.out.printf("clusters: %d (%d with >= 3 members), %d of %d opinions in clusters%n",
                clusters.size(), big.size(), inClusters, ops.size());
        assertThat(big.size()).isGreaterThanOrEqualTo(10);
        assertThat(inClusters).isBetween(100L, 600L);

        double within = 0;
        int withinPairs = 0;
        for (List<TracedOpinion> cl : big) {
            Set<String> texts = new HashSet<>();
            for (TracedOpinion t : cl) {
                assertThat(t.opinion().station()).isEqualTo(cl.get(0).opinion().station());
                assertThat(t.subtopicId()).isEqualTo(cl.get(0).subtopicId());
                texts.add(text(t.opinion()));
                long days = ChronoUnit.DAYS.between(cl.get(0).opinion().input().receivedAt().toLocalDate(),
                        t.opinion().input().receivedAt().toLocalDate());
                assertThat(Math.abs(days)).isLessThanOrEqualTo(23);
            }
            assertThat(texts).as("cluster texts differ").hasSize(cl.size());
            for (int i = 0; i < cl.size(); i++) {
                for (int j = i + 1; j < cl.size(); j++) {
                    within += jaccard(text(cl.get(i).opinion()), text(cl.get(j).opinion()));
                    withinPairs++;
                }
            }
        }
        // compare with pairs of the same sub-topic at the same station that are not in one cluster
        double across = 0;
        int acrossPairs = 0;
        for (int i = 0; i < ops.size() && acrossPairs < 5000; i++) {
            for (int j = i + 1; j < ops.size() && j < i + 200; j++) {
                TracedOpinion a = ops.get(i);
                TracedOpinion b = ops.get(j);
                if (a.subtopicId().equals(b.subtopicId()) && a.opinion().station().equals(b.opinion().station())
                        && (a.clusterId() != b.clusterId() || a.clusterId() < 0)) {
                    across += jaccard(text(a.opinion()), text(b.opinion()));
                    acrossPairs++;
                }
            }
        }
        double w = within / withinPairs;
        double x = across / acrossPairs;
        System.out.printf("bigram Jaccard: within clusters %.3f, same sub-topic not clustered %.3f%n", w, x);
        assertThat(w).isGreaterThan(x);
    }

    private static double jaccard(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        Set<String> inter = new HashSet<>(x);
        inter.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }

    @Test
    void textsVary() {
        List<String> texts = new OpinionGenerator(31, 5).stream(10_000).map(OpinionGeneratorTest::text).toList();
        long distinct = texts.stream().distinct().count();
        int sameAsPrevious = 0;
        for (int i = 1; i < texts.size(); i++) {
            if (texts.get(i).equals(texts.get(i - 1))) {
                sameAsPrevious++;
            }
        }
        System.out.println("distinct texts in 10,000: " + distinct);
        assertThat(distinct).isGreaterThanOrEqualTo(9_000);
        assertThat(sameAsPrevious).isLessThan(5);
        // the same text also does not come up many times
        Map<String, Long> counts = texts.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(counts.values().stream().mapToLong(Long::longValue).max().orElse(0)).isLessThanOrEqualTo(5);
    }

    @Test
    void stationsAreRealHangzhouStreets() {
        List<Station> s = OpinionGenerator.stations(300);
        assertThat(s).hasSize(300);
        assertThat(s.get(0).code()).isEqualTo("GS-001");
        assertThat(s.get(0).name()).isEqualTo("上城区湖滨街道人大代表联络站");
        assertThat(s.get(1).name()).isEqualTo("余杭区良渚街道人大代表联络站");
        assertThat(s.get(2).name()).isEqualTo("淳安县千岛湖镇人大代表联络站");
        assertThat(s.stream().map(Station::code).distinct().count()).isEqualTo(300);
        assertThat(s.stream().map(Station::name).distinct().count()).isEqualTo(300);
        for (Station st : s) {
            assertThat(Station.isValidCode(st.code())).isTrue();
            assertThat(st.name()).endsWith("人大代表联络站").hasSizeLessThanOrEqualTo(Station.MAX_NAME_LENGTH);
            assertThat(st.mode()).isEqualTo(StationMode.STATION);
        }
        assertThat(OpinionGenerator.stations(7)).isEqualTo(s.subList(0, 7));
        assertThatThrownBy(() -> OpinionGenerator.stations(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheCallersOwnStations() {
        Station own = new Station("XH-07", "西湖区翠苑街道人大代表联络站", StationMode.STATION);
        List<GeneratedOpinion> ops = new OpinionGenerator(37, List.of(own)).stream(500).toList();
        assertThat(ops).allMatch(o -> o.station().equals(own));
        // the texts talk about the station's own district
        assertThat(ops.stream().map(OpinionGeneratorTest::text).filter(t -> t.contains("西湖区") || t.contains("翠苑")
                || t.contains("文三路") || t.contains("古墩路") || t.contains("天目山路") || t.contains("学院路")
                || t.contains("文二路") || t.contains("教工路") || t.contains("西溪路") || t.contains("紫金港路")
                || t.contains("余杭塘路") || t.contains("之江路") || t.contains("留和路") || t.contains("申花路"))
                .count()).isGreaterThan(20);

        Station odd = new Station("T-1", "测试联络站", StationMode.STATION);
        assertThat(new OpinionGenerator(1, List.of(odd, own)).stream(200).map(GeneratedOpinion::station)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(odd, own);
        assertThatThrownBy(() -> new OpinionGenerator(1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Prints the generator's rate; asserts nothing, so it is left out of the default run (bench: generate_per_s). */
    @Test
    @Tag("timing")
    void throughput() {
        OpinionGenerator g = new OpinionGenerator(41, 20);
        long sink = 0;
        Iterator<GeneratedOpinion> warm = g.iterator(200_000);
        while (warm.hasNext()) {
            sink += warm.next().input().text().length();
        }
        int n = 1_000_000;
        long t0 = System.nanoTime();
        Iterator<GeneratedOpinion> it = g.iterator(n);
        while (it.hasNext()) {
            sink += it.next().input().text().length();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generated %,d opinions in %.2f s: %,.0f opinions/s (avg text %.1f chars)%n",
                n, secs, n / secs, (double) sink / (n + 200_000));
    }
}
