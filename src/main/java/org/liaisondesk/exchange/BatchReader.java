package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.Station;

/**
 * Reads a batch file in one streaming pass, trusting nothing: size and first bytes before anything else, then the
 * header, each opinion and the trailer against the schema, the counts, and the checksum over the canonical form
 * ({@link Canonical}). Any problem is a {@link BatchRejectedException}; opinions are handed to the sink as they
 * come, so the caller must undo what it did with them when the read fails (the import's transaction does).
 */
public final class BatchReader {

    private final ObjectMapper json;
    private final JsonFactory factory;
    private final Canonical canonical;
    private final Locale locale;
    private volatile BatchSchema schema;

    public BatchReader(ObjectMapper json, Locale locale) {
        this.json = json;
        this.factory = BatchFormat.readerFactory(json);
        this.canonical = new Canonical(json);
        this.locale = locale;
    }

    /** Decides, once the header is known to be valid, whether to read the opinions. */
    @FunctionalInterface
    public interface HeaderCheck {
        boolean proceed(BatchHeader header);
    }

    /** Receives each opinion that passed every check, with the JSON the batch carried it as. */
    @FunctionalInterface
    public interface OpinionSink {
        void accept(Opinion opinion, JsonNode asCarried);
    }

    /**
     * @param complete false when the header check stopped the reading (nothing after the header was checked)
     * @param sha256   the verified checksum; null when not complete
     */
    public record Result(BatchHeader header, boolean complete, String sha256) {
    }

