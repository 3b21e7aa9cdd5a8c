package org.liaisondesk.model;

import java.util.regex.Pattern;

/** The identity of this installation, set once by the first-run dialog or {@code init}. */
public record Station(String code, String name, StationMode mode) {

    /** Letters, digits and inner hyphens, e.g. {@code GS-007}: it becomes part of opinion numbers and file names. */
    public static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    public static final int MAX_CODE_LENGTH = 24;
    public static final int MAX_NAME_LENGTH = 60;

    public static boolean isValidCode(String code) {
        return code != null && code.length() <= MAX_CODE_LENGTH && CODE_PATTERN.matcher(code).matches();
    }
}
