package org.liaisondesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet parses cleanly. JavaFX only logs a CSS syntax error and drops the rules after it, so a lost brace
 * (a merge once left one) silently unstyles half the window; this test makes it fail instead.
 */
class StylesheetsTest {

    /** A colour written out: hex, rgb(a)/hsb(a) functions, or a named colour other than transparent. */
    private static final Pattern COLOUR_LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsba?)\\s*\\(|(?<![-\\w])(?:white|black|red|green|blue|yellow|orange|gray|grey"
                    + "|silver|navy|maroon|purple|teal|olive|lime|aqua|fuchsia)(?![-\\w])",
            Pattern.CASE_INSENSITIVE);
    private static final String PALETTE_START = "/* ===== The palette";
    private static final String PALETTE_END = "/* ===== end of the palette */";

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            sheets = files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            CssParser.errorsProperty().clear();
            new CssParser().parse(sheet.toUri().toURL());
            assertThat(CssParser.errorsProperty()).as(sheet.toString()).isEmpty();
        }
    }

    /**
     * Colours are written once, in the palette at the top of app.css's .root; every other rule of every stylesheet
     * uses its looked-up colours (-ld-...). Comments are ignored; the palette block itself is cut out first.
     */
    @Test
    void colourLiteralsOnlyInThePalette() throws IOException {
        List<String> found = new ArrayList<>();
        boolean paletteSeen = false;
        for (Path sheet : stylesheets()) {
            String css = Files.readString(sheet);
            if (sheet.endsWith(Path.of("org/liaisondesk/ui/app.css"))) {
                int start = css.indexOf(PALETTE_START);
                int end = css.indexOf(PALETTE_END);
                assertThat(start).as("palette block in app.css").isGreaterThanOrEqualTo(0);
                assertThat(end).as("end of the palette block").isGreaterThan(start);
                css = css.substring(0, start) + css.substring(end + PALETTE_END.length());
                paletteSeen = true;
            }
            String[] lines = declarationsOnly(withoutComments(css)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = COLOUR_LITERAL.matcher(lines[i]);
                if (m.find()) {
                    found.add(sheet.getFileName() + ": " + lines[i].strip());
                }
            }
        }
        assertThat(paletteSeen).isTrue();
        assertThat(found).as("colour literals outside app.css's palette").isEmpty();
    }

    @Test
    void theLiteralCheckCatchesColours() {
        assertThat(COLOUR_LITERAL.matcher("-fx-text-fill: #b3261e;").find()).isTrue();
        assertThat(COLOUR_LITERAL.matcher("-fx-fill: rgba(0, 0, 0, 0.2);").find()).isTrue();
        assertThat(COLOUR_LITERAL.matcher("-fx-text-fill: white;").find()).isTrue();
        assertThat(COLOUR_LITERAL.matcher("-fx-text-fill: -ld-on-accent;").find()).isFalse();
        assertThat(COLOUR_LITERAL.matcher(declarationsOnly(".handling-colour:red { -fx-border-color: transparent; }"))
                .find()).isFalse();
        assertThat(COLOUR_LITERAL.matcher("-ld-supervision-red: -ld-danger;").find()).isFalse();
    }

    private static String withoutComments(String css) {
        // keep line numbers: replace each comment by as many newlines as it spanned
        Matcher m = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Blanks the selectors (outside braces), so a pseudo-class such as {@code :red} is not taken for a colour. */
    private static String declarationsOnly(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int depth = 0;
        for (char c : css.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            out.append(depth > 0 || c == '\n' || c == '}' ? c : ' ');
        }
        return out.toString();
    }

    private static List<Path> stylesheets() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            return files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
    }
}
