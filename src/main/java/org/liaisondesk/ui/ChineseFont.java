package org.liaisondesk.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;

/**
 * The window's font: the first installed of the Chinese UI fonts of Linux (Noto Sans CJK SC), Windows (Microsoft
 * YaHei, SimSun) and macOS (PingFang SC). JavaFX CSS takes one family in {@code -fx-font-family}, not a CSS fallback
 * list, so app.css names Noto Sans CJK SC and a small stylesheet made here names the one this computer has.
 */
final class ChineseFont {

    static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Microsoft YaHei", "Microsoft YaHei UI",
            "SimSun", "PingFang SC", "WenQuanYi Micro Hei", "Source Han Sans SC");

    private static String stylesheet;

    private ChineseFont() {
    }

    /** The first of {@link #PREFERRED} that is installed. */
    static Optional<String> choose(Collection<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst();
    }

    /** A stylesheet setting the root's font to {@code family}, as a data: URL. */
    static String stylesheet(String family) {
        String css = ".root { -fx-font-family: \"" + family + "\"; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The stylesheets every scene and dialog gets (the toolkit must be running): app.css, then the font. */
    static synchronized List<String> stylesheets() {
        if (stylesheet == null) {
            stylesheet = choose(Font.getFamilies()).map(ChineseFont::stylesheet).orElse("");
        }
        return stylesheet.isEmpty() ? List.of(Dialogs.STYLESHEET) : List.of(Dialogs.STYLESHEET, stylesheet);
    }
}
