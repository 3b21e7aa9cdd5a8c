package org.liaisondesk.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.liaisondesk.generate.HangzhouPlaces.Kind;

/**
 * All topics, and the tables to draw them: first a task area by its target share, then a topic of that area by
 * weight adjusted to the station (no village roads in the city centre, no metro where there is none). Drawing the
 * area first keeps the area shares the same for every kind of station.
 */
final class Catalog {

    /** Target shares, index 0 = no area fits (thanks, personal requests, private disputes), then areas 1..6. */
    static final double[] AREA_SHARE = {4, 5, 18, 20, 35, 12, 7};

    final SlotTable slots;
    final List<Topic> topics = new ArrayList<>();
    private final double[] areaCum;
    /** [profile][area] → topics of that area and their cumulative weights. */
    private final Topic[][][] byProfile;
    private final double[][][] cumByProfile;

    Catalog() {
        this.slots = Lexicon.build();
        Topics.define(this);
        for (Topic t : topics) {
            t.finish();
        }
        areaCum = cumulative(AREA_SHARE);
        int profiles = Kind.values().length * 2;
        byProfile = new Topic[profiles][7][];
        cumByProfile = new double[profiles][7][];
        for (Kind kind : Kind.values()) {
            for (int metro = 0; metro < 2; metro++) {
                int p = kind.ordinal() * 2 + metro;
                for (int area = 0; area <= 6; area++) {
                    List<Topic> in = new ArrayList<>();
                    List<Double> w = new ArrayList<>();
                    for (Topic t : topics) {
                        double tw = t.area == area ? weight(t, kind, metro == 1) : 0;
                        if (tw > 0) {
                            in.add(t);
                            w.add(tw);
                        }
                    }
                    if (in.isEmpty()) {
                        throw new IllegalStateException("no topic for area " + area + " in " + kind);
                    }
                    byProfile[p][area] = in.toArray(new Topic[0]);
                    cumByProfile[p][area] = cumulative(w.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
        }
    }

    Topic topic(String id, int area, double weight) {
        Topic t = new Topic(id, area, weight, slots);
        topics.add(t);
        return t;
    }

    private static double weight(Topic t, Kind kind, boolean metro) {
        if (t.needsMetro && !metro) {
            return 0;
        }
        double m = switch (t.setting) {
            case ANY -> 1.0;
            case URBAN -> kind == Kind.CORE ? 1.2 : kind == Kind.SUBURB ? 1.0 : 0.35;
            case RURAL -> kind == Kind.CORE ? 0.04 : kind == Kind.SUBURB ? 0.6 : 2.5;
        };
        return t.weight * m;
    }

    int drawArea(SplittableRandom r) {
        return draw(areaCum, r);
    }

    Topic drawTopic(SplittableRandom r, StationLocale loc, int area) {
        int p = loc.kind.ordinal() * 2 + (loc.hasMetro() ? 1 : 0);
        return byProfile[p][area][draw(cumByProfile[p][area], r)];
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    static int draw(double[] cum, SplittableRandom r) {
        double x = r.nextDouble();
        for (int i = 0; i < cum.length; i++) {
            if (x < cum[i]) {
                return i;
            }
        }
        return cum.length - 1;
    }
}
