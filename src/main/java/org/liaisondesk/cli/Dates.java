package org.liaisondesk.cli;

import java.time.LocalDate;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.DateText;

/** Dates typed on the command line: the same lenient forms as the window ({@link DateText}), or a clear message. */
final class Dates {

    private Dates() {
    }

    /** Null stays null (the option was not given). */
    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        return DateText.parse(value).orElseThrow(() -> new UserFacingException("cli.error.date", value));
    }
}
