package org.liaisondesk.model;

import java.util.Optional;

/** How an opinion reached the station. The code is the stable token used on the command line and in batches. */
public enum Channel implements Coded {
    VISIT("visit"),
    PHONE("phone"),
    LETTER("letter"),
    ONLINE("online"),
    FORUM("forum"),
    DEPUTY_VISIT("deputy-visit");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Coded.fromCode(Channel.class, code);
    }
}
