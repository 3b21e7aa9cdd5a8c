package org.liaisondesk.service;

/** One invalid field: which field, and the bundle key (with arguments) of the message a clerk reads. */
public record Problem(Field field, String messageKey, Object... args) {

    public enum Field {
        TEXT, RECEIVED_AT, CHANNEL, NAME, PHONE, ADDRESS, RECEIVED_BY, STATION_CODE, STATION_NAME
    }
}
