package org.liaisondesk.crypto;

import org.liaisondesk.i18n.UserFacingException;

/** An encrypted batch or key that cannot be used, with a message a clerk can act on (bundle key). */
public final class CryptoException extends UserFacingException {

    public CryptoException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public CryptoException(String messageKey, Throwable cause, Object... args) {
        super(messageKey, cause, args);
    }
}
