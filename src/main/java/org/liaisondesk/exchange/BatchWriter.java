package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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

    /** A written batch: its checksum and which opinions it carried. */
    record Result(String sha256, Carried carried) {
    }

    /**
     * Writes the batch to {@code target}; throws a clerk-readable error on failure.
     *
     * @param contact the resident's details as this export's privacy allows
     * @param reviews an opinion's review and history by its id, null when it has none
     */
    Result write(Path target, BatchHeader header, Consumer<Consumer<Opinion>> opinions,
                 Function<Opinion, Constituent> contact, Function<UUID, ReviewRecord> reviews) {
        return write(target, header, opinions, contact, reviews, r -> { });
    }

    /** {@link #write}, calling {@code beforeRename} once the complete file is forced, before it gets its name. */
    Result write(Path target, BatchHeader header, Consumer<Consumer<Opinion>> opinions,
                 Function<Opinion, Constituent> contact, Function<UUID, ReviewRecord> reviews,
                 Consumer<Result> beforeRename) {
        return writeSafely(target, out -> writeContent(out, header, opinions, contact, reviews), beforeRename);
    }

    /**
     * Writes {@code plain} (a batch file) to {@code target} through {@code encrypt}, which must close the stream it
     * is given when it is itself closed; nothing but ciphertext reaches {@code target}'s medium.
     */
    void seal(Path plain, Path target, UnaryOperator<OutputStream> encrypt, Runnable beforeRename) {
        writeSafely(target, out -> {
            try (InputStream in = Files.newInputStream(plain); OutputStream sealed = encrypt.apply(out)) {
                in.transferTo(sealed);
            }
            return null;
        }, r -> beforeRename.run());
    }

    /** Writes {@code bytes} (a handling batch) to {@code target} the same safe way. */
    void writeBytes(Path target, byte[] bytes) {
        writeSafely(target, out -> {
            out.write(bytes);
            return null;
        }, r -> { });
    }

    @FunctionalInterface
    private interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /** Under a temporary name, flushed and forced to the device, then renamed into place. */
    private <T> T writeSafely(Path target, Content<T> content, Consumer<T> beforeRename) {
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
            beforeRename.accept(result);
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

    /**
     * The batch's content. Each opinion is generated once into a buffer in its canonical form, which is both hashed
     * and written: the file carries exactly the bytes the checksum covers, one opinion a line.
     */
    private Result writeContent(OutputStream out, BatchHeader header, Consumer<Consumer<Opinion>> opinions,
                                 Function<Opinion, Constituent> contact, Function<UUID, ReviewRecord> reviews)
            throws IOException {
        MessageDigest digest = Canonical.sha256();
        ascii(out, "{\"format\":\"" + BatchFormat.FORMAT + "\",\"formatVersion\":" + BatchFormat.VERSION
                + ",\n\"header\":");
        out.write(canonical.update(digest, header.toJson(json)));
        ascii(out, ",\n\"opinions\":[");
        Carried carried = new Carried();
        Buffer buffer = new Buffer();
        try (JsonGenerator g = canonical.generator(buffer)) {
            opinions.accept(o -> {
                Opinion sent = BatchOpinionJson.asSent(o, contact.apply(o));
                try {
                    buffer.reset();
                    BatchOpinionJson.write(g, sent, reviews.apply(o.id()));
                    g.flush();
                    ascii(out, carried.size() == 0 ? "\n" : ",\n");
                    buffer.writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                buffer.hash(digest);
                carried.add(sent.id(), sent.revision());
            });
        }
        if (carried.size() != header.count()) {
            throw new IllegalStateException("batch header says " + header.count() + " opinions, wrote "
                    + carried.size());
        }
        String sha = Canonical.hex(digest.digest());
        ascii(out, BatchFileCheck.ending(carried.size(), sha));
        return new Result(sha, carried);
    }

    /** A reusable buffer whose bytes can be hashed without copying them. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(1 << 12);
        }

        /** Adds the bytes and the line feed after them. */
        void hash(MessageDigest digest) {
            digest.update(buf, 0, count);
            digest.update((byte) '\n');
        }
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
