package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The import's fast opinion check never lets through what the batch schema refuses. */
class OpinionShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BatchSchema SCHEMA = new BatchSchema(Locale.ENGLISH);
    private static final String VALID = """
            {"id":"01a219df-8141-7467-a92b-99685d9c8346","number":"GS-001-2025-000001","station":"GS-001",
             "revision":1,"receivedAt":"2025-03-06T16:40","channel":"visit","text":"小区门口的路灯坏了",
             "areas":[{"area":4,"primary":true,"subtopic":"4.03","clause":"城市管理","score":0.8,"source":"auto",
                       "setBy":null,"taxonomyVersion":"2023-7b40d249"},
                      {"area":2,"primary":false,"subtopic":null,"clause":null,"score":1,"source":"clerk",
                       "setBy":"clerk","taxonomyVersion":null}],
             "status":"exported",
             "constituent":{"name":"张三","phone":null,"address":"某路1号","consentToContact":false},
             "receivedBy":"clerk","createdAt":"2025-03-06T08:40:00Z","updatedAt":"2025-03-06T08:40:00.123Z",
             "deleted":false,
             "review":{"note":"请街道答复","priority":"urgent","handling":"street","reason":null,"reply":null,
                       "reviewedBy":"王代表","reviewedAt":"2025-03-07T02:00:00Z"},
             "history":[{"at":"2025-03-07T02:00:00Z","actor":"王代表","action":"handling","revision":1,
                         "before":null,"after":"street"}]}""";

    private static final List<Object> WRONG_VALUES = List.of("", "x".repeat(65), "x".repeat(201),
            "x".repeat(2001), "x".repeat(BatchFormat.MAX_TEXT + 1), 0, 7, -1, 1.5, true, "A-", "2025-13-01T00:00",
            "2025-02-30T10:00:00Z", "2025-03-06T08:40:00+08:00", "2025-03-06T08:40Z", "4.3", "9.01", "other",
            "01A219DF-8141-7467-A92B-99685D9C8346", "GS_001");

    @Test
    void theValidOpinionAndItsVariantsPassBothWays() {
        List<JsonNode> variants = List.of(valid(), with(n -> n.putArray("areas")),
                with(n -> n.putNull("receivedBy")), with(n -> n.put("receivedAt", "2025-03-06T16:40:59.5")),
                with(n -> ((ObjectNode) n.get("constituent")).putNull("name")),
                with(n -> n.remove(List.of("review", "history"))), with(n -> n.remove("review")),
                with(n -> n.putArray("history")), with(n -> ((ObjectNode) n.get("review")).putNull("handling")),
                with(n -> ((ObjectNode) n.get("review")).putNull("reviewedAt")));
        for (JsonNode v : variants) {
            assertThat(SCHEMA.checkOpinion(v)).as(v.toString()).isEmpty();
            assertThat(OpinionShape.plainlyValid(v)).as(v.toString()).isTrue();
        }
    }

    @Test
    void whateverTheSchemaRefusesIsNotPlainlyValid() {
        List<JsonNode> broken = new ArrayList<>();
        broken.add(with(n -> n.put("extra", 1)));
        broken.add(with(n -> ((ObjectNode) n.get("constituent")).put("extra", 1)));
        broken.add(with(n -> ((ObjectNode) n.get("areas").get(0)).put("extra", 1)));
        broken.add(with(n -> n.withArray("areas").add(1)));
        broken.add(with(n -> {
            for (int i = 0; i < 6; i++) {
                n.withArray("areas").add(n.get("areas").get(1).deepCopy());
            }
        }));
        mutateEveryField(valid(), n -> n, broken);
        mutateEveryField((ObjectNode) valid().get("constituent"), n -> (ObjectNode) n.get("constituent"), broken);
        mutateEveryField((ObjectNode) valid().get("areas").get(0), n -> (ObjectNode) n.get("areas").get(0), broken);
        mutateEveryField((ObjectNode) valid().get("review"), n -> (ObjectNode) n.get("review"), broken);
        mutateEveryField((ObjectNode) valid().get("history").get(0), n -> (ObjectNode) n.get("history").get(0),
                broken);
        broken.add(with(n -> ((ObjectNode) n.get("review")).put("extra", 1)));
        broken.add(with(n -> n.withArray("history").add(1)));

        int refused = 0;
        for (JsonNode b : broken) {
            if (SCHEMA.checkOpinion(b).isPresent()) {
                refused++;
                assertThat(OpinionShape.plainlyValid(b)).as(b.toString()).isFalse();
            }
        }
        assertThat(refused).isGreaterThan(400);
    }

    /** Each field of the object {@code at} finds: removed, null, and every wrong value. */
    private static void mutateEveryField(ObjectNode fields, java.util.function.Function<ObjectNode, ObjectNode> at,
                                         List<JsonNode> out) {
        fields.fieldNames().forEachRemaining(f -> {
            out.add(with(n -> at.apply(n).remove(f)));
            out.add(with(n -> at.apply(n).putNull(f)));
            out.add(with(n -> at.apply(n).putObject(f)));
            for (Object v : WRONG_VALUES) {
                out.add(with(n -> at.apply(n).set(f, JSON.valueToTree(v))));
            }
        });
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode n = valid();
        change.accept(n);
        return n;
    }

    private static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(VALID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
