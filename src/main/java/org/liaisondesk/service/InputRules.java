package org.liaisondesk.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.Station;

/** What a clerk may enter. Shared by the entry form (inline messages) and the command line (exit code 2). */
public final class InputRules {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_NAME = 50;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_RECEIVED_BY = 50;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{2,19}");

    private final Clock clock;

    public InputRules(Clock clock) {
        this.clock = clock;
    }

    public List<Problem> check(OpinionInput in) {
        List<Problem> problems = new ArrayList<>();
        String text = in.text() == null ? "" : in.text().strip();
        if (text.isEmpty()) {
            problems.add(new Problem(Problem.Field.TEXT, "validation.text.empty"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new Problem(Problem.Field.TEXT, "validation.text.tooLong", MAX_TEXT, text.length()));
        } else {
            checkCharacters(text, true, Problem.Field.TEXT, problems);
        }
        if (in.receivedAt() == null) {
            problems.add(new Problem(Problem.Field.RECEIVED_AT, "validation.received.empty"));
        } else if (in.receivedAt().isAfter(LocalDateTime.now(clock).plusMinutes(5))) {
            problems.add(new Problem(Problem.Field.RECEIVED_AT, "validation.received.future"));
        } else if (in.receivedAt().getYear() < 2000) {
            problems.add(new Problem(Problem.Field.RECEIVED_AT, "validation.received.tooOld"));
        }
        if (in.channel() == null) {
            problems.add(new Problem(Problem.Field.CHANNEL, "validation.channel.empty"));
        }
        Constituent who = in.constituent();
        checkOptional(who.name(), MAX_NAME, Problem.Field.NAME, problems);
        checkOptional(who.address(), MAX_ADDRESS, Problem.Field.ADDRESS, problems);
        checkOptional(in.receivedBy(), MAX_RECEIVED_BY, Problem.Field.RECEIVED_BY, problems);
        if (who.phone() != null && !who.phone().isBlank() && !PHONE.matcher(who.phone().strip()).matches()) {
            problems.add(new Problem(Problem.Field.PHONE, "validation.phone.invalid"));
        }
        return problems;
    }

    public List<Problem> checkStation(String code, String name) {
        List<Problem> problems = new ArrayList<>();
        if (!Station.isValidCode(code)) {
            problems.add(new Problem(Problem.Field.STATION_CODE, "validation.station.code", code == null ? "" : code));
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(new Problem(Problem.Field.STATION_NAME, "validation.station.nameEmpty"));
        } else {
            checkOptional(n, Station.MAX_NAME_LENGTH, Problem.Field.STATION_NAME, problems);
        }
        return problems;
    }

    private static void checkOptional(String value, int max, Problem.Field field, List<Problem> problems) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add(new Problem(field, "validation.field.tooLong", max));
            return;
        }
        checkCharacters(value, false, field, problems);
    }

    /**
     * Control characters (NUL, escape sequences, ...) and invisible direction overrides never come from a keyboard
     * honestly; they corrupt exports and can disguise text. Line breaks and tabs are fine in the opinion text.
     */
    private static void checkCharacters(String value, boolean multiline, Problem.Field field, List<Problem> problems) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean lineBreak = ch == '\n' || ch == '\r' || ch == '\t';
            if ((Character.isISOControl(ch) && !(multiline && lineBreak)) || isDirectionOverride(ch)
                    || Character.isSurrogate(ch) && !validSurrogatePair(value, i)) {
                problems.add(new Problem(field, "validation.field.controlCharacter",
                        String.format("U+%04X", (int) ch), i + 1));
                return;
            }
            if (Character.isHighSurrogate(ch)) {
                i++;
            }
        }
    }

    private static boolean isDirectionOverride(char ch) {
        return (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069');
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /** The text as stored: trimmed, with Windows line breaks folded. */
    public static String normalizeText(String text) {
        return text.strip().replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Empty optional fields are stored as absent, not as blanks. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
