package org.liaisondesk.model;

import java.util.Optional;

/** How soon a deputy wants an opinion dealt with. */
public enum Priority implements Coded {
    URGENT("urgent"),
    NORMAL("normal");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<Priority> fromCode(String code) {
        return Coded.fromCode(Priority.class, code);
    }
}
