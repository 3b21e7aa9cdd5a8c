package org.liaisondesk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deputies' reception day (代表接待日): when and where, which deputies attended, how many residents came.
 *
 * @param deputies names as the station writes them, in the order given
 */
public record ReceptionDay(UUID id, LocalDate heldOn, String place, List<String> deputies, int residents,
                           String note) {

    public ReceptionDay {
        deputies = List.copyOf(deputies);
    }
}
