package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum's view of a batch: the header and each opinion as compact UTF-8 JSON (no white space, fields in the
 * order the file has them, non-ASCII unescaped, characters beyond the BMP such as emoji as 4-byte UTF-8), each
 * followed by a line feed. The writer writes exactly these bytes; the reader re-serialises what it parsed, so white
 * space a tool may add does not matter but any changed value does.
 */
final class Canonical {

    private final ObjectWriter writer;

    Canonical(ObjectMapper json) {
        this.writer = json.writer().without(SerializationFeature.INDENT_OUTPUT)
                .without(JsonWriteFeature.ESCAPE_NON_ASCII)
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    byte[] bytes(JsonNode node) {
        try {
            return writer.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator that writes canonical bytes to {@code out}, root values back to back (no separator), for
     * streaming values straight into the form the checksum covers.
     */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = writer.createGenerator(out);
        g.setRootValueSeparator(null);
        return g;
    }

    /** Adds {@code node}'s canonical bytes and the line feed after them. */
    byte[] update(MessageDigest digest, JsonNode node) {
        byte[] b = bytes(node);
        digest.update(b);
        digest.update((byte) '\n');
        return b;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
