package org.liaisondesk.crypto;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypted, signed batch files, so a lost USB stick reveals nothing and a changed file is refused. The format is
 * documented in docs/batch-encryption.md: a header naming the recipient (the general station's X25519 key) and the
 * signing station, then the content in AES-256-GCM chunks of {@link #CHUNK_SIZE} bytes under a key derived with
 * HKDF-SHA256 from an ephemeral X25519 agreement, then the station's Ed25519 signature over everything before it.
 * Both directions stream, so batches of any size never sit in memory.
 *
 * <p>Decryption first reads the whole file once, checking the recipient, the signer, every chunk's authentication
 * tag, the final-chunk marker and the signature, and only then hands out plaintext (a second pass, whose chunks are
 * authenticated again), so nothing of a changed, truncated or forged batch is ever parsed.
 */
public final class BatchCrypto {

    public static final int CHUNK_SIZE = 64 * 1024;
    static final byte[] MAGIC = {'L', 'D', 'B', 'E', 'N', 'C', 0, 1};
    private static final int MAX_HEADER = 4096;
    private static final int MIN_CHUNK = 1024;
    private static final int MAX_CHUNK = 1 << 24;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final int SALT_BYTES = 32;
    private static final byte CHUNK = 1;
    private static final byte FINAL_CHUNK = 2;
    private static final byte SIGNATURE = 3;
    private static final byte[] KEY_INFO = "liaison-desk batch key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE_DOMAIN = "liaison-desk batch signature v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchCrypto() {
    }

    /** The signing station: its code (named in the header) and its Ed25519 key pair. */
    public record Signer(String station, KeyPair keys) {
    }

    /** The stations' signing keys the general station trusts, by station code. */
    @FunctionalInterface
    public interface SignerDirectory {
        Optional<PublicKey> signingKey(String station);
    }

    /** Who signed a verified batch. */
    public record Origin(String station, String signerFingerprint) {
    }

    /** True when the file starts like an encrypted batch (the importer's choice between plain and encrypted). */
    public static boolean isEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Wraps {@code out}: what is written is encrypted for {@code recipient} (the general station's X25519 public
     * key) and signed by {@code signer} when the stream is closed. Closing also closes {@code out}.
     */
    public static OutputStream encryptingStream(OutputStream out, PublicKey recipient, Signer signer) {
        return new EncryptingStream(out, recipient, signer);
    }

    /** Verifies the whole file (see the class comment) without handing out anything; returns who signed it. */
    public static Origin verify(Path file, KeyPair recipient, SignerDirectory signers) {
        return verifiedHeader(file, recipient, signers).origin();
    }

    /**
     * Verifies the whole file, then opens it again for reading its plaintext. Errors are {@link CryptoException}s
     * with a message for the clerk: not encrypted, for another general station, unknown or mismatched signer,
     * changed or damaged, truncated. The second pass must meet the same header (hence the same content key, which
     * only the signing station could have chosen), so a file swapped between the passes fails its first chunk.
     */
    public static Decrypted verifiedDecryptingStream(Path file, KeyPair recipient, SignerDirectory signers) {
        Reader first = verifiedHeader(file, recipient, signers);
        Reader second = new Reader(file, recipient, signers);
        if (!MessageDigest.isEqual(first.header.hash(), second.header.hash())) {
            second.close();
            throw new CryptoException("crypto.error.damaged");
        }
        return new Decrypted(second, first.origin());
    }

    /** A complete first pass; the returned reader is closed and only tells what it verified. */
    private static Reader verifiedHeader(Path file, KeyPair recipient, SignerDirectory signers) {
        try (Reader r = new Reader(file, recipient, signers)) {
            while (r.next() != null) {
                // every chunk's tag is checked as it is read; the signature after the last
            }
            return r;
        }
    }

    public static void encryptFile(Path plain, Path encrypted, PublicKey recipient, Signer signer) {
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = encryptingStream(new BufferedOutputStream(Files.newOutputStream(encrypted)),
                     recipient, signer)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new CryptoException("crypto.error.io", e, encrypted, String.valueOf(e.getMessage()));
        }
    }

    public static Origin decryptFile(Path encrypted, Path plain, KeyPair recipient, SignerDirectory signers) {
        try (Decrypted in = verifiedDecryptingStream(encrypted, recipient, signers);
             OutputStream out = Files.newOutputStream(plain)) {
            in.transferTo(out);
            return in.origin();
        } catch (IOException e) {
            throw new CryptoException("crypto.error.io", e, plain, String.valueOf(e.getMessage()));
        }
    }

    /** The plaintext of a verified batch; each chunk is authenticated again as it is read. */
    public static final class Decrypted extends InputStream {

        private final Reader reader;
        private final Origin origin;
        private byte[] chunk = new byte[0];
        private int pos;

        private Decrypted(Reader reader, Origin origin) {
            this.reader = reader;
            this.origin = origin;
        }

        public Origin origin() {
            return origin;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (chunk != null && pos == chunk.length) {
                chunk = reader.next();
                pos = 0;
            }
            if (chunk == null) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** The fixed part before the chunks; {@code raw} is every byte of it as in the file. */
    private record Header(byte[] raw, byte[] hash, byte[] recipientFingerprint, byte[] ephemeralKey, byte[] salt,
                          int chunkSize, String station, byte[] signerKey) {

        static Header create(PublicKey recipient, PublicKey ephemeral, byte[] salt, String station,
                             PublicKey signerKey) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(body)) {
                writeField(d, Keys.fingerprintBytes(recipient.getEncoded()));
                writeField(d, ephemeral.getEncoded());
                writeField(d, salt);
                d.writeInt(CHUNK_SIZE);
                writeField(d, station.getBytes(StandardCharsets.UTF_8));
                writeField(d, signerKey.getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = body.toByteArray();
            ByteBuffer raw = ByteBuffer.allocate(MAGIC.length + 4 + bytes.length);
            raw.put(MAGIC).putInt(bytes.length).put(bytes);
            return parse(raw.array(), bytes);
        }

        static Header read(DataInputStream in) throws IOException {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CryptoException("crypto.error.notEncrypted");
            }
            int length = in.readInt();
            if (length <= 0 || length > MAX_HEADER) {
                throw new CryptoException("crypto.error.damaged");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new CryptoException("crypto.error.truncated");
            }
            ByteBuffer raw = ByteBuffer.allocate(MAGIC.length + 4 + length);
            raw.put(MAGIC).putInt(length).put(bytes);
            return parse(raw.array(), bytes);
        }

        private static Header parse(byte[] raw, byte[] body) {
            try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(body))) {
                byte[] recipient = readField(d);
                byte[] ephemeral = readField(d);
                byte[] salt = readField(d);
                int chunkSize = d.readInt();
                String station = new String(readField(d), StandardCharsets.UTF_8);
                byte[] signer = readField(d);
                if (d.available() != 0 || chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK
                        || salt.length != SALT_BYTES) {
                    throw new CryptoException("crypto.error.damaged");
                }
                return new Header(raw, sha256(raw), recipient, ephemeral, salt, chunkSize, station, signer);
            } catch (IOException e) {
                throw new CryptoException("crypto.error.damaged", e);
            }
        }

        private static void writeField(DataOutputStream d, byte[] value) throws IOException {
            d.writeShort(value.length);
            d.write(value);
        }

        private static byte[] readField(DataInputStream d) throws IOException {
            int length = d.readUnsignedShort();
            byte[] value = d.readNBytes(length);
            if (value.length < length) {
                throw new EOFException();
            }
            return value;
        }

        /** The chunk key: HKDF-SHA256 over the X25519 secret, bound to this exact header. */
        SecretKeySpec contentKey(PrivateKey agreementPrivate, PublicKey agreementPublic) {
            try {
                KeyAgreement ka = KeyAgreement.getInstance("XDH");
                ka.init(agreementPrivate);
                ka.doPhase(agreementPublic, true);
                byte[] secret = ka.generateSecret();
                byte[] info = ByteBuffer.allocate(KEY_INFO.length + hash.length).put(KEY_INFO).put(hash).array();
                return new SecretKeySpec(Hkdf.derive(salt, secret, info, 32), "AES");
            } catch (GeneralSecurityException e) {
                throw new CryptoException("crypto.error.damaged", e);
            }
        }

        /** Authenticated with every chunk: this header, the chunk's position and whether it is the last. */
        byte[] aad(long index, byte type) {
            return ByteBuffer.allocate(hash.length + 9).put(hash).putLong(index).put(type).array();
        }
    }

    private static byte[] nonce(long index) {
        return ByteBuffer.allocate(12).putInt(0).putLong(index).array();
    }

    private static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signedMessage(byte[] transcriptDigest) {
        return ByteBuffer.allocate(SIGNATURE_DOMAIN.length + transcriptDigest.length).put(SIGNATURE_DOMAIN)
                .put(transcriptDigest).array();
    }

    private static Cipher aes() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class EncryptingStream extends OutputStream {

        private final DataOutputStream out;
        private final MessageDigest transcript = digest();
        private final Header header;
        private final SecretKeySpec key;
        private final Cipher cipher = aes();
        private final Signer signer;
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private int pos;
        private long index;
        private boolean closed;

        EncryptingStream(OutputStream target, PublicKey recipient, Signer signer) {
            this.out = new DataOutputStream(target);
            this.signer = signer;
            KeyPair ephemeral = Keys.generate(Keys.AGREEMENT);
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            this.header = Header.create(recipient, ephemeral.getPublic(), salt, signer.station(),
                    signer.keys().getPublic());
            this.key = header.contentKey(ephemeral.getPrivate(), recipient);
            try {
                out.write(header.raw());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            transcript.update(header.raw());
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("encrypted batch already closed");
            }
            while (len > 0) {
                if (pos == buffer.length) {
                    emit(CHUNK);
                }
                int n = Math.min(len, buffer.length - pos);
                System.arraycopy(b, off, buffer, pos, n);
                pos += n;
                off += n;
                len -= n;
            }
        }

        /** Writes the buffered bytes as one chunk; a full buffer waits for more data so the last one is marked. */
        private void emit(byte type) throws IOException {
            byte[] sealed;
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(index)));
                cipher.updateAAD(header.aad(index, type));
                sealed = cipher.doFinal(buffer, 0, pos);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            byte[] prefix = ByteBuffer.allocate(5).put(type).putInt(sealed.length).array();
            out.write(prefix);
            out.write(sealed);
            transcript.update(prefix);
            transcript.update(sealed);
            index++;
            pos = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (DataOutputStream o = out) {
                emit(FINAL_CHUNK);
                Signature s = Signature.getInstance(Keys.SIGNING);
                s.initSign(signer.keys().getPrivate());
                s.update(signedMessage(transcript.digest()));
                byte[] signature = s.sign();
                o.writeByte(SIGNATURE);
                o.writeShort(signature.length);
                o.write(signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One pass over an encrypted file: header checks, then chunk by chunk, then the signature and the end. */
    private static final class Reader implements Closeable {

        private final Path file;
        private final DataInputStream in;
        private final MessageDigest transcript = digest();
        private final Header header;
        private final PublicKey signerKey;
        private final SecretKeySpec key;
        private final Cipher cipher = aes();
        private long index;
        private boolean finished;

        Reader(Path file, KeyPair recipient, SignerDirectory signers) {
            this.file = file;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new CryptoException("crypto.error.io", e, file, String.valueOf(e.getMessage()));
            }
            try {
                this.header = Header.read(in);
                transcript.update(header.raw());
                byte[] ours = Keys.fingerprintBytes(recipient.getPublic().getEncoded());
                if (!MessageDigest.isEqual(ours, header.recipientFingerprint())) {
                    throw new CryptoException("crypto.error.otherRecipient", Keys.grouped(header.recipientFingerprint()),
                            Keys.grouped(ours));
                }
                this.signerKey = checkSigner(header, signers);
                this.key = header.contentKey(recipient.getPrivate(),
                        Keys.publicKey(Keys.AGREEMENT, header.ephemeralKey()));
            } catch (EOFException e) {
                closeQuietly();
                throw new CryptoException("crypto.error.truncated", e);
            } catch (IOException e) {
                closeQuietly();
                throw new CryptoException("crypto.error.io", e, file, String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                closeQuietly();
                throw e instanceof CryptoException ? e : new CryptoException("crypto.error.damaged", e);
            }
        }

        private static PublicKey checkSigner(Header header, SignerDirectory signers) {
            String presented = Keys.fingerprint(header.signerKey());
            PublicKey registered = signers.signingKey(header.station())
                    .orElseThrow(() -> new CryptoException("crypto.error.unknownStation", header.station(),
                            presented));
            if (!MessageDigest.isEqual(registered.getEncoded(), header.signerKey())) {
                throw new CryptoException("crypto.error.signerMismatch", header.station(),
                        Keys.fingerprint(registered.getEncoded()), presented);
            }
            return registered;
        }

        Origin origin() {
            return new Origin(header.station(), Keys.fingerprint(header.signerKey()));
        }

        /** The next chunk's plaintext once its tag checks out, or null after the verified signature and the end. */
        byte[] next() {
            if (finished) {
                return null;
            }
            try {
                int type = in.read();
                if (type < 0) {
                    throw new CryptoException("crypto.error.truncated");
                }
                if (type != CHUNK && type != FINAL_CHUNK) {
                    throw new CryptoException("crypto.error.damaged");
                }
                int length = in.readInt();
                if (length < TAG_BYTES || length > header.chunkSize() + TAG_BYTES) {
                    throw new CryptoException("crypto.error.damaged");
                }
                byte[] sealed = in.readNBytes(length);
                if (sealed.length < length) {
                    throw new CryptoException("crypto.error.truncated");
                }
                transcript.update(ByteBuffer.allocate(5).put((byte) type).putInt(length).array());
                transcript.update(sealed);
                byte[] plain = open(sealed, (byte) type);
                index++;
                if (type == FINAL_CHUNK) {
                    checkSignature();
                }
                return plain;
            } catch (EOFException e) {
                throw new CryptoException("crypto.error.truncated", e);
            } catch (IOException e) {
                throw new CryptoException("crypto.error.io", e, file, String.valueOf(e.getMessage()));
            }
        }

        private byte[] open(byte[] sealed, byte type) {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(index)));
                cipher.updateAAD(header.aad(index, type));
                return cipher.doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new CryptoException("crypto.error.damaged", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void checkSignature() throws IOException {
            if (in.read() != SIGNATURE) {
                throw new CryptoException("crypto.error.damaged");
            }
            int length = in.readUnsignedShort();
            byte[] signature = in.readNBytes(length);
            if (signature.length < length) {
                throw new CryptoException("crypto.error.truncated");
            }
            if (in.read() != -1) {
                throw new CryptoException("crypto.error.damaged");
            }
            boolean valid;
            try {
                Signature s = Signature.getInstance(Keys.SIGNING);
                s.initVerify(signerKey);
                s.update(signedMessage(transcript.digest()));
                valid = s.verify(signature);
            } catch (GeneralSecurityException e) {
                valid = false;
            }
            if (!valid) {
                throw new CryptoException("crypto.error.badSignature", header.station());
            }
            finished = true;
        }

        private void closeQuietly() {
            try {
                in.close();
            } catch (IOException ignored) {
                // reading failed already; that error is the one reported
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }
}
