package org.liaisondesk.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * The general station's policy for plain (unsigned) batches from a station whose signing key it has not registered.
 * A station whose key is registered must always sign (docs/batch-encryption.md); this decides only for the others.
 */
public enum PlainBatches {
    /** Default: plain batches are accepted while no station key is registered, refused once any is. */
    UNTIL_KEYS("until-keys"),
    /** Plain batches from stations without a registered key are accepted. */
    ALLOW("allow"),
    /** Every batch must be signed by a registered station. */
    REFUSE("refuse");

    /** The general station's setting (table {@code setting}). */
    public static final String SETTING = "import.plainBatches";

    private final String code;

    PlainBatches(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PlainBatches> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /** Whether a plain batch from a station without a registered key is accepted. */
    boolean accepts(boolean anyStationKey) {
        return this == ALLOW || (this == UNTIL_KEYS && !anyStationKey);
    }
}
