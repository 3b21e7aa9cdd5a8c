package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liaisondesk.json.ReviewJson;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.ReviewRecord;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;

/**
 * One opinion as a batch carries it (format version 1). Kept apart from the opinion list's JSON on purpose: this is
 * a versioned exchange format, and a field added to the list must not silently change batches.
 */
final class BatchOpinionJson {

    private BatchOpinionJson() {
    }

    /**
     * The status the opinion has once this batch is recorded as sent: recorded and reviewed opinions become
     * exported. The station sets the same status without a new revision, so both sides agree on each revision.
     */
    static Status statusForBatch(Status status) {
        return status.compareTo(Status.EXPORTED) < 0 ? Status.EXPORTED : status;
    }

    /**
     * The opinion as it will be once sent (see {@link #statusForBatch}), carrying {@code who}: the resident's details
     * as the export's privacy allows (the exporting station), or as held (the general station comparing).
     */
    static Opinion asSent(Opinion o, Constituent who) {
        List<AreaTag> tags = new ArrayList<>(o.tags());
        tags.sort(Comparator.comparing((AreaTag t) -> !t.primary()));
        return new Opinion(o.id(), o.number(), o.station(), o.receivedAt(), o.channel(),
                who, o.receivedBy(), o.text(), tags, statusForBatch(o.status()),
                o.createdAt(), o.updatedAt(), o.revision(), o.deleted());
    }

    /**
     * Writes {@code o} (already {@link #asSent}) as one JSON object, fields in the order of the format; with the
     * canonical generator settings ({@link Canonical#generator}) the bytes are the canonical form. Deliberately not
     * shared with {@code json.OpinionJson} (the list's JSON), though the tags and the resident look alike there: a
     * field added to the list must not change the versioned batch format or its checksum.
     */
    static void write(JsonGenerator g, Opinion o, ReviewRecord review) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id().toString());
        g.writeStringField("number", o.number());
        g.writeStringField("station", o.station());
        g.writeNumberField("revision", o.revision());
        g.writeStringField("receivedAt", o.receivedAt().toString());
        g.writeStringField("channel", o.channel().code());
        g.writeStringField("text", o.text());
        g.writeArrayFieldStart("areas");
        for (AreaTag t : o.tags()) {
            g.writeStartObject();
            g.writeNumberField("area", t.area());
            g.writeBooleanField("primary", t.primary());
            g.writeStringField("subtopic", t.subtopicId());
            g.writeStringField("clause", t.clause());
            g.writeNumberField("score", t.score());
            g.writeStringField("source", t.source().code());
            g.writeStringField("setBy", t.setBy());
            g.writeStringField("taxonomyVersion", t.taxonomyVersion());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("status", o.status().code());
        Constituent who = o.constituent();
        g.writeObjectFieldStart("constituent");
        g.writeStringField("name", who.name());
        g.writeStringField("phone", who.phone());
        g.writeStringField("address", who.address());
        g.writeBooleanField("consentToContact", who.consentToContact());
        g.writeEndObject();
        g.writeStringField("receivedBy", o.receivedBy());
        g.writeStringField("createdAt", o.createdAt().toString());
        g.writeStringField("updatedAt", o.updatedAt().toString());
        g.writeBooleanField("deleted", o.deleted());
        writeReview(g, review);
        g.writeEndObject();
    }

    /**
     * The review and history last, as {@link #putReview} adds them to a parsed opinion, so the streamed bytes and
     * the re-serialised tree the importer hashes are the same.
     */
    private static void writeReview(JsonGenerator g, ReviewRecord review) throws IOException {
        if (review == null) {
            return;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        putReview(fields, review);
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) fields::fields) {
            g.writeFieldName(field.getKey());
            g.writeTree(field.getValue());
        }
    }

    /**
     * Adds the opinion's review and history (optional fields of format version 1, absent when it has neither), in
     * the form {@link ReviewJson} writes.
     */
    static void putReview(ObjectNode n, ReviewRecord r) {
        if (r != null) {
            ReviewJson.put(n, r);
        }
    }

    /** The review and history an opinion the schema accepted carries, if any. */
    static Optional<ReviewRecord> reviewFromJson(JsonNode n, UUID id) {
        JsonNode o = n.get("review");
        if (o == null) {
            return Optional.empty();
        }
        String handling = text(o, "handling");
        String at = text(o, "reviewedAt");
        Review review = new Review(id, text(o, "note"), Priority.fromCode(o.get("priority").asText()).orElseThrow(),
                handling == null ? null : Handling.fromCode(handling).orElseThrow(), text(o, "reason"),
                text(o, "reply"), text(o, "reviewedBy"), at == null ? null : Instant.parse(at));
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode e : n.path("history")) {
            history.add(new HistoryEntry(Instant.parse(e.get("at").asText()), e.get("actor").asText(),
                    e.get("action").asText(), e.get("revision").asInt(), text(e, "before"), text(e, "after")));
        }
        return Optional.of(new ReviewRecord(review, history));
    }

    /** From an opinion the schema has already accepted; dates that do not exist throw DateTimeParseException. */
    static Opinion fromJson(JsonNode n) {
        List<AreaTag> tags = new ArrayList<>();
        for (JsonNode a : n.get("areas")) {
            tags.add(new AreaTag(a.get("area").asInt(), text(a, "subtopic"), text(a, "clause"),
                    a.get("primary").asBoolean(), a.get("score").asDouble(),
                    TagSource.fromCode(a.get("source").asText()).orElseThrow(), text(a, "setBy"),
                    text(a, "taxonomyVersion")));
        }
        JsonNode c = n.get("constituent");
        Constituent who = new Constituent(text(c, "name"), text(c, "phone"), text(c, "address"),
                c.get("consentToContact").asBoolean());
        return new Opinion(UUID.fromString(n.get("id").asText()), n.get("number").asText(), n.get("station").asText(),
                LocalDateTime.parse(n.get("receivedAt").asText()),
                Channel.fromCode(n.get("channel").asText()).orElseThrow(), who, text(n, "receivedBy"),
                n.get("text").asText(), tags, Status.fromCode(n.get("status").asText()).orElseThrow(),
                Instant.parse(n.get("createdAt").asText()), Instant.parse(n.get("updatedAt").asText()),
                n.get("revision").asInt(), n.get("deleted").asBoolean());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
