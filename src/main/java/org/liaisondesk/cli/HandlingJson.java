package org.liaisondesk.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.json.OpinionJson;
import org.liaisondesk.model.HandlingCase;
import org.liaisondesk.model.Supervision;
import org.liaisondesk.model.WorkCalendar;
import org.liaisondesk.service.HandlingService;

/**
 * The handling fields {@code list --json} adds to each opinion: always "stage"; once the opinion is in handling also
 * "unit", "assistingUnits", "assignmentNo", "dueDate", "supervision", "outcome", "rating" (null until known).
 */
final class HandlingJson {

    private HandlingJson() {
    }

    static OpinionJson.Extra extra(AppContext ctx) {
        Map<UUID, HandlingCase> cases = new HashMap<>();
        ctx.handlingRepository().forEach(null, c -> cases.put(c.opinionId(), c));
        WorkCalendar calendar = ctx.handling().calendar();
        java.time.LocalDate today = ctx.handling().today();
        return (g, o) -> {
            HandlingCase c = cases.get(o.id());
            g.writeStringField("stage", HandlingService.stageOf(o, c).code());
            if (c == null) {
                return;
            }
            g.writeStringField("unit", c.get("main_unit"));
            g.writeStringField("assistingUnits", c.get("assisting_units"));
            g.writeStringField("assignmentNo", c.get("assignment_no"));
            g.writeStringField("dueDate", c.get("due_date"));
            g.writeStringField("supervision", Supervision.of(calendar, c, today).code());
            g.writeStringField("outcome", c.get("outcome"));
            g.writeStringField("rating", c.get("rating"));
            if (c.get("followup_result") != null) {
                g.writeStringField("promisedDate", c.get("promised_date"));
                g.writeStringField("followUp", c.get("followup_result"));
                g.writeStringField("followUpDate", c.get("followup_date"));
            }
        };
    }
}
