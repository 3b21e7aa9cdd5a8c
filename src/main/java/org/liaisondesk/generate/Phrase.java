package org.liaisondesk.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A parsed text pattern: literal text, {@code {slot}} references and {@code [a|b|c]} inline alternatives, which
 * nest and may be empty ({@code [|，说实话]}). Parsed once; rendering is a walk over small arrays.
 */
final class Phrase {

    private static final Object[] EMPTY = new Object[0];

    /** Each node is a String (literal), an Integer-like SlotRef, or a Phrase[] (alternatives). */
    private final Object[] nodes;

    private Phrase(Object[] nodes) {
        this.nodes = nodes;
    }

    record SlotRef(int id) {
    }

    void render(Ctx c, StringBuilder sb) {
        for (Object n : nodes) {
            if (n instanceof String s) {
                sb.append(s);
            } else if (n instanceof SlotRef ref) {
                sb.append(c.get(ref.id()));
            } else {
                Phrase[] alts = (Phrase[]) n;
                alts[c.r.nextInt(alts.length)].render(c, sb);
            }
        }
    }

    /** Whether every rendering of this phrase contains the slot (directly, not through another slot). */
    boolean alwaysReferences(int slotId) {
        for (Object n : nodes) {
            if (n instanceof SlotRef ref && ref.id() == slotId) {
                return true;
            }
            if (n instanceof Phrase[] alts) {
                boolean all = true;
                for (Phrase p : alts) {
                    all &= p.alwaysReferences(slotId);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    static Phrase parse(String src, ToIntFunction<String> slotIds) {
        int[] pos = {0};
        Phrase p = parseSeq(src, pos, slotIds, false);
        if (pos[0] != src.length()) {
            throw new IllegalArgumentException("unbalanced pattern at " + pos[0] + ": " + src);
        }
        return p;
    }

    private static Phrase parseSeq(String s, int[] pos, ToIntFunction<String> slotIds, boolean inAlt) {
        List<Object> nodes = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos[0] < s.length()) {
            char ch = s.charAt(pos[0]);
            if (ch == '{') {
                int end = s.indexOf('}', pos[0]);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed { in: " + s);
                }
                flush(lit, nodes);
                nodes.add(new SlotRef(slotIds.applyAsInt(s.substring(pos[0] + 1, end))));
                pos[0] = end + 1;
            } else if (ch == '[') {
                flush(lit, nodes);
                pos[0]++;
                List<Phrase> options = new ArrayList<>();
                while (true) {
                    options.add(parseSeq(s, pos, slotIds, true));
                    if (pos[0] >= s.length()) {
                        throw new IllegalArgumentException("unclosed [ in: " + s);
                    }
                    char sep = s.charAt(pos[0]++);
                    if (sep == ']') {
                        break;
                    }
                }
                nodes.add(options.toArray(new Phrase[0]));
            } else if (ch == '|' || ch == ']') {
                if (!inAlt) {
                    throw new IllegalArgumentException("stray " + ch + " in: " + s);
                }
                break;
            } else if (ch == '}') {
                throw new IllegalArgumentException("stray } in: " + s);
            } else {
                lit.append(ch);
                pos[0]++;
            }
        }
        flush(lit, nodes);
        return new Phrase(nodes.isEmpty() ? EMPTY : nodes.toArray());
    }

    private static void flush(StringBuilder lit, List<Object> nodes) {
        if (lit.length() > 0) {
            nodes.add(lit.toString());
            lit.setLength(0);
        }
    }
}
