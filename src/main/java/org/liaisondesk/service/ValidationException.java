package org.liaisondesk.service;

import java.util.List;
import org.liaisondesk.i18n.UserFacingException;

/** Input that cannot be saved; carries every problem so the form can mark each field at once. */
public final class ValidationException extends UserFacingException {

    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.get(0).messageKey(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
