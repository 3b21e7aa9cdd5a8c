package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
 * come, so the caller must undo what it did with them when the read fails (the import's transaction does). The
 * opinions are parsed on a thread of their own ({@link ReadAhead}); the sink runs on the caller's.
 */
public final class BatchReader {

    private final ObjectMapper json;
    private final JsonFactory factory;
    private final Canonical canonical;
    private final Locale locale;
    private final Clock clock;
    /** A station's clock may be wrong, but not by this much. */
    private static final Duration FAR_FUTURE = Duration.ofDays(366);
    private volatile BatchSchema schema;

    public BatchReader(ObjectMapper json, Locale locale) {
        this(json, locale, Clock.systemUTC());
    }

    /** @param clock the reading side's clock: a batch may not claim to be written more than a year ahead of it */
    public BatchReader(ObjectMapper json, Locale locale, Clock clock) {
        this.clock = clock;
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
        long size = checkSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, size, check, sink);
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
        return read(plain, checkSize(file), check, sink);
    }

    private Result read(InputStream raw, long size, HeaderCheck check, OpinionSink sink) {
        Progress at = new Progress();
        at.fileBytes = size;
        try (InputStream in = utf8WithoutMark(raw); JsonParser p = factory.createParser(in)) {
            return read(p, at, check, sink);
        } catch (IOException e) {
            throw translate(e, at);
        }
    }

    /**
     * The format is UTF-8 without a byte-order mark; left to itself the parser would also read UTF-16 and UTF-32 and
     * skip a mark. A JSON document starts with an ASCII character, so a zero among the first two bytes means UTF-16
     * or UTF-32.
     */
    private static InputStream utf8WithoutMark(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] first = Arrays.copyOf(in.readNBytes(4), 4);
        in.reset();
        int b0 = first[0] & 0xFF;
        int b1 = first[1] & 0xFF;
        if (b0 == 0xEF && b1 == 0xBB && (first[2] & 0xFF) == 0xBF) {
            throw new BatchRejectedException("batch.error.byteOrderMark");
        }
        boolean brace = first[0] == '{' || first[1] == '{' || first[2] == '{' || first[3] == '{';
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || ((b0 == 0 || b1 == 0) && brace)) {
            throw new BatchRejectedException("batch.error.notUtf8");
        }
        return in;
    }

    private static long checkSize(Path file) {
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
        return size;
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
        if (header.createdAt().isAfter(clock.instant().plus(FAR_FUTURE))) {
            throw new BatchRejectedException("batch.error.createdInFuture", header.createdAt());
        }
        if (header.count() > at.fileBytes / BatchFormat.MIN_OPINION_BYTES) {
            throw new BatchRejectedException("batch.error.countTooLarge", header.count(), at.fileBytes);
        }
        forbiddenCharacters(headerNode, 0, header.station());
        canonical.update(digest, headerNode);
        if (!check.proceed(header)) {
            return new Result(header, false, null);
        }

        field(p, "opinions", "batch.error.layout", "opinions");
        expect(p, JsonToken.START_ARRAY, "batch.error.layout", "opinions");
        return ReadAhead.<Parsed, Result>run(ahead -> opinionsAndTrailer(p, at, header, digest,
                (o, node) -> ahead.accept(new Parsed(o, node))), parsed -> sink.accept(parsed.opinion(),
                parsed.asCarried()));
    }

    /** An opinion that passed every check, and the JSON the batch carried it as. */
    private record Parsed(Opinion opinion, JsonNode asCarried) {
    }

    /** The opinions, each checked and handed to {@code sink}, then the trailer, the counts and the checksum. */
    private Result opinionsAndTrailer(JsonParser p, Progress at, BatchHeader header, MessageDigest digest,
                                      OpinionSink sink) throws IOException {
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
            // the schema words a bad text as its regular expression: say what is wrong instead
            JsonNode text = node.path("text");
            if (text.isTextual() && !BatchFormat.acceptableText(text.textValue())) {
                forbiddenCharacters(text, index, label);
                throw new BatchRejectedException("batch.error.blankText", index, label);
            }
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
        if (!o.number().startsWith(o.station() + "-")) {
            throw new BatchRejectedException("batch.error.foreignNumber", index, label, o.station());
        }
        forbiddenCharacters(node, index, label);
        // received no later than it was last saved (a day's slack for time zones), saved no later than a year ahead
        Instant latest = clock.instant().plus(FAR_FUTURE);
        if (o.receivedAt().isAfter(LocalDateTime.ofInstant(o.updatedAt(), ZoneOffset.UTC).plusDays(1))
                || o.createdAt().isAfter(latest) || o.updatedAt().isAfter(latest)) {
            throw new BatchRejectedException("batch.error.future", index, label, o.receivedAt(), o.updatedAt());
        }
        return o;
    }

    /**
     * No text anywhere in {@code node} (names, addresses, notes as well as the text) holds a control character other
     * than line feed and tab, or an invisible direction mark (U+202E can make a text read as something else).
     */
    private static void forbiddenCharacters(JsonNode node, long index, String label) {
        if (node.isTextual()) {
            int at = BatchFormat.firstForbidden(node.textValue());
            if (at >= 0) {
                throw new BatchRejectedException("batch.error.controlCharacter", index, label,
                        String.format("U+%04X", (int) node.textValue().charAt(at)), at + 1);
            }
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                forbiddenCharacters(child, index, label);
            }
        }
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
        long fileBytes;
    }

    private static BatchRejectedException translate(IOException e, Progress at) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException jpe && String.valueOf(jpe.getOriginalMessage())
                    .startsWith("Duplicate field")) {
                String m = jpe.getOriginalMessage();
                int q = m.indexOf('\'');
                String name = q >= 0 && m.lastIndexOf('\'') > q ? m.substring(q + 1, m.lastIndexOf('\'')) : "?";
                return new BatchRejectedException("batch.error.duplicateKey", e, name, Math.max(at.opinion, 0));
            }
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
        if (l.getLineNr() < 1 || l.getColumnNr() < 1) {
            return new BatchRejectedException("batch.error.damagedSomewhere", e);
        }
        return new BatchRejectedException("batch.error.damaged", e, l.getLineNr(), l.getColumnNr());
    }
}
