package org.liaisondesk.model;

import java.time.LocalDate;

/**
 * What the opinion list shows. Every field is optional (null = any).
 *
 * @param area         matches the primary area; 0 means "no area fits"
 * @param textContains substring of the text (Latin letters ignoring case), looked up in the full-text index
 * @param deleted      false: the normal list; true: the recycle bin
 */
public record OpinionFilter(Status status, Channel channel, LocalDate receivedFrom, LocalDate receivedTo,
                            Integer area, String station, String textContains, boolean deleted) {

    public static final OpinionFilter ALL = new OpinionFilter(null, null, null, null, null, null, null, false);

    public OpinionFilter withStatus(Status s) {
        return new OpinionFilter(s, channel, receivedFrom, receivedTo, area, station, textContains, deleted);
    }

    public OpinionFilter withChannel(Channel c) {
        return new OpinionFilter(status, c, receivedFrom, receivedTo, area, station, textContains, deleted);
    }

    public OpinionFilter withReceived(LocalDate from, LocalDate to) {
        return new OpinionFilter(status, channel, from, to, area, station, textContains, deleted);
    }

    public OpinionFilter withArea(Integer a) {
        return new OpinionFilter(status, channel, receivedFrom, receivedTo, a, station, textContains, deleted);
    }

    public OpinionFilter withStation(String s) {
        return new OpinionFilter(status, channel, receivedFrom, receivedTo, area, s, textContains, deleted);
    }

    public OpinionFilter withTextContains(String t) {
        return new OpinionFilter(status, channel, receivedFrom, receivedTo, area, station, t, deleted);
    }

    public OpinionFilter withDeleted(boolean d) {
        return new OpinionFilter(status, channel, receivedFrom, receivedTo, area, station, textContains, d);
    }
}
