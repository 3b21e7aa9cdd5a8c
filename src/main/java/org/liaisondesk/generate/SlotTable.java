package org.liaisondesk.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named slots ({@code {小区}}, {@code {求}} …): each is filled by code (places, numbers) or by one of several phrases
 * that may themselves use slots. Identity slots name the matter itself (the compound, the site, the bus stop): a
 * near-duplicate cluster keeps them, and re-draws the others.
 */
final class SlotTable {

    interface Filler {
        String fill(Ctx c);
    }

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Boolean> identity = new ArrayList<>();
    private final List<Filler> fillers = new ArrayList<>();
    private final List<String[]> pending = new ArrayList<>();
    private boolean sealed;

    private int register(String name, boolean isIdentity, Filler filler, String[] phrases) {
        if (sealed) {
            throw new IllegalStateException("sealed");
        }
        if (ids.containsKey(name)) {
            throw new IllegalArgumentException("duplicate slot " + name);
        }
        int id = names.size();
        names.add(name);
        ids.put(name, id);
        identity.add(isIdentity);
        fillers.add(filler);
        pending.add(phrases);
        return id;
    }

    void code(String name, boolean isIdentity, Filler filler) {
        register(name, isIdentity, filler, null);
    }

    /** A slot filled by one of the phrases, chosen uniformly. */
    void phrases(String name, boolean isIdentity, String... phrases) {
        if (phrases.length == 0) {
            throw new IllegalArgumentException("no phrases for " + name);
        }
        register(name, isIdentity, null, phrases);
    }

    /** Parses every phrase slot; call once after all slots are defined. */
    void seal() {
        sealed = true;
        for (int i = 0; i < names.size(); i++) {
            String[] src = pending.get(i);
            if (src == null) {
                continue;
            }
            Phrase[] parsed = new Phrase[src.length];
            for (int j = 0; j < src.length; j++) {
                parsed[j] = Phrase.parse(src[j], this::id);
            }
            fillers.set(i, c -> {
                StringBuilder sb = new StringBuilder(48);
                parsed[c.r.nextInt(parsed.length)].render(c, sb);
                return sb.toString();
            });
            pending.set(i, null);
        }
    }

    int id(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("unknown slot {" + name + "}");
        }
        return id;
    }

    String name(int id) {
        return names.get(id);
    }

    boolean isIdentity(int id) {
        return identity.get(id);
    }

    int size() {
        return names.size();
    }

    String fill(int id, Ctx c) {
        return fillers.get(id).fill(c);
    }
}
