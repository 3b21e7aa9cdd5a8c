package org.liaisondesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** English counts agree with their nouns ("1 station", never "1 stations"). */
class EnglishPluralsTest {

    private final Messages en = Messages.forLanguage("en");

    @Test
    void oneIsSingularAndMoreArePlural() {
        assertThat(en.get("review.group", 1, 1)).isEqualTo("This matter: 1 opinion from 1 station");
        assertThat(en.get("review.group", 27, 3)).isEqualTo("This matter: 27 opinions from 3 stations");
        assertThat(en.get("cli.clusters.line", 2, 1, "x")).isEqualTo("This matter: 2 opinions from 1 station (x)");
    }
}
