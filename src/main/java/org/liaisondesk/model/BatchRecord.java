package org.liaisondesk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch this installation wrote (station) or read (general station), as recorded in its history.
 *
 * @param sequence  the station's batch number: 1, 2, 3 ... per station, so a missing one shows
 * @param createdAt when the station wrote the batch
 * @param recordedAt when this installation recorded it (export verified, or import committed)
 * @param counts    what an import did with the opinions; null for exports
 */
public record BatchRecord(UUID id, Direction direction, String station, String stationName, int sequence,
                          Instant createdAt, Instant recordedAt, long opinionCount, String sha256, String fileName,
                          ImportCounts counts) {

    public enum Direction {
        EXPORT("export"),
        IMPORT("import");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Direction fromCode(String code) {
            return IMPORT.code.equals(code) ? IMPORT : EXPORT;
        }
    }
}
