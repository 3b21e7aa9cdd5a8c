package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every message and help key exists in Chinese and in English. */
class BundleKeysTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertThat(load("/org/liaisondesk/i18n/messages_en.properties").keySet())
                .isEqualTo(load("/org/liaisondesk/i18n/messages_zh_CN.properties").keySet());
        assertThat(load("/org/liaisondesk/cli/help_en.properties").keySet())
                .isEqualTo(load("/org/liaisondesk/cli/help_zh.properties").keySet());
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundleKeysTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
