package org.liaisondesk.reliability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/** A clock in Beijing time that starts at a given instant and moves on one second each time it is read. */
public final class TickingClock extends Clock {

    private final AtomicLong seconds;

    public TickingClock(Instant start) {
        this.seconds = new AtomicLong(start.getEpochSecond());
    }

    /** Moves the clock on by {@code s} seconds. */
    public void advance(long s) {
        seconds.addAndGet(s);
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(seconds.getAndIncrement());
    }
}
