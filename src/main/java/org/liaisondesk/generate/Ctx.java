package org.liaisondesk.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The state of one opinion being written: the random source, the station's places and the slot values so far. */
final class Ctx {

    private static final String IN_PROGRESS = new String("\u0000in-progress");

    final SplittableRandom r;
    final SlotTable slots;
    final String[] vals;
    StationLocale loc;
    org.liaisondesk.model.Channel channel = org.liaisondesk.model.Channel.VISIT;

    Ctx(SplittableRandom r, SlotTable slots) {
        this.r = r;
        this.slots = slots;
        this.vals = new String[slots.size()];
    }

    void reset(StationLocale locale, org.liaisondesk.model.Channel how) {
        Arrays.fill(vals, null);
        this.loc = locale;
        this.channel = how;
    }

    /** A slot's value, filled on first use and then fixed for the rest of the opinion (one 小区 per text). */
    String get(int id) {
        String v = vals[id];
        if (v == IN_PROGRESS) {
            throw new IllegalStateException("slot refers to itself: " + slots.name(id));
        }
        if (v == null) {
            vals[id] = IN_PROGRESS;
            v = slots.fill(id, this);
            vals[id] = v;
        }
        return v;
    }

    /** A slot's value if it was used so far, else null. */
    String peek(int id) {
        String v = vals[id];
        return v == IN_PROGRESS ? null : v;
    }

    String pick(String[] options) {
        return options[r.nextInt(options.length)];
    }
}
