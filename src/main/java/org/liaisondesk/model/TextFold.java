package org.liaisondesk.model;

import java.text.Normalizer;

/**
 * The one way the program compares residents' text: each character by its Unicode compatibility form (NFKC) where
 * that is a single character (full-width ３号楼 and ＡＢＣ, ideographic space, circled ①, compatibility ideographs), and
 * Latin letters in lower case. Character for character, so positions in the folded text are positions in the
 * original (search highlights rely on it). Shared by search, the similarity index and the tagger.
 */
public final class TextFold {

    /**
     * Folded forms found so far, 0 where not yet looked up: each character is normalised the first time it is met
     * (building all 65,536 at once cost about 70 ms, paid by whichever thread folded first). Two threads meeting the
     * same character store the same value, so the race is harmless.
     */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    private TextFold() {
    }

    /** The folded form of one UTF-16 unit. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        char f = FOLDED[c];
        if (f == 0) {
            f = normalised(c);
            FOLDED[c] = f;
        }
        return f;
    }

    /** {@code c}'s NFKC form where that is one character, in lower case if Latin; else {@code c} itself. */
    private static char normalised(char c) {
        char f = c;
        if (!Character.isSurrogate(c)) {
            String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            if (n.length() == 1) {
                f = n.charAt(0);
            }
        }
        return f >= 'A' && f <= 'Z' ? (char) (f + ('a' - 'A')) : f;
    }

    /** {@code s} folded character by character; the same length as {@code s}. */
    public static String fold(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char f = fold(ch);
            if (f != ch) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = f;
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** True when folding changes more than Latin case: such text was indexed differently before V027's fold. */
    public static boolean foldsBeyondAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 && fold(ch) != ch) {
                return true;
            }
        }
        return false;
    }
}
