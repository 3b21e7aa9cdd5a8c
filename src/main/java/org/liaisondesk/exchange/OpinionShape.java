package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.liaisondesk.model.Station;

/**
 * A hand-written test that an opinion plainly satisfies {@code $defs/opinion} of {@code batch-schema.json}, for the
 * import's hot loop: the JSON-schema validator costs more per opinion than everything else the reader does. It only
 * ever answers "plainly valid" for an opinion the schema accepts; anything it is not sure of (any problem, or an
 * edge it does not decide, such as lengths counted in code points) goes to the validator, which decides and words
 * the problem. {@code OpinionShapeTest} checks the two agree on every way an opinion can break the schema.
 */
final class OpinionShape {

    private static final Set<String> OPINION_FIELDS = Set.of("id", "number", "station", "revision", "receivedAt",
            "channel", "text", "areas", "status", "constituent", "receivedBy", "createdAt", "updatedAt", "deleted");
    /** Optional fields (added within format version 1): the deputies' review and its history. */
    private static final Set<String> OPTIONAL_FIELDS = Set.of("review", "history");
    private static final Set<String> REVIEW_FIELDS = Set.of("note", "priority", "handling", "reason", "reply",
            "reviewedBy", "reviewedAt");
    private static final Set<String> HISTORY_FIELDS = Set.of("at", "actor", "action", "revision", "before", "after");
    private static final Set<String> PRIORITIES = Set.of("urgent", "normal");
    private static final Set<String> HANDLINGS = Set.of("on-the-spot", "street", "district", "deputy-suggestion",
            "rejected");
    private static final Set<String> ACTIONS = Set.of("review", "areas", "note", "priority", "handling", "reason",
            "status", "reply");
    private static final Set<String> AREA_FIELDS = Set.of("area", "primary", "subtopic", "clause", "score",
            "source", "setBy", "taxonomyVersion");
    private static final Set<String> CONSTITUENT_FIELDS = Set.of("name", "phone", "address", "consentToContact");
    private static final Set<String> CHANNELS = Set.of("visit", "phone", "letter", "online", "forum",
            "deputy-visit");
    private static final Set<String> STATUSES = Set.of("exported", "handling", "closed");
    private static final Set<String> SOURCES = Set.of("auto", "clerk", "deputy");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LOCAL_TIME = Pattern.compile(
            "20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?");
    private static final Pattern INSTANT = Pattern.compile(
            "20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,9})?Z");
    private static final Pattern SUBTOPIC = Pattern.compile("[1-6]\\.[0-9]{2}");

    private OpinionShape() {
    }

    /** True only when {@code n} satisfies the opinion schema; false means "ask the validator". */
    static boolean plainlyValid(JsonNode n) {
        return n.isObject() && hasFields(n, OPINION_FIELDS, OPTIONAL_FIELDS)
                && matches(n.get("id"), UUID)
                && text(n.get("number"), 1, 64)
                && text(n.get("station"), 1, Station.MAX_CODE_LENGTH)
                && Station.CODE_PATTERN.matcher(n.get("station").textValue()).matches()
                && revision(n.get("revision"))
                && matches(n.get("receivedAt"), LOCAL_TIME)
                && oneOf(n.get("channel"), CHANNELS)
                && text(n.get("text"), 1, BatchFormat.MAX_TEXT)
                && BatchFormat.acceptableText(n.get("text").textValue())
                && areas(n.get("areas"))
                && oneOf(n.get("status"), STATUSES)
                && constituent(n.get("constituent"))
                && optionalText(n.get("receivedBy"), 50)
                && instant(n.get("createdAt"))
                && instant(n.get("updatedAt"))
                && n.get("deleted").isBoolean()
                && (!n.has("review") || review(n.get("review")))
                && (!n.has("history") || history(n.get("history")));
    }

    private static boolean revision(JsonNode v) {
        return v.isInt() && v.intValue() >= 1 && v.intValue() <= BatchFormat.MAX_REVISION;
    }

