package org.liaisondesk.model;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for new opinions: time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74
 * random bits. Unique across stations like random UUIDs, but consecutive ones sort together, so the indexes keyed
 * by id (the opinion's own, its tags' table) grow at their end instead of touching a random page per insert: at a
 * million opinions that is the difference between the page cache holding the working set or not.
 */
public final class OpinionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpinionIds() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
