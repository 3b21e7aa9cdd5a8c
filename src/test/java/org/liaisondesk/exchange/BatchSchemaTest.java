package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.service.InputRules;

/** The published schema says what the program enforces, and a whole exported batch satisfies it. */
class BatchSchemaTest {

    @TempDir
    Path dir;

    static JsonNode schema() throws Exception {
        try (InputStream in = BatchSchema.class.getResourceAsStream(BatchFormat.SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void schemaLimitsAreTheProgramsLimits() throws Exception {
        JsonNode defs = schema().get("$defs");
        JsonNode opinion = defs.get("opinion").get("properties");
        assertThat(BatchFormat.MAX_TEXT).isEqualTo(InputRules.MAX_TEXT);
        assertThat(opinion.get("text").get("maxLength").asInt()).isEqualTo(InputRules.MAX_TEXT);
        assertThat(defs.get("stationCode").get("maxLength").asInt()).isEqualTo(Station.MAX_CODE_LENGTH);
        assertThat(defs.get("stationCode").get("pattern").asText())
                .isEqualTo("^" + Station.CODE_PATTERN.pattern() + "$");
        assertThat(defs.get("header").get("properties").get("stationName").get("maxLength").asInt())
                .isEqualTo(Station.MAX_NAME_LENGTH);
        assertThat(strings(opinion.get("channel").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Channel.values()).map(Channel::code).toList());
        assertThat(strings(opinion.get("status").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Status.values())
                        .filter(st -> st.compareTo(Status.EXPORTED) >= 0).map(Status::code).toList());
        assertThat(strings(defs.get("area").get("properties").get("source").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(TagSource.values()).map(TagSource::code).toList());
    }

    @Test
    void anExportedBatchSatisfiesTheWholeDocumentSchema() throws Exception {
        Path batch;
        try (AppContext station = ExchangeFixture.station(dir)) {
            ExchangeFixture.addOpinions(station, 40);
            batch = station.exports().export(Files.createDirectory(dir.resolve("usb")), "clerk").orElseThrow().file();
        }
        var whole = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema());

        assertThat(whole.validate(new ObjectMapper().readTree(batch.toFile()))).isEmpty();
    }

    @Test
    void everyMessageKeyIsInBothBundles() throws Exception {
        Properties zh = new Properties();
        Properties en = new Properties();
        try (InputStream z = getClass().getResourceAsStream("/org/liaisondesk/i18n/messages_zh_CN.properties");
             InputStream e = getClass().getResourceAsStream("/org/liaisondesk/i18n/messages_en.properties")) {
            zh.load(new java.io.InputStreamReader(z, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }
}
