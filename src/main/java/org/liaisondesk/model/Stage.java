package org.liaisondesk.model;

import java.util.Optional;

/**
 * Where an opinion is in its handling, as Chinese liaison stations name the steps: 已登记 → 已审阅 → 已交办 → 已签收 →
 * 已答复 → 已反馈群众 → 已回访 → 已办结归档, with the side paths 退回重交, 重办, 转为代表建议 and 不予受理 (延期 is an
 * event that keeps the stage). {@link Status} keeps its five coarse codes; {@link #status()} is the one a stage implies.
 */
public enum Stage implements Coded {
    REGISTERED("registered", Status.RECORDED),
    REVIEWED("reviewed", Status.REVIEWED),
    ASSIGNED("assigned", Status.HANDLING),
    SIGNED("signed", Status.HANDLING),
    REPLIED("replied", Status.HANDLING),
    FED_BACK("fed-back", Status.HANDLING),
    VISITED("visited", Status.HANDLING),
    ARCHIVED("archived", Status.CLOSED),
    RETURNED("returned", Status.HANDLING),
    REHANDLING("rehandling", Status.HANDLING),
    SUGGESTION("suggestion", Status.HANDLING),
    NOT_ACCEPTED("not-accepted", Status.CLOSED);

    private final String code;
    private final Status status;

    Stage(String code, Status status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    /** The coarse status an opinion at this stage shows in {@code list --json}. */
    public Status status() {
        return status;
    }

    /** True while a unit is working on it against a due date. */
    public boolean runsAgainstDueDate() {
        return this == ASSIGNED || this == SIGNED || this == REHANDLING || this == SUGGESTION;
    }

    public static Optional<Stage> fromCode(String code) {
        return Coded.fromCode(Stage.class, code);
    }

    /** The stage of an opinion that has no handling record yet, from its status. */
    public static Stage ofStatus(Status status) {
        return switch (status) {
            case RECORDED -> REGISTERED;
            case REVIEWED, EXPORTED -> REVIEWED;
            case HANDLING -> ASSIGNED;
            case CLOSED -> ARCHIVED;
        };
    }
}
