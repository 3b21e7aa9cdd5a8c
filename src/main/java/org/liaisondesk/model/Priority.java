package org.liaisondesk.model;

import java.util.Optional;

/** How soon a deputy wants an opinion dealt with. */
public enum Priority implements Coded {
    URGENT("urgent"),
    NORMAL("normal");

    /**
     * A matter raised by this many residents or more (opinions linked as the same matter, 并案) counts one level more
     * urgent: it comes first in the review queue and in the overdue list (issue 13).
     */
    public static final int RAISE_AT_RESIDENTS = 5;

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The priority one level up when {@code residents} reach {@link #RAISE_AT_RESIDENTS}. */
    public Priority raisedFor(int residents) {
        return residents >= RAISE_AT_RESIDENTS ? URGENT : this;
    }

    public static Optional<Priority> fromCode(String code) {
        return Coded.fromCode(Priority.class, code);
    }
}
