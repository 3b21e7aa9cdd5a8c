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
public final class ChineseFont {

    static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Microsoft YaHei", "Microsoft YaHei UI",
            "SimSun", "PingFang SC", "WenQuanYi Micro Hei", "Source Han Sans SC");

    /**
     * Fonts for printed forms, as paper forms are set: 仿宋 first, then 宋体 (Windows names, then the Chinese names WPS
     * installs, then the serif CJK fonts of Linux and macOS).
     */
    static final List<String> FORM = List.of("FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "SimSun", "宋体",
            "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Songti SC", "STSong");

    private static String stylesheet;
    private static String formFamily;

    private ChineseFont() {
    }

    /** The first of {@link #PREFERRED} that is installed. */
    static Optional<String> choose(Collection<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst();
    }

    /** The family printed forms are set in: the first installed of {@link #FORM}, else the window's font. */
    public static synchronized String formFamily() {
        if (formFamily == null) {
            List<String> installed = Font.getFamilies();
            formFamily = FORM.stream().filter(installed::contains).findFirst()
                    .or(() -> choose(installed)).orElse(Font.getDefault().getFamily());
        }
        return formFamily;
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
