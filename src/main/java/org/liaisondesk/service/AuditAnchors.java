package org.liaisondesk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AuditAnchor;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.AuditRepository;

/**
 * Anchors of a station's audit chain, kept outside the station: every upward batch carries the head of the station's
 * chain and the general station records it. The general station writes those heads to a file
 * ({@code audit-anchors}); the station's {@code check --anchors FILE} proves its log still has them, which a chain
 * rewritten as a whole with the sqlite3 shell (triggers dropped, every hash recomputed) cannot.
 */
public final class AuditAnchors {

    static final String FORMAT = "liaison-desk-audit-anchors";

    /** What a check against an anchor file found: how many anchors it held, and where the chain departs from them. */
    public record Verdict(int anchors, List<HealthIssue> issues) {
    }

    private final AuditRepository audit;
    private final StationService stations;
    private final ObjectMapper json;

    public AuditAnchors(AuditRepository audit, StationService stations, ObjectMapper json) {
        this.audit = audit;
        this.stations = stations;
        this.json = json;
    }

    /** At the general station: writes the heads {@code station}'s batches carried to {@code out}; returns how many. */
    public int write(String station, Path out, String actor) {
        Station here = stations.current().orElseThrow(() -> new UserFacingException("import.error.notSetUp"));
        if (here.mode() != StationMode.GENERAL) {
            throw new UserFacingException("anchors.error.notGeneral", here.code());
        }
        List<AuditAnchor> anchors = audit.anchorsOf(station);
        if (anchors.isEmpty()) {
            throw new UserFacingException("anchors.error.none", station);
        }
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT).put("version", 1).put("station", station).put("writtenBy", here.code());
        ArrayNode list = root.putArray("anchors");
        for (AuditAnchor a : anchors) {
            list.addObject().put("sequence", a.sequence()).put("batchId", a.batchId()).put("entry", a.entry())
                    .put("hash", a.hash()).put("importedAt", a.importedAt()).put("signedBy", a.signedBy());
        }
        AtomicFile.write(out, stream -> {
            json.writerWithDefaultPrettyPrinter().writeValue(stream, root);
            return null;
        });
        audit.record(actor, "audit-anchors", null, "station=" + station + " anchors=" + anchors.size()
                + " file=" + out.toAbsolutePath());
        return anchors.size();
    }

    /** At a station: compares this database's audit chain with the anchors in {@code file}, written for it. */
    public Verdict verify(Path file) {
        List<AuditAnchor> anchors = read(file);
        return new Verdict(anchors.size(), audit.verifyAnchors(anchors));
    }

    private List<AuditAnchor> read(Path file) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserFacingException("anchors.error.missing", e, file);
        } catch (IOException e) {
            throw new UserFacingException("anchors.error.read", e, file);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("anchors").isArray()) {
            throw new UserFacingException("anchors.error.read", file);
        }
        String code = stations.current().map(Station::code).orElse("");
        String station = root.path("station").asText();
        if (!station.equals(code)) {
            throw new UserFacingException("anchors.error.otherStation", file, station, code);
        }
        List<AuditAnchor> anchors = new ArrayList<>();
        for (JsonNode a : root.get("anchors")) {
            String hash = a.path("hash").asText();
            if (!a.path("entry").canConvertToLong() || !hash.matches("[0-9a-f]{64}")) {
                throw new UserFacingException("anchors.error.read", file);
            }
            anchors.add(new AuditAnchor(a.path("sequence").asLong(), a.path("batchId").asText(),
                    a.path("entry").asLong(), hash, a.path("importedAt").asText(), a.path("signedBy").asText(null)));
        }
        return anchors;
    }
}
