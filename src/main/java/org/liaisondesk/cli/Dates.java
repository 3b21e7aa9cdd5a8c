package org.liaisondesk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.liaisondesk.i18n.UserFacingException;

/** Dates typed on the command line: year-month-day, or a clear message. */
final class Dates {

    private Dates() {
    }

    /** Null stays null (the option was not given). */
    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UserFacingException("cli.error.date", value);
        }
    }
}
