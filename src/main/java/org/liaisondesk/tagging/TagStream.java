package org.liaisondesk.tagging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code tag} command's JSON Lines filter. Each input line {@code {"id": any JSON value, "text": "..."}}
 * gives one output line {@code {"id": same, "areas": [{"area": n, "score": x, "clause": "...",
 * "subtopic": "4.07"}, ...]}}, best first, {@code "areas": []} when no area fits. Blank lines are skipped.
 *
 * <p>Malformed input stops the run with a {@link TagStreamException} naming the line: a batch with a broken
 * line is more likely a wrong file than one bad record, and silently skipping would lose opinions.
 * Output is flushed whenever the input has nothing more buffered, so an interactive pipe gets each answer
 * at once while a file is written in large blocks.
 */
public final class TagStream {

    private TagStream() {
    }

    /**
     * @return the number of opinions tagged
     * @throws TagStreamException on a line that is not a JSON object with an "id" and a string "text"
     * @throws IOException        when reading or writing fails
     */
    public static long run(InputStream in, Writer out, Tagger tagger, ObjectMapper mapper) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        JsonGenerator gen = mapper.getFactory().createGenerator(out);
        gen.setRootValueSeparator(null);
        long lineNumber = 0;
        long tagged = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = parse(mapper, line, lineNumber);
            } catch (TagStreamException e) {
                gen.flush();
                throw e;
            }
            write(gen, record.get("id"), tagger.suggest(record.get("text").asText()));
            tagged++;
            if (!reader.ready()) {
                gen.flush();
            }
        }
        gen.flush();
        return tagged;
    }

    private static JsonNode parse(ObjectMapper mapper, String line, long lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            // Jackson's message ends with a source location a clerk cannot use; the line number says where.
            String why = e.getOriginalMessage().replaceAll("\\s*\\(?(start marker )?at \\[Source.*$", "");
            throw new TagStreamException(lineNumber, "not valid JSON: " + why, e);
        }
        if (node == null || !node.isObject()) {
            throw new TagStreamException(lineNumber, "expected an object {\"id\": ..., \"text\": \"...\"}", null);
        }
        if (!node.has("id") || node.get("id").isNull()) {
            throw new TagStreamException(lineNumber, "missing \"id\"", null);
        }
        if (!node.path("text").isTextual()) {
            throw new TagStreamException(lineNumber, "missing \"text\" or it is not a string", null);
        }
        return node;
    }

    /** The optional {@code "path"}: how the resident's words reached the clause (words → topic → clause → area). */
    private static void writePath(JsonGenerator gen, Suggestion.Path path) throws IOException {
        gen.writeObjectFieldStart("path");
        gen.writeStringField("kind", path.kind());
        gen.writeArrayFieldStart("words");
        for (String w : path.words()) {
            gen.writeString(w);
        }
        gen.writeEndArray();
        if (path.topic() != null) {
            gen.writeStringField("category", path.category());
            gen.writeStringField("topic", path.topic());
        }
        gen.writeEndObject();
    }

    private static void write(JsonGenerator gen, JsonNode id, Iterable<Suggestion> suggestions) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("id");
        // The id as given (string, number, ...); writeTree would flush after every value.
        gen.writeRawValue(id.toString());
        gen.writeArrayFieldStart("areas");
        for (Suggestion s : suggestions) {
            gen.writeStartObject();
            gen.writeNumberField("area", s.area());
            gen.writeNumberField("score", s.score());
            gen.writeStringField("clause", s.clause());
            gen.writeStringField("subtopic", s.subtopicId());
            if (s.path() != null) {
                writePath(gen, s.path());
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
    }
}
