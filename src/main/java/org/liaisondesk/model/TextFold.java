package org.liaisondesk.model;

import java.text.Normalizer;

/**
 * The one way the program compares residents' text: each character by its Unicode compatibility form (NFKC) where
 * that is a single character (full-width ３号楼 and ＡＢＣ, ideographic space, circled ①, compatibility ideographs), and
 * Latin letters in lower case. Character for character, so positions in the folded text are positions in the
 * original (search highlights rely on it). Shared by search, the similarity index and the tagger.
 */
public final class TextFold {

    /** Every UTF-16 unit's folded form, computed once on first use (about 65,000 look-ups, a few milliseconds). */
    private static final class Table {
        static final char[] FOLDED = build();

        private static char[] build() {
            char[] t = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                char ch = (char) c;
                if (c >= 0x80 && !Character.isSurrogate(ch)) {
                    String n = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
                    if (n.length() == 1) {
                        ch = n.charAt(0);
                    }
                }
                t[c] = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
            }
            return t;
        }
    }

    private TextFold() {
    }

    /** The folded form of one UTF-16 unit. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Table.FOLDED[c];
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
