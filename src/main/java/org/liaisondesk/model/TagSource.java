package org.liaisondesk.model;

import java.util.Optional;

/** Who or what set a task-area tag: the tagger's proposal, or a person's confirmation or correction. */
public enum TagSource implements Coded {
    AUTO("auto"),
    CLERK("clerk"),
    DEPUTY("deputy");

    private final String code;

    TagSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<TagSource> fromCode(String code) {
        return Coded.fromCode(TagSource.class, code);
    }
}
