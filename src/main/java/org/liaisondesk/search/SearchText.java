package org.liaisondesk.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.liaisondesk.model.TextFold;

/**
 * How text is cut up for the full-text index, and how a query becomes an index lookup. Pure computation, no SQL.
 *
 * <p>A <em>word character</em> is a letter or digit of any script; everything else (spaces, punctuation, symbols)
 * separates runs of them, called segments. Text is folded first ({@link TextFold}: full-width and other compatibility
 * forms to their plain form, Latin letters to lower case), so a search for "WiFi" finds "wifi" and 3号楼 finds ３号楼. The index holds, per opinion, the overlapping
 * character pairs (bigrams) of every segment in order, and the set of its single characters. A query is looked up
 * as, for each of its segments, the phrase of its bigrams (or its single character); every text that contains the
 * query therefore matches, and the store confirms each candidate with an exact substring check, so results are
 * exactly the texts containing the query.
 */
public final class SearchText {

    private SearchText() {
    }

    /** Letters and digits of any script belong to words; everything else separates them. */
    static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    /** The program's one text fold ({@link TextFold}): compatibility forms and Latin case, length-preserving. */
    public static String fold(String s) {
        return TextFold.fold(s);
    }

    /** The folded runs of word characters, each as an array of code points. */
    static List<int[]> segments(String text) {
        List<int[]> out = new ArrayList<>();
        int[] cps = fold(text).codePoints().toArray();
        int start = -1;
        for (int i = 0; i <= cps.length; i++) {
            boolean word = i < cps.length && isWordChar(cps[i]);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(java.util.Arrays.copyOfRange(cps, start, i));
                start = -1;
            }
        }
        return out;
    }

    /** The index's bigram column: the overlapping pairs of each segment, in order, separated by spaces. */
    public static String bigrams(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 3);
        for (int[] seg : segments(text)) {
            for (int i = 0; i + 1 < seg.length; i++) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.appendCodePoint(seg[i]).appendCodePoint(seg[i + 1]);
            }
        }
        return sb.toString();
    }

    /** The index's character column: each distinct word character once, separated by spaces. */
    public static String characters(String text) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int[] seg : segments(text)) {
            for (int cp : seg) {
                seen.add(cp);
            }
        }
        StringBuilder sb = new StringBuilder(seen.size() * 2);
        for (int cp : seen) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /**
     * The FTS5 expression for a query, over the columns {@code bi} and {@code ch}; empty when the query has no
     * word character at all (then only a plain scan can answer it). Tokens are letters and digits only, each
     * phrase is quoted, so quotes, {@code *}, {@code AND}, {@code NEAR}, {@code -} or parentheses in the query are
     * never operators.
     */
    public static Optional<String> matchExpression(String query) {
        Set<String> clauses = new LinkedHashSet<>();
        for (int[] seg : segments(query)) {
            StringBuilder phrase = new StringBuilder();
            if (seg.length == 1) {
                phrase.append("ch : \"").appendCodePoint(seg[0]).append('"');
            } else {
                phrase.append("bi : \"");
                for (int i = 0; i + 1 < seg.length; i++) {
                    if (i > 0) {
                        phrase.append(' ');
                    }
                    phrase.appendCodePoint(seg[i]).appendCodePoint(seg[i + 1]);
                }
                phrase.append('"');
            }
            clauses.add(phrase.toString());
        }
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", clauses));
    }

    /** Where the query occurs in the text (folded as above), left to right, not overlapping: for highlighting. */
    public static List<Span> spans(String text, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String t = fold(text);
        List<Span> out = new ArrayList<>();
        for (int at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + q.length())) {
            out.add(new Span(at, at + q.length()));
        }
        return out;
    }

    /** The text cut into plain and matching pieces, in order, for a view that styles the matches. */
    public static List<Piece> highlight(String text, String query) {
        List<Piece> out = new ArrayList<>();
        int at = 0;
        for (Span s : spans(text, query)) {
            if (s.start() > at) {
                out.add(new Piece(text.substring(at, s.start()), false));
            }
            out.add(new Piece(text.substring(s.start(), s.end()), true));
            at = s.end();
        }
        if (at < text.length()) {
            out.add(new Piece(text.substring(at), false));
        }
        return out;
    }

    /** A match at {@code [start, end)} in UTF-16 units of the text, as {@link String#substring} takes them. */
    public record Span(int start, int end) {
    }

    /** A piece of text; {@code match} when it is an occurrence of the query. */
    public record Piece(String text, boolean match) {
    }
}
