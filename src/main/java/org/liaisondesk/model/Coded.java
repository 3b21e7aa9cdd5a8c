package org.liaisondesk.model;

import java.util.Arrays;
import java.util.Optional;

/** An enum with a stable lowercase code, the token used on the command line, in the database and in batches. */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
