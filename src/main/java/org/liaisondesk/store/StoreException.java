package org.liaisondesk.store;

import org.liaisondesk.i18n.UserFacingException;

/** A database problem a person can act on (wrong file, newer version, locked); message is a bundle key. */
public class StoreException extends UserFacingException {

    public StoreException(String messageKey, Throwable cause, Object... args) {
        super(messageKey, cause, args);
    }

    public StoreException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }
}
