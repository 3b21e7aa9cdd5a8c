package org.liaisondesk.tagging;

import java.util.Arrays;
import java.util.Collection;
import org.liaisondesk.model.TextFold;

/**
 * Cuts text into character bigrams encoded as one int ({@code first << 16 | second}), the unit both the
 * zero-shot index and the correction model count. Chinese has no spaces, and bigrams catch most two-character
 * words (养老, 噪声, 托育) without a segmenter or dictionary.
 *
 * <p>Normalisation: the program's one fold ({@link TextFold}: full-width and other compatibility forms, Latin
 * case); function characters (的了吗 …) skipped so 路太窄 and 路窄 give the same bigram; any other non-letter (punctuation, spaces) ends a run so no
 * bigram spans it. Immutable and thread-safe.
 */
final class CharBigrams {

    private final boolean[] skipped = new boolean[Character.MAX_VALUE + 1];

    CharBigrams(Collection<String> functionChars) {
        for (String s : functionChars) {
            for (int i = 0; i < s.length(); i++) {
                skipped[s.charAt(i)] = true;
            }
        }
    }

    /**
     * Writes the distinct bigrams of {@code text} into {@code out} (grown when too small) and returns the
     * buffer; {@code count[0]} receives how many were written.
     */
    int[] distinct(CharSequence text, int[] out, int[] count) {
        int[] buf = out.length >= text.length() ? out : new int[text.length()];
        int n = 0;
        char prev = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = fold(text.charAt(i));
            if (c == 0) {
                prev = 0;
            } else if (!skipped[c]) {
                if (prev != 0) {
                    buf[n++] = key(prev, c);
                }
                prev = c;
            }
        }
        Arrays.sort(buf, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (unique == 0 || buf[unique - 1] != buf[i]) {
                buf[unique++] = buf[i];
            }
        }
        count[0] = unique;
        return buf;
    }

    /** Convenience for building indexes: the distinct bigrams of a phrase as a fresh array. */
    int[] distinct(CharSequence text) {
        int[] count = new int[1];
        int[] buf = distinct(text, new int[text.length()], count);
        return Arrays.copyOf(buf, count[0]);
    }

    static int key(char first, char second) {
        return first << 16 | second;
    }

    /** The character to use, or 0 when {@code c} ends a run (punctuation, space, symbols). */
    private static char fold(char c) {
        c = TextFold.fold(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return c;
        }
        return Character.isIdeographic(c) ? c : 0;
    }
}
