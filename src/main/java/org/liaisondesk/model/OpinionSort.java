package org.liaisondesk.model;

/** A sortable column of the opinion list and its direction. */
public record OpinionSort(Field field, boolean ascending) {

    public static final OpinionSort NEWEST_FIRST = new OpinionSort(Field.RECEIVED_AT, false);

    public enum Field { RECEIVED_AT, NUMBER, CHANNEL, STATUS, AREA, STATION, UPDATED_AT }
}