    private static boolean review(JsonNode r) {
        return r.isObject() && hasExactly(r, REVIEW_FIELDS)
                && optionalText(r.get("note"), 2000)
                && oneOf(r.get("priority"), PRIORITIES)
                && (r.get("handling").isNull() || oneOf(r.get("handling"), HANDLINGS))
                && optionalText(r.get("reason"), 2000)
                && optionalText(r.get("reply"), 2000)
                && optionalText(r.get("reviewedBy"), 50)
                && (r.get("reviewedAt").isNull() || instant(r.get("reviewedAt")));
    }

    private static boolean history(JsonNode h) {
        if (!h.isArray()) {
            return false;
        }
        for (JsonNode e : h) {
            if (!(e.isObject() && hasExactly(e, HISTORY_FIELDS)
                    && instant(e.get("at"))
                    && text(e.get("actor"), 1, 50)
                    && oneOf(e.get("action"), ACTIONS)
                    && revision(e.get("revision"))
                    && optionalText(e.get("before"), 2000)
                    && optionalText(e.get("after"), 2000))) {
                return false;
            }
        }
        return true;
    }

    private static boolean areas(JsonNode areas) {
        if (!areas.isArray() || areas.size() > 6) {
            return false;
        }
        for (JsonNode a : areas) {
            if (!(a.isObject() && hasExactly(a, AREA_FIELDS)
                    && a.get("area").isInt() && a.get("area").intValue() >= 1 && a.get("area").intValue() <= 6
                    && a.get("primary").isBoolean()
                    && (a.get("subtopic").isNull() || matches(a.get("subtopic"), SUBTOPIC))
                    && optionalText(a.get("clause"), 2000)
                    && a.get("score").isNumber()
                    && a.get("score").doubleValue() >= 0 && a.get("score").doubleValue() <= 1
                    && oneOf(a.get("source"), SOURCES)
                    && optionalText(a.get("setBy"), 50)
                    && optionalText(a.get("taxonomyVersion"), 100))) {
                return false;
            }
        }
        return true;
    }

    private static boolean constituent(JsonNode c) {
        return c.isObject() && hasExactly(c, CONSTITUENT_FIELDS)
                && optionalText(c.get("name"), 200)
                && optionalText(c.get("phone"), 200)
                && optionalText(c.get("address"), 200)
                && c.get("consentToContact").isBoolean();
    }

    /** Every one of {@code required} and nothing but those and {@code optional}. */
    private static boolean hasFields(JsonNode n, Set<String> required, Set<String> optional) {
        int expected = required.size();
        for (String f : optional) {
            expected += n.has(f) ? 1 : 0;
        }
        return n.size() == expected && hasAll(n, required);
    }

    private static boolean hasAll(JsonNode n, Set<String> fields) {
        for (String f : fields) {
            if (!n.has(f)) {
                return false;
            }
        }
        return true;
    }

    /** The fields are exactly these (so {@code get} of any of them is not null). */
    private static boolean hasExactly(JsonNode n, Set<String> fields) {
        return n.size() == fields.size() && hasAll(n, fields);
    }

    /** A string of {@code min} to {@code max} UTF-16 units (so as many code points at most, and at least one). */
    private static boolean text(JsonNode v, int min, int max) {
        return v.isTextual() && v.textValue().length() >= min && v.textValue().length() <= max;
    }

    private static boolean optionalText(JsonNode v, int max) {
        return v.isNull() || text(v, 0, max);
    }

    private static boolean oneOf(JsonNode v, Set<String> values) {
        return v.isTextual() && values.contains(v.textValue());
    }

    private static boolean matches(JsonNode v, Pattern pattern) {
        return v.isTextual() && pattern.matcher(v.textValue()).matches();
    }

    /** The schema's pattern and a real date and time (its {@code date-time} format); no leap seconds. */
    private static boolean instant(JsonNode v) {
        if (!matches(v, INSTANT)) {
            return false;
        }
        try {
            Instant.parse(v.textValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
