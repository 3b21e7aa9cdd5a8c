package org.liaisondesk.model;

/**
 * The head of a station's audit-log chain as an upward batch carried it and the general station recorded it on
 * import: entry {@code entry} of the station's log had hash {@code hash} when batch {@code sequence} was written.
 * Handed back to the station, it lets {@code check} prove the station's log was not rewritten since.
 *
 * @param signedBy the station whose signature the batch carried, or {@code null} for a plain batch
 */
public record AuditAnchor(long sequence, String batchId, long entry, String hash, String importedAt,
                          String signedBy) {
}
