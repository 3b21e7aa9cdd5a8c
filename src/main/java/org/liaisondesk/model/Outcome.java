package org.liaisondesk.model;

import java.util.Optional;

/** The outcome class of a reply: A 已解决, B 正在解决, C 列入计划, D 留作参考. B and C come back for a follow-up. */
public enum Outcome implements Coded {
    A("A"), B("B"), C("C"), D("D");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** B and C promise something by a date; they come back when it passes. */
    public boolean needsFollowUp() {
        return this == B || this == C;
    }

    public static Optional<Outcome> fromCode(String code) {
        return code == null ? Optional.empty() : Coded.fromCode(Outcome.class, code.toUpperCase(java.util.Locale.ROOT));
    }
}
