package org.liaisondesk.ui.list;

import org.liaisondesk.model.Opinion;

/** One line of the opinion list, formatted for reading; keeps the opinion for editing and deleting. */
public record OpinionRow(Opinion opinion, String number, String received, String channel, String areas,
                         String status, String excerpt, String constituent, String station) {
}
