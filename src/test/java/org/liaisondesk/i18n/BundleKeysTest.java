package org.liaisondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BundleKeysTest {

    @Test
    void everyKeyExistsInBothLanguages() {
        var zh = new Messages(Messages.CHINESE).bundle().keySet();
        var en = new Messages(Locale.ENGLISH).bundle().keySet();
        assertThat(zh).containsExactlyInAnyOrderElementsOf(en);
    }
}
