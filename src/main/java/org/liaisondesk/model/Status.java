package org.liaisondesk.model;

import java.util.Optional;

/** Where an opinion is in its life: 录入 → 已审阅 → 已导出 → 办理中 → 已办结. */
public enum Status implements Coded {
    RECORDED("recorded"),
    REVIEWED("reviewed"),
    EXPORTED("exported"),
    HANDLING("handling"),
    CLOSED("closed");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<Status> fromCode(String code) {
        return Coded.fromCode(Status.class, code);
    }
}
