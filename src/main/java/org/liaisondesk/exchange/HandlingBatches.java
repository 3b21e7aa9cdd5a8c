package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.liaisondesk.crypto.BatchCrypto;
import org.liaisondesk.crypto.CryptoException;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HandlingUnit;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.store.HandlingRepository;
import org.liaisondesk.store.HandlingRepository.BatchRow;
import org.liaisondesk.store.HandlingRepository.CaseChange;
import org.liaisondesk.store.HandlingRepository.Event;
import org.liaisondesk.store.HandlingRepository.Outgoing;
import org.liaisondesk.store.HandlingRepository.Reference;

/**
 * Handling batches, both ways (docs/batch-format.md, "Return batches"): at the general station one RETURN batch
 * ("down") per station with something to receive — the handling of that station's opinions, new handling events,
 * and the unit registry, loaded calendar years and reply templates; at a station one batch ("up") with its own
 * handling changes (回访 results, 重办). Each is one JSON document {"body": ..., "sha256": ...}, validated against
 * {@code handling-batch-schema.json}, numbered per direction and station (a gap is refused), written safely (temporary
 * name, forced, renamed) and read back before it counts as sent; an upward one is encrypted for the general station
 * and signed when the station has its key. Importing is all-or-nothing; the same batch again is a no-op.
 */
public final class HandlingBatches {

    public static final String FORMAT = "liaison-desk-handling-batch";
    public static final String SUFFIX = ".ldloop.json";
    public static final String ENCRYPTED_SUFFIX = ".ldloop.enc";
    public static final String SCHEMA_RESOURCE = "handling-batch-schema.json";
    private static final String SCHEMA_ID = "https://liaisondesk.org/schema/ldloop-1.json";
    private static final long MAX_BYTES = 512L << 20;

    private final HandlingRepository repository;
    private final Supplier<Optional<Station>> station;
    private final ObjectMapper json;
    private final Canonical canonical;
    private final BatchWriter writer;
    private final BatchKeys keys;
    private final Path workFolder;
    private final Clock clock;
    private final Locale locale;
    private Schema schema;

    public HandlingBatches(HandlingRepository repository, Supplier<Optional<Station>> station, ObjectMapper json,
                           BatchKeys keys, Path workFolder, Clock clock, Locale locale) {
        this.repository = repository;
        this.station = station;
        this.json = json;
        this.canonical = new Canonical(json);
        this.writer = new BatchWriter(json);
        this.keys = keys;
        this.workFolder = workFolder;
        this.clock = clock;
        this.locale = locale;
    }

    /** A handling batch written to the medium. */
    public record Written(Path file, String direction, String station, int sequence, int cases, boolean encrypted) {
    }

    /** What importing one file did. */
    public enum Outcome { IMPORTED, ALREADY_IMPORTED, DRY_RUN, REJECTED }

    public record Read(Path file, Outcome outcome, String direction, String station, int sequence,
                       HandlingRepository.Applied applied, UserFacingException rejection) {

        /** Cases the batch created here (0 when it was not applied). */
        public int casesCreated() {
            return applied == null ? 0 : applied.casesCreated();
        }

        public int casesUpdated() {
            return applied == null ? 0 : applied.casesUpdated();
        }

        /** Fields both sides changed, kept for a person to decide. */
        public int conflicts() {
            return applied == null ? 0 : applied.conflicts();
        }
    }

