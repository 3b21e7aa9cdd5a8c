package org.liaisondesk.ui.list;

import org.liaisondesk.model.Opinion;

import java.util.List;
import org.liaisondesk.search.SearchText;

/** One line of the opinion list, formatted for reading; keeps the opinion for editing and deleting;
 * {@code excerptPieces} is the excerpt cut where the searched words occur, for highlighting. */
public record OpinionRow(Opinion opinion, String number, String received, String channel, String areas,
                         String status, String excerpt, String constituent, String station,
                         List<SearchText.Piece> excerptPieces) {
}
