package org.liaisondesk.model;

import java.util.Optional;

/** A liaison station records opinions; the general station (联络总站) imports every station's batches. */
public enum StationMode implements Coded {
    STATION("station"),
    GENERAL("general");

    private final String code;

    StationMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<StationMode> fromCode(String code) {
        return Coded.fromCode(StationMode.class, code);
    }
}
