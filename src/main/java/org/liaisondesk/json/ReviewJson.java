package org.liaisondesk.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liaisondesk.model.HistoryEntry;
import org.liaisondesk.model.Review;
import org.liaisondesk.model.ReviewRecord;

/**
 * An opinion's review and history as JSON: {@code "review"} and {@code "history"}. The same form in a batch (optional
 * fields of format version 1, see batch-schema.json: a change here is a change of the batch format) and in
 * {@code history --json}.
 */
public final class ReviewJson {

    private ReviewJson() {
    }

    public static void put(ObjectNode n, ReviewRecord r) {
        Review v = r.review();
        ObjectNode o = n.putObject("review");
        o.put("note", v.note());
        o.put("priority", v.priority().code());
        o.put("handling", v.handling() == null ? null : v.handling().code());
        o.put("reason", v.reason());
        o.put("reply", v.reply());
        o.put("reviewedBy", v.reviewedBy());
        o.put("reviewedAt", v.reviewedAt() == null ? null : v.reviewedAt().toString());
        ArrayNode history = n.putArray("history");
        for (HistoryEntry h : r.history()) {
            ObjectNode e = history.addObject();
            e.put("at", h.at().toString());
            e.put("actor", h.actor());
            e.put("action", h.action());
            e.put("revision", h.revision());
            e.put("before", h.before());
            e.put("after", h.after());
        }
    }
}
