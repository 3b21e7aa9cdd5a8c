package org.liaisondesk.model;

/**
 * One deputy's duty record (代表履职档案) for a year.
 *
 * @param receptions  reception days attended
 * @param residents   residents received on those days
 * @param reviewed    opinions the deputy reviewed (by the account name that reviewed)
 * @param suggestions of those, turned into a deputy's suggestion (转为代表建议)
 */
public record DutyRecord(String deputy, int year, long receptions, long residents, long reviewed,
                         long suggestions) {
}
