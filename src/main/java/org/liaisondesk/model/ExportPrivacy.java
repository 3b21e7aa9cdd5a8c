package org.liaisondesk.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an exported batch carries of a resident's contact details. {@link #BY_CONSENT} (the default) sends full
 * details for residents who agreed to be contacted and none for the others.
 */
public enum ExportPrivacy {
    BY_CONSENT("by-consent"),
    FULL("full"),
    MASKED("masked"),
    NONE("none");

    private final String code;

    ExportPrivacy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ExportPrivacy> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
