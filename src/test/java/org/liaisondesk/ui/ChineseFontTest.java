package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseFontTest {

    @Test
    void windowsWithoutNotoGetsMicrosoftYaHeiThenSimSun() {
        assertThat(ChineseFont.choose(List.of("Arial", "SimSun", "Microsoft YaHei", "Segoe UI")))
                .contains("Microsoft YaHei");
        assertThat(ChineseFont.choose(List.of("Arial", "SimSun"))).contains("SimSun");
        assertThat(ChineseFont.choose(List.of("Noto Sans CJK SC", "Microsoft YaHei"))).contains("Noto Sans CJK SC");
        assertThat(ChineseFont.choose(List.of("Arial"))).isEmpty();
    }

    @Test
    void theFontStylesheetIsADataUrlNamingTheFamily() {
        String url = ChineseFont.stylesheet("Microsoft YaHei");

        assertThat(URI.create(url).getScheme()).isEqualTo("data");
        String css = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertThat(css).isEqualTo(".root { -fx-font-family: \"Microsoft YaHei\"; }\n");
    }
}
