package org.liaisondesk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpinionIdsTest {

    @Test
    void idsAreVersion7UniqueAndSortByCreationTimeAsText() throws Exception {
        UUID first = OpinionIds.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(OpinionIds.next())).isTrue();
        }
        Thread.sleep(3);
        UUID later = OpinionIds.next();
        // Stored as text: the text order is the creation order (to the millisecond), so id indexes grow at the end.
        assertThat(later.toString()).isGreaterThan(first.toString());
        assertThat(later.getMostSignificantBits() >>> 16).isGreaterThan(first.getMostSignificantBits() >>> 16);
    }
}
