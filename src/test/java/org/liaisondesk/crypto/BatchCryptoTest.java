package org.liaisondesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.i18n.UserFacingException;

class BatchCryptoTest {

    static final KeyPair GENERAL = Keys.generate(Keys.AGREEMENT);
    static final KeyPair OTHER_GENERAL = Keys.generate(Keys.AGREEMENT);
    static final KeyPair STATION = Keys.generate(Keys.SIGNING);
    static final BatchCrypto.Signer SIGNER = new BatchCrypto.Signer("GS-007", STATION);
    static final BatchCrypto.SignerDirectory KNOWN = code -> code.equals("GS-007")
            ? Optional.of(STATION.getPublic()) : Optional.empty();

    @TempDir
    Path dir;

    @Test
    void roundTripsContentOfEverySizeAroundChunkBoundaries() throws Exception {
        Random random = new Random(1);
        for (int size : new int[] {0, 1, 1000, BatchCrypto.CHUNK_SIZE - 1, BatchCrypto.CHUNK_SIZE,
                BatchCrypto.CHUNK_SIZE + 1, 3 * BatchCrypto.CHUNK_SIZE + 17}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            Path enc = encrypt(plain);
            try (BatchCrypto.Decrypted in = BatchCrypto.verifiedDecryptingStream(enc, GENERAL, KNOWN)) {
                assertThat(in.readAllBytes()).as("size " + size).isEqualTo(plain);
                assertThat(in.origin().station()).isEqualTo("GS-007");
                assertThat(in.origin().signerFingerprint()).isEqualTo(Keys.fingerprint(STATION.getPublic()
                        .getEncoded()));
            }
        }
    }

    @Test
    void fileToFileRoundTrip() throws Exception {
        Path plain = dir.resolve("batch.json");
        Files.writeString(plain, "[{\"text\":\"小区停车难\"}]");
        Path enc = dir.resolve("batch.enc");
        BatchCrypto.encryptFile(plain, enc, GENERAL.getPublic(), SIGNER);
        assertThat(BatchCrypto.isEncrypted(enc)).isTrue();
        assertThat(BatchCrypto.isEncrypted(plain)).isFalse();
        Path back = dir.resolve("back.json");
        assertThat(BatchCrypto.decryptFile(enc, back, GENERAL, KNOWN).station()).isEqualTo("GS-007");
        assertThat(Files.readString(back)).isEqualTo("[{\"text\":\"小区停车难\"}]");
    }