    public static boolean isHandlingBatchName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(SUFFIX) || lower.endsWith(ENCRYPTED_SUFFIX);
    }

    /**
     * The handling batch files in a folder (sorted) that travel towards this end (at the general station the upward
     * ones, at a station those down to it), or the path itself when it is one.
     */
    public static List<Path> filesIn(Path path, Station here) {
        if (!Files.isDirectory(path)) {
            return isHandlingBatchName(path.getFileName().toString()) ? List.of(path) : List.of();
        }
        String towards = here.mode() == StationMode.GENERAL ? "-up-" : "-down-" + here.code() + "-";
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(f -> isHandlingBatchName(f.getFileName().toString()))
                    .filter(f -> f.getFileName().toString().contains(towards)).sorted().toList();
        } catch (IOException e) {
            throw new UserFacingException("import.error.folder", e, path, e.getMessage());
        }
    }

    // ---- writing

    /**
     * Writes what is waiting: at the general station a return batch per station with something to receive, at a
     * station one upward batch. Empty when there is nothing to send.
     */
    public List<Written> export(Path dir, String actor) {
        Station own = station.get().orElseThrow(() -> new UserFacingException("export.error.notSetUp"));
        List<Written> out = new ArrayList<>();
        if (own.mode() == StationMode.GENERAL) {
            Reference reference = repository.reference();
            ObjectNode refJson = referenceJson(reference);
            String digest = sha256(canonical.bytes(refJson));
            boolean anyReference = !reference.units().isEmpty() || !reference.years().isEmpty()
                    || !reference.templates().isEmpty();
            for (String s : repository.stations(own.code())) {
                Outgoing pending = repository.pending(s);
                boolean newReference = anyReference && !digest.equals(repository.lastReference(s).orElse(null));
                if (pending.isEmpty() && !newReference) {
                    continue;
                }
                out.add(write(dir, "down", own.code(), s, pending, refJson, digest,
                        keys.encryptsReturnBatchesFor(s), actor));
            }
        } else {
            Outgoing pending = repository.pending(null);
            if (!pending.isEmpty()) {
                out.add(write(dir, "up", own.code(), own.code(), pending, null, null, keys.encryptsBatches(), actor));
            }
        }
        return out;
    }

    private Written write(Path dir, String direction, String from, String st, Outgoing pending, ObjectNode reference,
                          String digest, boolean encrypt, String actor) {
        int sequence = repository.lastSequence(direction, "written", st) + 1;
        int ack = repository.lastSequence("down".equals(direction) ? "up" : "down", "read", st);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("format", FORMAT);
        body.put("formatVersion", 1);
        ObjectNode h = body.putObject("header");
        h.put("batchId", id.toString());
        h.put("direction", direction);
        h.put("from", from);
        h.put("station", st);
        h.put("sequence", sequence);
        h.put("ack", ack);
        h.put("createdAt", now.toString());
        h.put("cases", pending.cases().size());
        h.put("events", pending.events().size());
        if (digest != null) {
            h.put("reference", digest);
        }
        ArrayNode cases = body.putArray("cases");
        for (CaseChange k : pending.cases()) {
            ObjectNode c = cases.addObject();
            c.put("opinionId", k.opinionId().toString());
            c.put("station", k.station());
            ObjectNode f = c.putObject("fields");
            k.fields().forEach(f::put);
            k.changed().forEach(c.putArray("changed")::add);
        }
        ArrayNode events = body.putArray("events");
        for (Event e : pending.events()) {
            ObjectNode o = events.addObject();
            o.put("eventId", e.eventId().toString());
            o.put("opinionId", e.opinionId().toString());
            o.put("at", e.at().toString());
            o.put("actor", e.actor());
            o.put("action", e.action());
            o.put("before", e.before());
            o.put("after", e.after());
        }
        if (reference != null) {
            reference.properties().forEach(p -> body.set(p.getKey(), p.getValue()));
        }
        ObjectNode doc = json.createObjectNode();
        doc.set("body", body);
        String sha = sha256(canonical.bytes(body));
        doc.put("sha256", sha);
        byte[] bytes = canonical.bytes(doc);
        String name = from + "-" + direction + "-" + st + "-" + String.format("%05d", sequence) + "-"
                + LocalDate.ofInstant(now, clock.getZone()) + (encrypt ? ENCRYPTED_SUFFIX : SUFFIX);
        Path file = dir.resolve(name);
        requireFolder(dir);
        Path plain = encrypt ? workFile(name) : file;
        try {
            writer.writeBytes(plain, bytes);
            if (encrypt) {
                if ("down".equals(direction)) {
                    writer.seal(plain, file, o -> keys.encryptForStation(o, st, actor), () -> { });
                    keys.verifyWrittenForStation(file, st, actor);
                } else {
                    writer.seal(plain, file, o -> keys.encryptForGeneral(o, actor), () -> { });
                    keys.verifyWritten(file, actor);
                }
            } else if (!java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                throw new UserFacingException("export.error.verify", file, "read back differs");
            }
        } catch (IOException e) {
            BatchWriter.deleteQuietly(file);
            throw new UserFacingException("export.error.write", e, dir, e.getMessage());
        } catch (RuntimeException e) {
            BatchWriter.deleteQuietly(file);
            throw e;
        } finally {
            if (encrypt) {
                BatchWriter.deleteQuietly(plain);
            }
        }
        repository.recordWritten(new BatchRow(id, direction, "written", st, sequence, sha, name,
                pending.cases().size(), digest, clock.instant()), pending, actor);
        return new Written(file, direction, st, sequence, pending.cases().size(), encrypt);
    }

    private ObjectNode referenceJson(Reference r) {
        ObjectNode o = json.createObjectNode();
        ArrayNode units = o.putArray("units");
        for (HandlingUnit u : r.units()) {
            ObjectNode n = units.addObject();
            n.put("code", u.code());
            n.put("name", u.name());
            n.put("kind", u.kind().code());
            n.put("contact", u.contact());
            n.put("active", u.active());
        }
        o.set("calendar", CalendarJson.toJson(json, r.years()));
        ObjectNode t = o.putObject("templates");
        r.templates().forEach(t::put);
        return o;
    }

    // ---- reading

    /**
     * Imports (or, in a dry run, only reports) one handling batch file; never throws for a bad file, only when the
     * keys must be unlocked first to open an encrypted one ({@code keys.error.locked}).
     */
    public Read importFile(Path file, boolean dryRun, String actor) {
        try {
            return read(file, dryRun, actor);
        } catch (UserFacingException e) {
            if ("keys.error.locked".equals(e.messageKey())) {
                throw e; // not the file's fault: the caller asks for the passphrase and tries again
            }
            return new Read(file, Outcome.REJECTED, null, null, 0, null, e);
        }
    }

    private Read read(Path file, boolean dryRun, String actor) {
        Station own = station.get().orElseThrow(() -> new UserFacingException("export.error.notSetUp"));
        boolean general = own.mode() == StationMode.GENERAL;
        byte[] bytes;
        String signer = null;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserFacingException("loop.batch.error.tooLarge", file);
            }
            if (BatchCrypto.isEncrypted(file)) {
                try (BatchCrypto.Decrypted in = general ? keys.openVerified(file) : keys.openReturnBatch(file)) {
                    bytes = in.readAllBytes();
                    signer = in.origin().station();
                }
            } else {
                if (!general && keys.generalSigningKeyRegistered()) {
                    throw new UserFacingException("loop.batch.error.unsigned", file);
                }
                bytes = Files.readAllBytes(file);
            }
        } catch (CryptoException e) {
            throw new UserFacingException("loop.batch.error.crypto", e, file, e.getMessage());
        } catch (IOException e) {
            throw new UserFacingException("loop.batch.error.unreadable", e, file, e.getMessage());
        }
        JsonNode doc;
        try {
            doc = json.readTree(bytes);
        } catch (IOException e) {
            throw new UserFacingException("loop.batch.error.unreadable", e, file, e.getMessage());
        }
        Optional<String> problem = validate(doc);
        if (problem.isPresent()) {
            throw new UserFacingException("loop.batch.error.schema", file, problem.get());
        }
        JsonNode body = doc.get("body");
        String sha = sha256(canonical.bytes(body));
        if (!sha.equals(doc.get("sha256").asText())) {
            throw new UserFacingException("loop.batch.error.checksum", file);
        }
        JsonNode h = body.get("header");
        String direction = h.get("direction").asText();
        String st = h.get("station").asText();
        int sequence = h.get("sequence").asInt();
        UUID id = UUID.fromString(h.get("batchId").asText());
        if (general != "up".equals(direction) || (!general && !st.equals(own.code()))
                || (general && st.equals(own.code()))) {
            throw new UserFacingException("loop.batch.error.notForHere", file, st, own.code());
        }
        String sender = general ? st : h.get("from").asText();
        if (signer != null && !signer.equals(sender)) {
            throw new UserFacingException("loop.batch.error.signer", file, signer, sender);
        }
        if (signer == null && general && keys.stationKeyRegistered(st)) {
            throw new UserFacingException("loop.batch.error.unsignedUp", file, st);
        }
        Optional<BatchRow> held = repository.batch(id);
        if (held.isPresent()) {
            if (held.get().sha256().equals(sha)) {
                return new Read(file, Outcome.ALREADY_IMPORTED, direction, st, sequence, null, null);
            }
            throw new UserFacingException("loop.batch.error.sameIdOtherContent", file, sequence);
        }
        int last = repository.lastSequence(direction, "read", st);
        if (sequence <= last) {
            throw new UserFacingException("loop.batch.error.sequenceUsed", file, sequence, st);
        }
        if (sequence > last + 1) {
            throw new UserFacingException("loop.batch.error.gap", file, sequence, last + 1, st);
        }
        List<CaseChange> cases = new ArrayList<>();
        for (JsonNode c : body.get("cases")) {
            Map<String, String> fields = new LinkedHashMap<>();
            c.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().asText()));
            List<String> changed = new ArrayList<>();
            c.get("changed").forEach(n -> changed.add(n.asText()));
            if (!c.get("station").asText().equals(st)) {
                throw new UserFacingException("loop.batch.error.notForHere", file, c.get("station").asText(), st);
            }
            cases.add(new CaseChange(UUID.fromString(c.get("opinionId").asText()), st, fields, changed));
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode e : body.get("events")) {
            events.add(new Event(UUID.fromString(e.get("eventId").asText()),
                    UUID.fromString(e.get("opinionId").asText()), Instant.parse(e.get("at").asText()),
                    e.get("actor").asText(), e.get("action").asText(), text(e.get("before")), text(e.get("after"))));
        }
        Reference reference = general ? new Reference(List.of(), List.of(), Map.of()) : reference(body);
        try {
            HandlingRepository.Applied applied = repository.importBatch(new BatchRow(id, direction, "read", st,
                    sequence, sha, file.getFileName().toString(), cases.size(),
                    h.has("reference") ? h.get("reference").asText() : null, clock.instant()),
                    h.get("ack").asInt(), cases, events, reference, dryRun, actor);
            return new Read(file, dryRun ? Outcome.DRY_RUN : Outcome.IMPORTED, direction, st, sequence, applied,
                    null);
        } catch (HandlingRepository.MissingOpinion e) {
            throw new UserFacingException("loop.batch.error.unknownOpinion", file, e.opinionId());
        }
    }

    private static Reference reference(JsonNode body) {
        List<HandlingUnit> units = new ArrayList<>();
        for (JsonNode u : body.path("units")) {
            units.add(new HandlingUnit(u.get("code").asText(), u.get("name").asText(),
                    HandlingUnit.Kind.fromCode(u.get("kind").asText()).orElse(HandlingUnit.Kind.OTHER),
                    text(u.get("contact")), u.get("active").asBoolean()));
        }
        List<WorkCalendar.Year> years = body.has("calendar") ? CalendarJson.parse(body.get("calendar")) : List.of();
        Map<String, String> templates = new LinkedHashMap<>();
        body.path("templates").properties().forEach(e -> templates.put(e.getKey(), e.getValue().asText()));
        return new Reference(units, years, templates);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private Optional<String> validate(JsonNode doc) {
        if (schema == null) {
            String text;
            try (InputStream in = HandlingBatches.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(Map.of(SCHEMA_ID, text))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(locale).build()));
            schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID));
        }
        List<com.networknt.schema.Error> errors = schema.validate(doc);
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).toString());
    }

    private static String sha256(byte[] bytes) {
        MessageDigest d = Canonical.sha256();
        return Canonical.hex(d.digest(bytes));
    }

    private Path workFile(String name) {
        try {
            Files.createDirectories(workFolder);
            return workFolder.resolve(name);
        } catch (IOException e) {
            throw new UserFacingException("export.error.workFolder", e, workFolder, e.getMessage());
        }
    }

    private static void requireFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("export.error.noFolder", dir);
        }
    }
}
