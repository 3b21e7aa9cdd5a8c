package org.liaisondesk.exchange;

import java.io.OutputStream;
import java.nio.file.Path;
import org.liaisondesk.crypto.BatchCrypto;

/**
 * The keys behind encrypted batches as the exchange uses them. The composition root hands in the key service, so the
 * exchange needs no service; see docs/batch-encryption.md.
 */
public interface BatchKeys {

    /** True at a station that has the general station's public key: its batches then leave encrypted. */
    boolean encryptsBatches();

    /** Wraps {@code out}: encrypted for the general station, signed by this station when closed (closes out). */
    OutputStream encryptForGeneral(OutputStream out, String actor);

    /** At the station, reading back what it wrote: {@link BatchCrypto#verifyWritten}; a failure throws. */
    void verifyWritten(Path file, String actor);

    /** At the general station: verifies the whole file (signer, recipient, every tag), then streams its plaintext. */
    BatchCrypto.Decrypted openVerified(Path file);

    /** At the general station: whether {@code station}'s signing key is registered (its batches must be signed). */
    boolean stationKeyRegistered(String station);

    /** At the general station: whether any station's signing key is registered. */
    boolean anyStationKeyRegistered();

    /** At the general station: whether return batches to {@code station} are encrypted (its agreement key is held). */
    default boolean encryptsReturnBatchesFor(String station) {
        return false;
    }

    /** At the general station: wraps {@code out}, encrypted for {@code station}, signed by the general station. */
    default OutputStream encryptForStation(OutputStream out, String station, String actor) {
        throw new UnsupportedOperationException("return batches are not encrypted here");
    }

    /** At the general station, reading back a return batch it wrote: a failure throws. */
    default void verifyWrittenForStation(Path file, String station, String actor) {
        throw new UnsupportedOperationException("return batches are not encrypted here");
    }

    /** At a station: whether the general station's signing key is registered (return batches must be signed). */
    default boolean generalSigningKeyRegistered() {
        return false;
    }

    /** At a station: verifies a return batch (recipient, the general station's signature, every tag), streams it. */
    default BatchCrypto.Decrypted openReturnBatch(Path file) {
        throw new UnsupportedOperationException("return batches cannot be opened here");
    }
}
