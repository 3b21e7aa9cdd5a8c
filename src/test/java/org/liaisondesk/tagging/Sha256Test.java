package org.liaisondesk.tagging;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    @Test
    void matchesTheJdkDigestAcrossBlockBoundaries() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int len = 0; len < 300; len++) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(Sha256.digest(bytes)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
            text.append(len % 3 == 0 ? "民" : "a");
        }
        byte[] report = Lexicon.readResource(Taxonomy.DEFAULT_REPORT).getBytes(StandardCharsets.UTF_8);
        assertThat(Sha256.digest(report)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(report));
    }
}
