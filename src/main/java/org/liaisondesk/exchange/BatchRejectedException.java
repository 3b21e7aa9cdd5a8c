package org.liaisondesk.exchange;

import org.liaisondesk.i18n.UserFacingException;

/**
 * A batch file that cannot be trusted or read: it is rejected as a whole and nothing of it is kept. The message
 * (a bundle key) says what is wrong and what the clerk can do.
 */
public final class BatchRejectedException extends UserFacingException {

    public BatchRejectedException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public BatchRejectedException(String messageKey, Throwable cause, Object... args) {
        super(messageKey, cause, args);
    }
}
