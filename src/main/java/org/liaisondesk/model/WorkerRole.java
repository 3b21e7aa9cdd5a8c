package org.liaisondesk.model;

import java.util.Arrays;
import java.util.Optional;

/** What the person at the window is: a station clerk (工作人员) or a deputy (代表). */
public enum WorkerRole {
    CLERK("clerk"),
    DEPUTY("deputy");

    private final String code;

    WorkerRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<WorkerRole> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
