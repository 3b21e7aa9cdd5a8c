package org.liaisondesk.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One sub-topic of a task area (e.g. {@code 3-noise-site}: night construction noise) with its paraphrase templates.
 * Built with a small fluent DSL in {@link Topics}.
 */
final class Topic {

    enum Setting { ANY, URBAN, RURAL }

    final String id;
    /** 1..6, or 0 for "no area fits". */
    final int area;
    final double weight;
    final SlotTable slots;
    Setting setting = Setting.ANY;
    boolean needsMetro;
    /** Inclusive epoch-day window the matter can be raised in (亚运 before/after the Games, 疫情 early 2023). */
    long fromDay = Long.MIN_VALUE;
    long toDay = Long.MAX_VALUE;
    /** The slot that names the matter, for near-duplicate clusters; -1 when the topic does not cluster. */
    int clusterKey = -1;
    boolean details;

    final List<Phrase> templates = new ArrayList<>();
    final List<Integer> secondary = new ArrayList<>();
    /** The matter each template describes: a near-duplicate cluster keeps to one matter. */
    final List<String> matters = new ArrayList<>();
    private String pendingMatter;
    /** Indices of templates that mention the cluster key. */
    int[] clusterTemplates = new int[0];

    Topic(String id, int area, double weight, SlotTable slots) {
        this.id = id;
        this.area = area;
        this.weight = weight;
        this.slots = slots;
    }

    Topic rural() {
        setting = Setting.RURAL;
        return this;
    }

    Topic urban() {
        setting = Setting.URBAN;
        return this;
    }

    Topic metro() {
        needsMetro = true;
        return this;
    }

    Topic window(String from, String to) {
        fromDay = LocalDate.parse(from).toEpochDay();
        toDay = LocalDate.parse(to).toEpochDay();
        return this;
    }

    /** Templates of this topic may carry a generic complaint detail; call before adding templates. */
    Topic details() {
        details = true;
        return this;
    }

    Topic cluster(String keySlot) {
        clusterKey = slots.id(keySlot);
        return this;
    }

    /**
     * The next template describes this matter (e.g. {@code lift} for 加装电梯); templates of one matter are
     * paraphrases a cluster may mix. A template without a matter only paraphrases itself.
     */
    Topic g(String matter) {
        pendingMatter = matter;
        return this;
    }

    /** A template with the topic's area only. */
    Topic t(String template) {
        return t(0, template);
    }

    /** A template that also touches a secondary area (1..6). */
    Topic t(int secondaryArea, String template) {
        if ((secondaryArea != 0 && (secondaryArea == area || area == 0)) || secondaryArea < 0 || secondaryArea > 6) {
            throw new IllegalArgumentException(id + ": bad secondary area " + secondaryArea);
        }
        // Most templates can take an opening fitting the channel (a letter's 尊敬的人大代表：) and a closing request.
        // A matter residents complain about may carry a detail (how long, how many affected, what they tried).
        String body = template;
        if (details) {
            if (body.endsWith("{求}")) {
                body = body.substring(0, body.length() - 3) + "{细节}{求}";
            } else if (body.endsWith("{建议求}")) {
                body = body.substring(0, body.length() - 5) + "{细节}{建议求}";
            } else {
                body = body + "{细节}";
            }
        }
        String full = "{开场}" + body;
        if (area != 0 && !template.contains("{求}") && !template.contains("{建议求}")) {
            full += "{尾}";
        }
        templates.add(Phrase.parse(full, slots::id));
        secondary.add(secondaryArea);
        matters.add(pendingMatter != null ? pendingMatter : "#" + templates.size());
        pendingMatter = null;
        return this;
    }

    void finish() {
        if (templates.isEmpty()) {
            throw new IllegalStateException(id + ": no templates");
        }
        if (clusterKey >= 0) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < templates.size(); i++) {
                if (templates.get(i).alwaysReferences(clusterKey)) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                throw new IllegalStateException(id + ": a cluster topic needs templates naming {"
                        + slots.name(clusterKey) + "}");
            }
            clusterTemplates = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < matters.size(); i++) {
            if (matters.lastIndexOf(matters.get(i)) != i && clusterKey < 0) {
                throw new IllegalStateException(id + ": matters only matter for cluster topics");
            }
        }
    }

    /** Templates naming the cluster key that describe the same matter as template {@code t}. */
    int[] sameMatter(int t) {
        String m = matters.get(t);
        return java.util.Arrays.stream(clusterTemplates).filter(i -> matters.get(i).equals(m)).toArray();
    }
}
