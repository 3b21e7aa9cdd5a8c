package org.liaisondesk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * An incoming opinion the general station kept aside instead of overwriting what it holds.
 *
 * @param kind         CONTENT: same id and revision as the opinion held, different content; NUMBER: its number is
 *                     already used by another opinion of the same station
 * @param incomingJson the opinion as the batch carried it
 */
public record ExchangeConflict(long id, UUID batchId, UUID opinionId, String number, String station, int revision,
                               Kind kind, String incomingJson, Instant detectedAt) {

    public enum Kind {
        CONTENT("content"),
        NUMBER("number");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind fromCode(String code) {
            return NUMBER.code.equals(code) ? NUMBER : CONTENT;
        }
    }
}
