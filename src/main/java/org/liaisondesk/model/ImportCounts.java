package org.liaisondesk.model;

/**
 * What importing one batch did with its opinions.
 *
 * @param added     opinions the general station did not hold
 * @param updated   newer revisions of opinions it held
 * @param unchanged opinions it already held at that revision (or a newer one)
 * @param conflicts opinions kept aside: same id and revision with different content, or a number already taken
 */
public record ImportCounts(long added, long updated, long unchanged, long conflicts) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);

    public ImportCounts plus(ImportCounts o) {
        return new ImportCounts(added + o.added, updated + o.updated, unchanged + o.unchanged,
                conflicts + o.conflicts);
    }
}
