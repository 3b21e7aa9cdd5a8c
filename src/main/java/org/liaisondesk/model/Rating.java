package org.liaisondesk.model;

import java.util.Optional;

/** A resident's rating at the return visit (回访): 满意, 基本满意, 不满意 (which opens 重办). */
public enum Rating implements Coded {
    SATISFIED("satisfied"), BASICALLY_SATISFIED("basically-satisfied"), DISSATISFIED("dissatisfied");

    private final String code;

    Rating(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<Rating> fromCode(String code) {
        return Coded.fromCode(Rating.class, code);
    }
}
