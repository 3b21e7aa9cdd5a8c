package org.liaisondesk.model;

import java.util.Optional;

/**
 * What a deputy decided should happen to an opinion: 当场答复, 转街道/乡镇办理, 转区级部门办理, 转为代表建议, or
 * 不予受理 (which needs a reason).
 */
public enum Handling implements Coded {
    ON_THE_SPOT("on-the-spot"),
    STREET("street"),
    DISTRICT("district"),
    DEPUTY_SUGGESTION("deputy-suggestion"),
    REJECTED("rejected");

    private final String code;

    Handling(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<Handling> fromCode(String code) {
        return Coded.fromCode(Handling.class, code);
    }
}
