package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.ReviewRecord;

/**
 * Writes a batch file safely for removable media: under a temporary name, flushed and forced to the device, then
 * renamed into place (atomically where the file system can), so a stick pulled out early never holds a file with
 * the final name that is incomplete. One opinion is in memory at a time.
 *
 * <p>Layout (one opinion a line, so people and line tools can look into it):
 * <pre>
 * {"format":"liaison-desk-batch","formatVersion":1,
 * "header":{...},
 * "opinions":[
 * {...},
 * {...}
 * ],
 * "trailer":{"count":2,"sha256":"..."}}
 * </pre>
 *
 * <p>An encrypted batch ({@link #seal}) is written the same safe way, from a plain batch kept off the medium.
 */
final class BatchWriter {

    private static final int BUFFER = 1 << 16;

    private final ObjectMapper json;
    private final Canonical canonical;

    BatchWriter(ObjectMapper json) {
        this.json = json;
        this.canonical = new Canonical(json);
    }

    /**
     * Writes the batch to {@code target} and returns its checksum; throws a clerk-readable error on failure.
     *
     * @param contact the resident's details as this export's privacy allows
     * @param reviews an opinion's review and history by its id, null when it has none
     */
    String write(Path target, BatchHeader header, Consumer<Consumer<Opinion>> opinions,
                 Function<Opinion, Constituent> contact, Function<UUID, ReviewRecord> reviews) {
        return writeSafely(target, out -> writeContent(out, header, opinions, contact, reviews));
    }

    /**
     * Writes {@code plain} (a batch file) to {@code target} through {@code encrypt}, which must close the stream it
     * is given when it is itself closed; nothing but ciphertext reaches {@code target}'s medium.
     */
    void seal(Path plain, Path target, UnaryOperator<OutputStream> encrypt) {
        writeSafely(target, out -> {
            try (InputStream in = Files.newInputStream(plain); OutputStream sealed = encrypt.apply(out)) {
                in.transferTo(sealed);
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /** Under a temporary name, flushed and forced to the device, then renamed into place. */
    private <T> T writeSafely(Path target, Content<T> content) {
        Path part = target.resolveSibling(target.getFileName() + BatchFormat.PART_SUFFIX);
        try {
            T result;
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                // closing what wraps it only flushes: the channel must stay open to be forced
                result = content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(part, target);
            return result;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(part);
            throw new UserFacingException("export.error.write", e, target.getParent(), e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    private String writeContent(OutputStream out, BatchHeader header, Consumer<Consumer<Opinion>> opinions,
                                Function<Opinion, Constituent> contact, Function<UUID, ReviewRecord> reviews)
            throws IOException {
        MessageDigest digest = Canonical.sha256();
        ascii(out, "{\"format\":\"" + BatchFormat.FORMAT + "\",\"formatVersion\":" + BatchFormat.VERSION
                + ",\n\"header\":");
        out.write(canonical.update(digest, header.toJson(json)));
        ascii(out, ",\n\"opinions\":[");
        long[] count = {0};
        opinions.accept(o -> {
            ObjectNode node = BatchOpinionJson.toJson(json, BatchOpinionJson.asSent(o, contact.apply(o)));
            BatchOpinionJson.putReview(node, reviews.apply(o.id()));
            try {
                ascii(out, count[0] == 0 ? "\n" : ",\n");
                out.write(canonical.update(digest, node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        if (count[0] != header.count()) {
            throw new IllegalStateException("batch header says " + header.count() + " opinions, wrote " + count[0]);
        }
        String sha = Canonical.hex(digest.digest());
        ascii(out, "\n],\n\"trailer\":{\"count\":" + count[0] + ",\"sha256\":\"" + sha + "\"}}\n");
        return sha;
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.getParent());
    }

    /** Makes the rename itself durable where the platform allows it (Linux, macOS); Windows cannot open folders. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported here; the file's own data is already forced.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind under its temporary name, which no import picks up.
        }
    }
}
