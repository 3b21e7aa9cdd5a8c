package org.liaisondesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The export's read-back: a batch this program has just written is read from the medium and its checksum computed
 * again from the bytes, line by line, without parsing. {@link BatchWriter} writes the canonical form of the header
 * and of each opinion on a line of its own, so the checksum is the SHA-256 over those lines (without the comma that
 * separates them) each followed by a line feed; every other line must be exactly what the writer writes. Files from
 * elsewhere are read with {@link BatchReader}, which trusts nothing and parses everything.
 */
final class BatchFileCheck {

    private static final byte[] OPENING = ("{\"format\":\"" + BatchFormat.FORMAT + "\",\"formatVersion\":"
            + BatchFormat.VERSION + ",").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER = "\"header\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPINIONS = "\"opinions\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte COMMA = ',';

    private BatchFileCheck() {
    }

    /** What the writer writes after the last opinion: the end of the list and the trailer. */
    static String ending(long count, String sha256) {
        return "\n],\n\"trailer\":{\"count\":" + count + ",\"sha256\":\"" + sha256 + "\"}}\n";
    }

    /**
     * Reads {@code file} back and checks that it holds {@code count} opinions whose checksum is {@code sha256},
     * which its trailer states too.
     *
     * @throws BatchRejectedException when the file differs in any way or cannot be read
     */
    static void verify(Path file, long count, String sha256) {
        MessageDigest digest = Canonical.sha256();
        try (Lines lines = new Lines(Files.newInputStream(file))) {
            expect(lines.next() && lines.is(OPENING));
            expect(lines.next() && lines.startsWith(HEADER) && lines.endsWith(COMMA));
            lines.hash(digest, HEADER.length, 1);
            expect(lines.next() && lines.is(OPINIONS));
            for (long i = 0; i < count; i++) {
                boolean last = i == count - 1;
                expect(lines.next() && lines.endsWith(COMMA) != last);
                lines.hash(digest, 0, last ? 0 : 1);
            }
            String sha = Canonical.hex(digest.digest());
            byte[] ending = ending(count, sha).substring(1).getBytes(StandardCharsets.US_ASCII);
            int end = 0;
            while (lines.next()) {
                expect(lines.endedWithLineFeed && lines.matchesAt(ending, end));
                end += lines.length + 1;
            }
            expect(end == ending.length && sha.equals(sha256));
        } catch (IOException e) {
            throw new BatchRejectedException("batch.error.unreadable", e, e.getMessage());
        }
    }

    private static void expect(boolean condition) {
        if (!condition) {
            throw new BatchRejectedException("batch.error.checksum");
        }
    }

    /** The file's lines, one at a time, in a buffer that grows to the longest. */
    private static final class Lines implements AutoCloseable {

        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int position;
        private int filled;
        private byte[] line = new byte[1 << 12];
        private int length;
        private boolean endedWithLineFeed;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Reads the next line (without its line feed); false at the end of the file. */
        boolean next() throws IOException {
            length = 0;
            endedWithLineFeed = false;
            while (true) {
                if (position == filled) {
                    filled = in.read(chunk);
                    position = 0;
                    if (filled <= 0) {
                        filled = 0;
                        return length > 0;
                    }
                }
                int start = position;
                while (position < filled && chunk[position] != '\n') {
                    position++;
                }
                append(start, position - start);
                if (position < filled) {
                    position++;
                    endedWithLineFeed = true;
                    return true;
                }
            }
        }

        private void append(int from, int n) {
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(chunk, from, line, length, n);
            length += n;
        }

        boolean is(byte[] expected) {
            return length == expected.length && startsWith(expected);
        }

        boolean startsWith(byte[] prefix) {
            return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
        }

        boolean endsWith(byte b) {
            return length > 0 && line[length - 1] == b;
        }

        /** Whether this line and its line feed are {@code expected} from {@code offset} on. */
        boolean matchesAt(byte[] expected, int offset) {
            return offset + length < expected.length
                    && Arrays.equals(line, 0, length, expected, offset, offset + length)
                    && expected[offset + length] == '\n';
        }

        /** Hashes the line without {@code skip} bytes in front and {@code drop} at the end, then a line feed. */
        void hash(MessageDigest digest, int skip, int drop) {
            digest.update(line, skip, length - skip - drop);
            digest.update((byte) '\n');
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
