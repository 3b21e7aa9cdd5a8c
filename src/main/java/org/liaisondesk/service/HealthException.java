package org.liaisondesk.service;

import java.util.List;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HealthIssue;

/** A database or backup that failed its check: the headline message, then each problem on its own line. */
public final class HealthException extends UserFacingException {

    private final transient List<HealthIssue> issues;

    public HealthException(String messageKey, List<HealthIssue> issues, Object... args) {
        super(messageKey, args);
        this.issues = List.copyOf(issues);
    }

    public List<HealthIssue> issues() {
        return issues;
    }

    @Override
    public String localized(Messages messages) {
        StringBuilder out = new StringBuilder(super.localized(messages));
        for (HealthIssue issue : issues) {
            out.append(System.lineSeparator()).append("  - ").append(describe(issue, messages));
        }
        return out.toString();
    }

    public static String describe(HealthIssue issue, Messages messages) {
        return messages.get(issue.messageKey(), issue.args().toArray());
    }
}
