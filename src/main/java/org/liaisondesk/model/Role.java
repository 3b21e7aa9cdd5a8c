package org.liaisondesk.model;

import java.util.Arrays;
import java.util.Optional;

/** What a local account may do; the rules themselves are in {@code service.Permissions}. */
public enum Role {
    ADMIN("admin"),
    CLERK("clerk"),
    DEPUTY("deputy"),
    GENERAL_STAFF("general-staff");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
