package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code batch-schema.json}, the published JSON Schema of the format, applied part by part while a batch streams:
 * the header, each opinion, the trailer. Loaded on first use only, so commands that never read a batch never pay
 * for the validator.
 */
final class BatchSchema {

    private static final String ID = "https://liaisondesk.org/schema/ldbatch-1.json";

    private final Schema header;
    private final Schema opinion;
    private final Schema trailer;

    BatchSchema(Locale locale) {
        String text;
        try (InputStream in = BatchSchema.class.getResourceAsStream(BatchFormat.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BatchFormat.SCHEMA_RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(ID, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(locale).build()));
        header = registry.getSchema(SchemaLocation.of(ID + "#/$defs/header"));
        opinion = registry.getSchema(SchemaLocation.of(ID + "#/$defs/opinion"));
        trailer = registry.getSchema(SchemaLocation.of(ID + "#/$defs/trailer"));
    }

    Optional<String> checkHeader(JsonNode node) {
        return first(header, node);
    }

    Optional<String> checkOpinion(JsonNode node) {
        return first(opinion, node);
    }

    Optional<String> checkTrailer(JsonNode node) {
        return first(trailer, node);
    }

    /** The first problem, worded by the validator in the user's language ("/areas/0/area: ..."). */
    private static Optional<String> first(Schema schema, JsonNode node) {
        List<Error> errors = schema.validate(node);
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).toString());
    }
}
