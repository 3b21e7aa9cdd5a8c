package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liaisondesk.model.ExportPrivacy;

/**
 * The header of a batch: who wrote it, its place in the station's sequence, and what it holds.
 *
 * @param sequence         1, 2, 3 ... per station, so the general station sees a missing batch
 * @param taxonomyVersions the report versions the opinions' task areas were set against
 * @param count            how many opinions follow
 * @param byArea           opinions per primary area, keyed "1".."6" and "none"
 * @param privacy          what of the residents' contact details the batch carries (ContactPolicy); null in a batch
 *                         written before the field existed
 * @param auditHead        the writer's audit-log chain head ({@code <id>:<sha-256 hex>}), the general station's
 *                         anchor of the station's log; null in batches written before the field existed
 */
public record BatchHeader(UUID batchId, String station, String stationName, int sequence, Instant createdAt,
                          List<String> taxonomyVersions, long count, Map<String, Long> byArea,
                          ExportPrivacy privacy, String auditHead) {

    public BatchHeader {
        taxonomyVersions = List.copyOf(taxonomyVersions);
        byArea = Map.copyOf(byArea);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode h = json.createObjectNode();
        h.put("batchId", batchId.toString());
        h.put("station", station);
        h.put("stationName", stationName);
        h.put("sequence", sequence);
        h.put("createdAt", createdAt.toString());
        taxonomyVersions.forEach(h.putArray("taxonomyVersions")::add);
        h.put("count", count);
        ObjectNode areas = h.putObject("byArea");
        for (String key : List.of("1", "2", "3", "4", "5", "6", "none")) {
            areas.put(key, byArea.getOrDefault(key, 0L));
        }
        if (privacy != null) {
            h.put("privacy", privacy.code());
        }
        if (auditHead != null) {
            h.put("auditHead", auditHead);
        }
        return h;
    }

    /** From a header the schema has already accepted. */
    static BatchHeader fromJson(JsonNode h) {
        List<String> versions = new ArrayList<>();
        h.get("taxonomyVersions").forEach(v -> versions.add(v.asText()));
        Map<String, Long> areas = new LinkedHashMap<>();
        h.get("byArea").properties().forEach(e -> areas.put(e.getKey(), e.getValue().asLong()));
        return new BatchHeader(UUID.fromString(h.get("batchId").asText()), h.get("station").asText(),
                h.get("stationName").asText(), h.get("sequence").asInt(), Instant.parse(h.get("createdAt").asText()),
                versions, h.get("count").asLong(), areas,
                h.hasNonNull("privacy") ? ExportPrivacy.fromCode(h.get("privacy").asText()).orElseThrow() : null,
                h.hasNonNull("auditHead") ? h.get("auditHead").asText() : null);
    }
}
