package org.liaisondesk.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static BigramTagger tagger;

    @BeforeAll
    static void load() {
        tagger = BigramTagger.loadDefault();
    }

    @Test
    void tagsEachLineBestFirstAndKeepsIds() throws Exception {
        String in = """
                {"id":"a1","text":"村道太窄,两辆车交会都困难,希望拓宽农村公路。"}

                {"id":7,"text":"上次反映的事情已经解决了,非常感谢。"}
                """;
        List<JsonNode> out = run(in);
        assertThat(out).hasSize(2);
        JsonNode first = out.get(0);
        assertThat(first.get("id").asText()).isEqualTo("a1");
        JsonNode best = first.get("areas").get(0);
        assertThat(best.get("area").asInt()).isEqualTo(4);
        assertThat(best.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(best.get("clause").asText()).contains("农村公路");
        assertThat(best.get("subtopic").asText()).isEqualTo("4.03");
        assertThat(out.get(1).get("id").isInt()).isTrue();
        assertThat(out.get(1).get("areas")).isEmpty();
    }

    @Test
    void anEverydayTopicAddsItsPathAndKeepsTheContractFields() throws Exception {
        JsonNode best = run("{\"id\":1,\"text\":\"小区冬天暖气不热，室温只有十六度\"}\n").get(0).get("areas").get(0);
        assertThat(best.get("area").asInt()).isEqualTo(4);
        assertThat(best.get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(best.get("clause").asText()).contains("热点难题");
        JsonNode path = best.get("path");
        assertThat(path.get("kind").asText()).isEqualTo("topic");
        assertThat(path.get("category").asText()).isEqualTo("城乡建设");
        assertThat(path.get("topic").asText()).isEqualTo("供暖");
        assertThat(path.get("words").toString()).isEqualTo("[\"暖气\",\"室温\"]");
    }

    @Test
    void outputIsOneCompactLinePerInput() throws Exception {
        StringWriter out = new StringWriter();
        long n = TagStream.run(stream("{\"id\":1,\"text\":\"噪音扰民\"}\n{\"id\":2,\"text\":\"谢谢\"}"), out, tagger, MAPPER);
        String text = out.toString();
        assertThat(n).isEqualTo(2);
        assertThat(text.split("\n")).hasSize(2).allMatch(l -> l.startsWith("{\"id\":"));
        assertThat(text).endsWith("\n").contains("\"areas\":[]");
    }

    @Test
    void malformedLinesNameTheirLineNumber() throws Exception {
        String good = "{\"id\":1,\"text\":\"村道太窄\"}\n";
        assertThatThrownBy(() -> run(good + "\n{\"id\":2,\"text\":\n"))
                .isInstanceOf(TagStreamException.class).hasMessageStartingWith("line 3: not valid JSON")
                .extracting(e -> ((TagStreamException) e).lineNumber()).isEqualTo(3L);
        assertThatThrownBy(() -> run(good + "[1,2]\n")).hasMessageStartingWith("line 2: expected an object");
        assertThatThrownBy(() -> run("{\"text\":\"x\"}\n")).hasMessage("line 1: missing \"id\"");
        assertThatThrownBy(() -> run("{\"id\":1,\"text\":3}\n")).hasMessageContaining("\"text\"");

        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> TagStream.run(stream(good + "oops\n"), out, tagger, MAPPER))
                .isInstanceOf(TagStreamException.class);
        assertThat(out.toString()).startsWith("{\"id\":1,");
    }

    @Test
    void toleratesAByteOrderMark() throws Exception {
        assertThat(run("\uFEFF{\"id\":1,\"text\":\"村道太窄\"}\n")).hasSize(1);
    }

    private static List<JsonNode> run(String in) throws Exception {
        StringWriter out = new StringWriter();
        TagStream.run(stream(in), out, tagger, MAPPER);
        return out.toString().lines().map(l -> {
            try {
                return MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
