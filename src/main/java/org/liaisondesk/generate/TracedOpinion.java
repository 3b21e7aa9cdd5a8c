package org.liaisondesk.generate;

/**
 * A generated opinion with the generator's ground truth, for tests and benchmarks of the tagger and of grouping.
 *
 * @param opinion    the opinion
 * @param subtopicId the generator's sub-topic, e.g. {@code 3-noise-site} (area first); {@code 0-…} for no area
 * @param clusterId  the near-duplicate cluster it belongs to (the same matter raised by several residents of one
 *                   station), or -1; ids are unique within one run
 */
public record TracedOpinion(GeneratedOpinion opinion, String subtopicId, long clusterId) {

    public boolean inCluster() {
        return clusterId >= 0;
    }
}
