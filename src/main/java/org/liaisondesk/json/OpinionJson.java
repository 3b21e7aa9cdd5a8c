package org.liaisondesk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;

/** An opinion as JSON, written field by field through a streaming generator so lists of any size stay small. */
public final class OpinionJson {

    private OpinionJson() {
    }

    /** Fields written after an opinion's own, inside its object (the handling fields of {@code list --json}). */
    @FunctionalInterface
    public interface Extra {
        void write(JsonGenerator g, Opinion o) throws IOException;
    }

    public static void write(JsonGenerator g, Opinion o) throws IOException {
        write(g, o, null);
    }

    public static void write(JsonGenerator g, Opinion o, Extra extra) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id().toString());
        g.writeStringField("number", o.number());
        g.writeStringField("station", o.station());
        g.writeStringField("receivedAt", o.receivedAt().toString());
        g.writeStringField("channel", o.channel().code());
        g.writeStringField("text", o.text());
        g.writeArrayFieldStart("areas");
        for (Integer area : o.areas()) {
            g.writeNumber(area);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tags");
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
        g.writeNumberField("revision", o.revision());
        g.writeStringField("createdAt", o.createdAt().toString());
        g.writeStringField("updatedAt", o.updatedAt().toString());
        g.writeBooleanField("generated", o.generated());
        if (extra != null) {
            extra.write(g, o);
        }
        g.writeEndObject();
    }
}
