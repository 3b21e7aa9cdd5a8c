package org.liaisondesk.i18n;

import java.util.Arrays;

/**
 * An expected error whose message a clerk can act on. It carries a bundle key and arguments, so the window and the
 * command line each show it in the user's language; the command line exits with code 2 and prints no stack trace.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Throwable cause, Object... args) {
        super(messageKey + " " + Arrays.toString(args), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public UserFacingException(String messageKey, Object... args) {
        this(messageKey, null, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the user's language; an argument that is itself a UserFacingException is shown localized. */
    public String localized(Messages messages) {
        Object[] shown = Arrays.stream(args)
                .map(a -> a instanceof UserFacingException u ? u.localized(messages) : a)
                .toArray();
        return messages.get(messageKey, shown);
    }
}
