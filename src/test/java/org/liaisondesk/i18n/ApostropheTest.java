package org.liaisondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 18: bundle texts are written for MessageFormat ({@code ''} is one apostrophe); a text shown without arguments
 * must not show the doubled apostrophe ("file''s checksum").
 */
class ApostropheTest {

    @Test
    void noTextShowsADoubledApostrophe() {
        for (String language : new String[] {"en", "zh"}) {
            Messages m = Messages.forLanguage(language);
            for (String key : m.bundle().keySet()) {
                String shown = m.get(key);
                assertThat(shown).as(key).doesNotContain("''");
            }
        }
        assertThat(Messages.forLanguage("en").get("batch.error.checksum")).startsWith("The batch file's checksum");
        assertThat(Messages.forLanguage("en").get("area.short.5")).isEqualTo("5 People's democracy");
    }
}
