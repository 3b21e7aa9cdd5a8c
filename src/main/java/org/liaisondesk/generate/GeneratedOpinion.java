package org.liaisondesk.generate;

import java.util.List;

import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.Status;

/**
 * One synthetic opinion.
 *
 * @param station       the station that received it
 * @param input         what a clerk would have entered; {@code tags} is empty so the tagger proposes
 * @param intendedAreas the task areas the text was written for, primary first; empty when no area fits
 * @param status        the status to store it in
 */
public record GeneratedOpinion(Station station, OpinionInput input, List<Integer> intendedAreas, Status status) {

    public GeneratedOpinion {
        intendedAreas = List.copyOf(intendedAreas);
    }
}
