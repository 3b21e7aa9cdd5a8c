package org.liaisondesk.model;

import java.util.List;

/**
 * One problem a database check found: a bundle key and its arguments, so the window and the command line each
 * show it in the user's language.
 */
public record HealthIssue(String messageKey, List<Object> args) {

    public HealthIssue {
        args = List.copyOf(args);
    }

    public static HealthIssue of(String messageKey, Object... args) {
        return new HealthIssue(messageKey, List.of(args));
    }
}