    /** Reads and verifies the whole file. */
    public Result read(Path file, HeaderCheck check, OpinionSink sink) {
        checkSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, check, sink);
        } catch (NoSuchFileException e) {
            throw new BatchRejectedException("batch.error.missing", e, file);
        } catch (IOException e) {
            throw new BatchRejectedException("batch.error.unreadable", e, e.getMessage());
        }
    }

    /**
     * Reads and verifies a batch from {@code plain}, the content of {@code file} once decrypted; the file's size is
     * checked as for a plain batch. The caller closes the stream.
     */
    public Result read(Path file, InputStream plain, HeaderCheck check, OpinionSink sink) {
        checkSize(file);
        return read(plain, check, sink);
    }

    private Result read(InputStream in, HeaderCheck check, OpinionSink sink) {
        Progress at = new Progress();
        try (JsonParser p = factory.createParser(in)) {
            return read(p, at, check, sink);
        } catch (IOException e) {
            throw translate(e, at);
        }
    }

    private static void checkSize(Path file) {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BatchRejectedException("batch.error.missing", file);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new BatchRejectedException("batch.error.unreadable", e, e.getMessage());
        }
        if (size == 0) {
            throw new BatchRejectedException("batch.error.empty");
        }
        if (size > BatchFormat.MAX_FILE_BYTES) {
            throw new BatchRejectedException("batch.error.tooLarge", size >> 20, BatchFormat.MAX_FILE_BYTES >> 20);
        }
    }

    private Result read(JsonParser p, Progress at, HeaderCheck check, OpinionSink sink) throws IOException {
        MessageDigest digest = Canonical.sha256();
        expect(p, JsonToken.START_OBJECT, "batch.error.notABatch");
        field(p, "format", "batch.error.notABatch");
        if (next(p) != JsonToken.VALUE_STRING || !BatchFormat.FORMAT.equals(p.getText())) {
            throw new BatchRejectedException("batch.error.notABatch");
        }
        at.recognised = true;
        field(p, "formatVersion", "batch.error.badVersion", "?");
        if (next(p) != JsonToken.VALUE_NUMBER_INT) {
            throw new BatchRejectedException("batch.error.badVersion", p.getText());
        }
        long version = p.getLongValue();
        if (version > BatchFormat.VERSION) {
            throw new BatchRejectedException("batch.error.newerVersion", version, BatchFormat.VERSION);
        }
        if (version != BatchFormat.VERSION) {
            throw new BatchRejectedException("batch.error.badVersion", version);
        }

        field(p, "header", "batch.error.layout", "header");
        JsonNode headerNode = object(p, "header");
        String code = headerNode.path("station").asText("");
        if (!Station.isValidCode(code)) {
            throw new BatchRejectedException("batch.error.stationCode", code);
        }
        schema().checkHeader(headerNode).ifPresent(problem -> {
            throw new BatchRejectedException("batch.error.header", problem);
        });
        BatchHeader header;
        try {
            header = BatchHeader.fromJson(headerNode);
        } catch (DateTimeParseException e) {
            throw new BatchRejectedException("batch.error.header", e.getMessage());
        }
        canonical.update(digest, headerNode);
        if (!check.proceed(header)) {
            return new Result(header, false, null);
        }

        field(p, "opinions", "batch.error.layout", "opinions");
        expect(p, JsonToken.START_ARRAY, "batch.error.layout", "opinions");
        Map<String, Long> byArea = new LinkedHashMap<>();
        long count = 0;
        while (next(p) != JsonToken.END_ARRAY) {
            at.opinion = count + 1;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BatchRejectedException("batch.error.opinion", at.opinion, "?", p.getText());
            }
            JsonNode node = json.readTree(p);
            canonical.update(digest, node);
            Opinion o = opinion(node, header, at.opinion);
            byArea.merge(o.primaryTag().map(t -> Integer.toString(t.area())).orElse("none"), 1L, Long::sum);
            sink.accept(o, node);
            count++;
        }
        at.opinion = 0;

        field(p, "trailer", "batch.error.layout", "trailer");
        JsonNode trailer = object(p, "trailer");
        schema().checkTrailer(trailer).ifPresent(problem -> {
            throw new BatchRejectedException("batch.error.trailer", problem);
        });
        if (next(p) != JsonToken.END_OBJECT) {
            throw new BatchRejectedException("batch.error.layout", p.currentName());
        }
        if (p.nextToken() != null) {
            throw new BatchRejectedException("batch.error.trailingData");
        }
        long trailerCount = trailer.get("count").asLong();
        if (count != trailerCount || count != header.count()) {
            throw new BatchRejectedException("batch.error.count", header.count(), count);
        }
        for (Map.Entry<String, Long> e : header.byArea().entrySet()) {
            if (e.getValue() != byArea.getOrDefault(e.getKey(), 0L).longValue()) {
                throw new BatchRejectedException("batch.error.count", header.count(), count);
            }
        }
        String sha = Canonical.hex(digest.digest());
        if (!sha.equals(trailer.get("sha256").asText())) {
            throw new BatchRejectedException("batch.error.checksum");
        }
        return new Result(header, true, sha);
    }

    private Opinion opinion(JsonNode node, BatchHeader header, long index) {
        String label = node.path("number").asText(node.path("id").asText("?"));
        if (!OpinionShape.plainlyValid(node)) {
            schema().checkOpinion(node).ifPresent(problem -> {
                throw new BatchRejectedException("batch.error.opinion", index, label, problem);
            });
        }
        Opinion o;
        try {
            o = BatchOpinionJson.fromJson(node);
        } catch (DateTimeParseException e) {
            throw new BatchRejectedException("batch.error.opinion", index, label, e.getMessage());
        }
        if (!o.station().equals(header.station())) {
            throw new BatchRejectedException("batch.error.foreignOpinion", index, label, o.station(),
                    header.station());
        }
        if (!areasConsistent(o.tags())) {
            throw new BatchRejectedException("batch.error.areas", index, label);
        }
        return o;
    }

    /** Each area once; when there are any, exactly one primary and it comes first; sub-topics of their own area. */
    private static boolean areasConsistent(List<AreaTag> tags) {
        Set<Integer> seen = new HashSet<>();
        int primaries = 0;
        for (AreaTag t : tags) {
            if (!seen.add(t.area())) {
                return false;
            }
            if (t.primary()) {
                primaries++;
            }
            if (t.subtopicId() != null && !t.subtopicId().startsWith(t.area() + ".")) {
                return false;
            }
        }
        return tags.isEmpty() || (primaries == 1 && tags.get(0).primary());
    }

    private JsonNode object(JsonParser p, String name) throws IOException {
        expect(p, JsonToken.START_OBJECT, "batch.error.layout", name);
        return json.readTree(p);
    }

    private static void field(JsonParser p, String name, String key, Object... args) throws IOException {
        if (next(p) != JsonToken.FIELD_NAME || !name.equals(p.currentName())) {
            throw new BatchRejectedException(key, args.length == 0 ? new Object[] {name} : args);
        }
    }

    private static void expect(JsonParser p, JsonToken token, String key, Object... args) throws IOException {
        if (next(p) != token) {
            throw new BatchRejectedException(key, args);
        }
    }

    /** The next token; the end of the file where more must follow means the file was cut short. */
    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "end of file");
        }
        return t;
    }

    private BatchSchema schema() {
        BatchSchema s = schema;
        if (s == null) {
            synchronized (this) {
                if (schema == null) {
                    schema = new BatchSchema(locale);
                }
                s = schema;
            }
        }
        return s;
    }

    /** Where the reading got to, for messages. */
    private static final class Progress {
        boolean recognised;
        long opinion;
    }

    private static BatchRejectedException translate(IOException e, Progress at) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException sce) {
                String m = String.valueOf(sce.getMessage());
                if (m.contains("nesting depth")) {
                    return new BatchRejectedException("batch.error.tooDeep", e, BatchFormat.MAX_NESTING);
                }
                if (m.contains("String value length")) {
                    return new BatchRejectedException("batch.error.stringTooLong", e, at.opinion,
                            BatchFormat.MAX_TEXT);
                }
                return at.recognised ? damaged(e, sce) : new BatchRejectedException("batch.error.notABatch", e);
            }
            if (t instanceof JsonEOFException || String.valueOf(t.getMessage()).contains("end-of-input")) {
                return at.recognised ? new BatchRejectedException("batch.error.truncated", e)
                        : new BatchRejectedException("batch.error.notABatch", e);
            }
        }
        if (e instanceof JsonProcessingException jpe) {
            return at.recognised ? damaged(e, jpe) : new BatchRejectedException("batch.error.notABatch", e);
        }
        return new BatchRejectedException("batch.error.unreadable", e, e.getMessage());
    }

    private static BatchRejectedException damaged(IOException e, JsonProcessingException where) {
        JsonLocation l = Optional.ofNullable(where.getLocation()).orElse(JsonLocation.NA);
        return new BatchRejectedException("batch.error.damaged", e, l.getLineNr(), l.getColumnNr());
    }
}
