package org.liaisondesk.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Outcome;
import org.liaisondesk.store.HandlingRepository;

/**
 * Reply templates (答复模板): the texts the loop fills in when a person leaves them out — the explanation to the
 * resident for each outcome class ({@code outcome.A} … {@code outcome.D}) and the note of passing a reply on
 * ({@code feedback}). Built-in texts apply until someone edits one; edits are kept in {@code reply_template}, which
 * the general station's return batches carry down (a station's set is replaced by the general station's).
 */
public final class ReplyTemplates {

    public static final String FEEDBACK = "feedback";

    /** The built-in texts, in the order they are listed. */
    static final Map<String, String> DEFAULTS = defaults();

    private final HandlingRepository repository;

    public ReplyTemplates(HandlingRepository repository) {
        this.repository = repository;
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(outcomeKey(Outcome.A), "您反映的问题已经解决。感谢您对人大代表工作的支持,如有新的情况,欢迎继续向联络站反映。");
        m.put(outcomeKey(Outcome.B), "您反映的问题正在解决,承办单位已承诺办理时限,联络站将跟踪办理进展并及时告知您。");
        m.put(outcomeKey(Outcome.C), "您反映的问题已列入工作计划,将按计划逐步解决,联络站将跟踪落实情况并及时告知您。");
        m.put(outcomeKey(Outcome.D), "您反映的意见已留作参考。承办单位已说明有关情况和原因,感谢您的理解和支持。");
        m.put(FEEDBACK, "已将承办单位的答复告知反映人。");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static String outcomeKey(Outcome outcome) {
        return "outcome." + outcome.code();
    }

    /** A template as it applies now: the edited text, else the built-in one. */
    public String text(String key) {
        requireKey(key);
        return repository.templates().getOrDefault(key, DEFAULTS.get(key));
    }

    /** One template as listed. */
    public record Template(String key, String text, boolean edited) {
    }

    /** Every template, built-in order, with whether it was edited. */
    public List<Template> list() {
        Map<String, String> stored = repository.templates();
        return DEFAULTS.entrySet().stream().map(e -> new Template(e.getKey(),
                stored.getOrDefault(e.getKey(), e.getValue()), stored.containsKey(e.getKey()))).toList();
    }

    public void set(String key, String text, String actor) {
        requireKey(key);
        String t = InputRules.blankToNull(text == null ? null : text.strip());
        if (t == null) {
            throw new UserFacingException("loop.templates.error.empty", key);
        }
        if (t.length() > HandlingService.MAX_TEXT) {
            throw new UserFacingException("loop.error.tooLong", HandlingService.MAX_TEXT, t.length());
        }
        repository.saveTemplate(key, t, actor);
    }

    /** Back to the built-in text; false when it was not edited. */
    public boolean reset(String key, String actor) {
        requireKey(key);
        return repository.deleteTemplate(key, actor);
    }

    private static void requireKey(String key) {
        if (key == null || !DEFAULTS.containsKey(key)) {
            throw new UserFacingException("loop.templates.error.key", key, String.join(", ", DEFAULTS.keySet()));
        }
    }
}