    @Test
    void encryptedFileHoldsNoResidentDataInTheClear() throws Exception {
        String secret = "{\"name\":\"欧阳娜娜\",\"phone\":\"13812341234\",\"address\":\"翠苑一区3幢2单元501室\"}\n";
        byte[] plain = secret.repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] enc = Files.readAllBytes(encrypt(plain));
        for (String clear : new String[] {"欧阳娜娜", "13812341234", "翠苑", "name", "phone"}) {
            assertThat(indexOf(enc, clear.getBytes(StandardCharsets.UTF_8))).as(clear).isEqualTo(-1);
            assertThat(indexOf(enc, clear.getBytes(StandardCharsets.UTF_16LE))).as(clear).isEqualTo(-1);
        }
    }

    @Test
    void flippingAnySingleByteOfASmallBatchIsRejected() throws Exception {
        byte[] file = Files.readAllBytes(encrypt("[{\"text\":\"路灯坏了\"}]".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < file.length; i++) {
            assertRejected(flip(file, i), "byte " + i);
        }
    }

    @Test
    void flippingBytesAcrossAMultiChunkBatchIsRejectedBeforeAnyPlaintextIsHandedOut() throws Exception {
        byte[] plain = new byte[3 * BatchCrypto.CHUNK_SIZE + 500];
        new Random(2).nextBytes(plain);
        byte[] file = Files.readAllBytes(encrypt(plain));
        TreeSet<Integer> positions = new TreeSet<>();
        Random random = new Random(3);
        for (int k = 0; k < 150; k++) {
            positions.add(random.nextInt(file.length));
        }
        for (int chunk = 0; chunk <= 4; chunk++) {
            int boundary = Math.min(file.length - 1, 250 + chunk * (BatchCrypto.CHUNK_SIZE + 21));
            for (int d = -8; d <= 8; d++) {
                positions.add(Math.max(0, Math.min(file.length - 1, boundary + d)));
            }
        }
        for (int i = file.length - 80; i < file.length; i++) {
            positions.add(i);
        }
        for (int i : positions) {
            assertRejected(flip(file, i), "byte " + i);
        }
    }

    @Test
    void truncatedOrExtendedBatchesAreRejected() throws Exception {
        byte[] small = Files.readAllBytes(encrypt("[]".getBytes(StandardCharsets.UTF_8)));
        for (int length = 0; length < small.length; length++) {
            assertRejected(Arrays.copyOf(small, length), "length " + length);
        }
        assertRejected(Arrays.copyOf(small, small.length + 1), "one extra byte");

        byte[] plain = new byte[2 * BatchCrypto.CHUNK_SIZE + 10];
        byte[] big = Files.readAllBytes(encrypt(plain));
        Path cut = dir.resolve("cut.enc");
        int headerAndFirstChunk = big.length - (BatchCrypto.CHUNK_SIZE + 16 + 5) - (10 + 16 + 5) - 67;
        Files.write(cut, Arrays.copyOf(big, headerAndFirstChunk));
        assertThatThrownBy(() -> BatchCrypto.verify(cut, GENERAL, KNOWN))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crypto.error.truncated"));
    }

    @Test
    void swappedChunksAreRejected() throws Exception {
        byte[] plain = new byte[3 * BatchCrypto.CHUNK_SIZE + 10];
        new Random(4).nextBytes(plain);
        byte[] file = Files.readAllBytes(encrypt(plain));
        int record = BatchCrypto.CHUNK_SIZE + 16 + 5;
        int first = file.length - 67 - (10 + 16 + 5) - 3 * record;
        byte[] swapped = file.clone();
        System.arraycopy(file, first, swapped, first + record, record);
        System.arraycopy(file, first + record, swapped, first, record);
        assertRejected(swapped, "swapped chunks");
    }

    @Test
    void batchForAnotherGeneralStationSaysSo() throws Exception {
        Path enc = encrypt("[]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BatchCrypto.verifiedDecryptingStream(enc, OTHER_GENERAL, KNOWN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("crypto.error.otherRecipient");
                    assertThat(e.args()).containsExactly(Keys.fingerprint(GENERAL.getPublic().getEncoded()),
                            Keys.fingerprint(OTHER_GENERAL.getPublic().getEncoded()));
                });
    }

    @Test
    void unknownOrImpostorSignerIsRejected() throws Exception {
        Path enc = encrypt("[]".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BatchCrypto.verify(enc, GENERAL, code -> Optional.empty()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crypto.error.unknownStation"));

        KeyPair impostor = Keys.generate(Keys.SIGNING);
        Path forged = dir.resolve("forged.enc");
        try (OutputStream out = BatchCrypto.encryptingStream(Files.newOutputStream(forged), GENERAL.getPublic(),
                new BatchCrypto.Signer("GS-007", impostor))) {
            out.write("[{\"text\":\"伪造\"}]".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> BatchCrypto.verify(forged, GENERAL, KNOWN))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crypto.error.signerMismatch"));
    }

    @Test
    void plainFileIsNotMistakenForAnEncryptedOne() throws Exception {
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, "[]");
        assertThatThrownBy(() -> BatchCrypto.verify(plain, GENERAL, KNOWN))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("crypto.error.notEncrypted"));
    }

    @Test
    void streamsLargeBatchesInConstantMemory() throws Exception {
        int megabytes = 64;
        Path enc = dir.resolve("large.enc");
        byte[] block = new byte[1 << 20];
        new Random(5).nextBytes(block);
        long start = System.nanoTime();
        try (OutputStream out = BatchCrypto.encryptingStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(enc)), GENERAL.getPublic(), SIGNER)) {
            for (int i = 0; i < megabytes; i++) {
                out.write(block);
            }
        }
        long encrypted = System.nanoTime();
        long total = 0;
        try (InputStream in = BatchCrypto.verifiedDecryptingStream(enc, GENERAL, KNOWN)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
            }
        }
        long decrypted = System.nanoTime();
        assertThat(total).isEqualTo((long) megabytes << 20);
        System.out.printf("%d MB: encrypt %.0f MB/s, verify+decrypt (two passes) %.0f MB/s%n", megabytes,
                megabytes / ((encrypted - start) / 1e9), megabytes / ((decrypted - encrypted) / 1e9));
    }

    private Path encrypt(byte[] plain) throws IOException {
        Path enc = Files.createTempFile(dir, "batch", ".enc");
        try (OutputStream out = BatchCrypto.encryptingStream(Files.newOutputStream(enc), GENERAL.getPublic(),
                SIGNER)) {
            out.write(plain);
        }
        return enc;
    }

    private void assertRejected(byte[] content, String what) throws IOException {
        Path file = dir.resolve("tampered.enc");
        Files.write(file, content);
        assertThatThrownBy(() -> {
            try (InputStream in = BatchCrypto.verifiedDecryptingStream(file, GENERAL, KNOWN)) {
                in.readAllBytes();
            }
        }).as(what).isInstanceOf(CryptoException.class);
    }

    private static byte[] flip(byte[] file, int i) {
        byte[] copy = file.clone();
        copy[i] ^= 0x01;
        return copy;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
