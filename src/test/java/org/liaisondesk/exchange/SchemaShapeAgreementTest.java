package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schema ({@code batch-schema.json}) and the import's fast shape check ({@link OpinionShape}) are fed
 * the same opinions, good and bad, and must accept and reject alike.
 */
class SchemaShapeAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BatchSchema SCHEMA = new BatchSchema(Locale.ENGLISH);
    private static final String VALID = """
            {"id":"01a219df-8141-7467-a92b-99685d9c8346","number":"GS-001-2025-000001","station":"GS-001",
             "revision":1,"receivedAt":"2025-03-06T16:40","channel":"visit","text":"小区门口的路灯坏了",
             "areas":[{"area":4,"primary":true,"subtopic":"4.03","clause":"城市管理","score":0.8,"source":"auto",
                       "setBy":null,"taxonomyVersion":"2023-7b40d249"}],
             "status":"exported",
             "constituent":{"name":"张三","phone":null,"address":"某路1号","consentToContact":false},
             "receivedBy":"clerk","createdAt":"2025-03-06T08:40:00Z","updatedAt":"2025-03-06T08:40:00.123Z",
             "deleted":false}""";

    private static Arguments good(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change, true);
    }

    private static Arguments bad(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change, false);
    }

    private static Consumer<ObjectNode> area(Consumer<ObjectNode> change) {
        return o -> change.accept((ObjectNode) o.get("areas").get(0));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                good("as exported", o -> { }),
                good("status handling", o -> o.put("status", "handling")),
                good("status closed", o -> o.put("status", "closed")),
                good("revision at the bound", o -> o.put("revision", 1_000_000_000)),
                good("score 0", area(a -> a.put("score", 0))),
                good("score 1", area(a -> a.put("score", 1))),
                good("text with line feed and tab", o -> o.put("text", "第一行\n\t第二行")),
                good("text with an ideographic space inside", o -> o.put("text", "路灯\u3000坏了")),
                good("text of one character", o -> o.put("text", "灯")),
                good("received in 2000", o -> o.put("receivedAt", "2000-01-01T00:00")),
                good("no areas", o -> o.putArray("areas")),
                bad("status recorded", o -> o.put("status", "recorded")),
                bad("status reviewed", o -> o.put("status", "reviewed")),
                bad("revision 0", o -> o.put("revision", 0)),
                bad("revision above the bound", o -> o.put("revision", 1_000_000_001)),
                bad("revision 2^31", o -> o.put("revision", 1L << 31)),
                bad("revision 2^63", o -> o.put("revision", BigInteger.TWO.pow(63))),
                bad("revision 1.5", o -> o.put("revision", 1.5)),
                bad("score 2", area(a -> a.put("score", 2))),
                bad("score -1", area(a -> a.put("score", -1))),
                bad("score 1.0000001", area(a -> a.put("score", 1.0000001))),
                bad("score as text", area(a -> a.put("score", "0.5"))),
                bad("receivedAt year 0000", o -> o.put("receivedAt", "0000-01-01T00:00")),
                bad("receivedAt 1999", o -> o.put("receivedAt", "1999-12-31T23:59")),
                bad("receivedAt 2100", o -> o.put("receivedAt", "2100-01-01T00:00")),
                bad("createdAt year 0000", o -> o.put("createdAt", "0000-01-01T00:00:00Z")),
                bad("updatedAt 2200", o -> o.put("updatedAt", "2200-01-01T00:00:00Z")),
                bad("empty text", o -> o.put("text", "")),
                bad("spaces only", o -> o.put("text", "   ")),
                bad("ideographic spaces and line feeds only", o -> o.put("text", "\u3000\n\u3000\t")),
                bad("no-break spaces only", o -> o.put("text", "\u00A0\u202F")),
                bad("NUL in the text", o -> o.put("text", "路灯\u0000坏了")),
                bad("carriage return in the text", o -> o.put("text", "路灯\r坏了")),
                bad("escape in the text", o -> o.put("text", "\u001B[31m路灯")),
                bad("DEL in the text", o -> o.put("text", "路灯\u007F")),
                bad("C1 control in the text", o -> o.put("text", "路灯\u0085")),
                bad("U+202E in the text", o -> o.put("text", "路灯\u202E了坏")),
                bad("U+2066 in the text", o -> o.put("text", "\u2066路灯")),
                good("U+200F inside the text, as pasted text may have it", o -> o.put("text", "路灯\u200F")),
                bad("U+200E and spaces only", o -> o.put("text", "\u200E  ")),
                bad("an unknown field", o -> o.put("extra", 1)),
                bad("area 7", area(a -> a.put("area", 7))),
                bad("channel unknown", o -> o.put("channel", "fax")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void schemaAndShapeCheckAgree(String what, Consumer<ObjectNode> change, boolean valid) throws Exception {
        ObjectNode opinion = (ObjectNode) JSON.readTree(VALID);
        change.accept(opinion);

        assertThat(SCHEMA.checkOpinion(opinion)).as("schema on " + what).matches(p -> p.isEmpty() == valid);
        assertThat(OpinionShape.plainlyValid(opinion)).as("shape check on " + what).isEqualTo(valid);
    }
}
