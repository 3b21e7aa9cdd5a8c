package org.liaisondesk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liaisondesk.crypto.BatchCrypto;
import org.liaisondesk.crypto.CryptoException;
import org.liaisondesk.crypto.KeySeal;
import org.liaisondesk.crypto.Keys;
import org.liaisondesk.exchange.BatchKeys;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.AuditRepository;
import org.liaisondesk.store.KeyRepository;
import org.liaisondesk.store.KeyRepository.Protection;
import org.liaisondesk.store.KeyRepository.StoredKeyPair;
import org.liaisondesk.store.KeyRepository.TrustedKey;

/**
 * The keys behind encrypted batches. The general station generates an X25519 key pair and hands out its public
 * key file; stations import it and check its fingerprint by phone. Every installation signs its batches with its
 * own Ed25519 key, generated on first need; the general station imports each station's public key file. Private
 * keys are kept in the database sealed (AES-256-GCM) under a key derived (PBKDF2) from the key passphrase an
 * administrator chooses; they are unlocked once per session ({@link #unlock}) and only then usable, so a copy of
 * the file or a backup holds no usable private key. Keys written in plain by an older version are sealed at the
 * first unlock. See docs/batch-encryption.md, also for the recovery path when the passphrase is lost.
 */
public final class KeyService implements BatchKeys {

    static final String FORMAT = "liaison-desk-public-key";
    private static final String SIGNING = "signing";
    private static final String AGREEMENT = "agreement";
    private static final String GENERAL = "general";
    private static final String STATION = "station";
    private static final String GENERAL_SIGNING = "general-signing";
    private static final String STATION_AGREEMENT = "station-agreement";
    private static final String COMPANION = "companion";

    /**
     * A key as shown to people: whose, what for, and the fingerprint to compare; a key file carries a companion key
     * (the general station's signing key, a station's agreement key) whose fingerprint is compared too.
     */
    public record KeyInfo(String role, String owner, String name, String algorithm, String fingerprint,
                          String companionAlgorithm, String companionFingerprint) {
        public KeyInfo(String role, String owner, String name, String algorithm, String fingerprint) {
            this(role, owner, name, algorithm, fingerprint, null, null);
        }
    }

    /** A key file read: its key and, when it carries one, its companion key. */
    private record KeyFile(TrustedKey key, TrustedKey companion) {
    }

    private static final String KDF = "pbkdf2-sha256";
    private static final String CHECK = "check";
    private static final byte[] CHECK_TEXT = "liaison-desk key passphrase".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRepository keys;
    /** The key derived from the passphrase once unlocked in this session; null while locked. */
    private volatile byte[] unlocked;
    /** The derivation {@link #unlocked} came from: a restore or another process's passphrase change locks again. */
    private volatile String unlockedKdf;
    private final StationService stations;
    private final AuditRepository audit;
    private final ObjectMapper json;
    private final Clock clock;

    public KeyService(KeyRepository keys, StationService stations, AuditRepository audit, ObjectMapper json,
                      Clock clock) {
        this.keys = keys;
        this.stations = stations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** True once a key passphrase protects this installation's private keys. */
    public boolean hasPassphrase() {
        return keys.protection().isPresent();
    }

    /** True when the private keys are usable in this session (the passphrase was given). */
    public boolean isUnlocked() {
        return unlocked != null;
    }

    /**
     * Unlocks the private keys for this session. Without a passphrase yet, {@code passphrase} becomes it (the caller
     * checks that an administrator gives it) and every key held in plain is sealed under it; with one, a wrong
     * passphrase is refused and recorded in the audit log, and keys left in plain (an older version's) are sealed.
     */
    public void unlock(char[] passphrase, String actor) {
        Optional<Protection> protection = keys.protection();
        if (protection.isEmpty()) {
            protect(passphrase, actor, "key-protect");
            return;
        }
        byte[] key = derive(passphrase, protection.get().kdf());
        try {
            KeySeal.open(key, protection.get().check(), CHECK);
        } catch (CryptoException e) {
            audit.record(actor, "key-unlock-failed", null, null);
            throw e;
        }
        unlocked = key;
        unlockedKdf = protection.get().kdf();
        Map<String, byte[]> plain = new LinkedHashMap<>();
        for (StoredKeyPair pair : keys.keyPairs()) {
            if (!KeySeal.isSealed(pair.privateKey())) {
                plain.put(pair.purpose(), KeySeal.seal(key, pair.privateKey(), pair.purpose()));
            }
        }
        if (!plain.isEmpty()) {
            keys.protect(protection.get(), plain, actor, "key-protect");
        }
    }

    /**
     * Seals every private key under a new passphrase; unless unlocked already, the current one must be given (and be
     * right) when there is one.
     */
    public void changePassphrase(char[] current, char[] next, String actor) {
        if (keys.protection().isPresent() && !isUnlocked()) {
            unlock(current, actor);
        }
        protect(next, actor, "key-passphrase");
    }

    private void protect(char[] passphrase, String actor, String action) {
        String clean = passphrase == null ? "" : String.valueOf(passphrase).strip();
        if (clean.codePointCount(0, clean.length()) < UserService.MIN_PASSWORD) {
            throw new UserFacingException("keys.error.passphraseLength", UserService.MIN_PASSWORD);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String kdf = KDF + "$" + PasswordHasher.configuredIterations() + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(salt);
        byte[] key = derive(passphrase, kdf);
        Map<String, byte[]> sealed = new LinkedHashMap<>();
        for (StoredKeyPair pair : keys.keyPairs()) {
            sealed.put(pair.purpose(), KeySeal.seal(key, plainPrivateKey(pair), pair.purpose()));
        }
        keys.protect(new Protection(kdf, KeySeal.seal(key, CHECK_TEXT, CHECK), clock.instant()), sealed, actor,
                action);
        unlocked = key;
        unlockedKdf = kdf;
    }

    private static byte[] derive(char[] passphrase, String kdf) {
        String[] parts = kdf.split("\\$");
        if (parts.length != 3 || !KDF.equals(parts[0])) {
            throw new CryptoException("keys.error.passphrase");
        }
        char[] clean = String.valueOf(passphrase == null ? new char[0] : passphrase).strip().toCharArray();
        return PasswordHasher.derive(clean, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]),
                KEY_BITS);
    }

    /** A private key as PKCS#8, which needs the keys unlocked (a key in plain from an older version too). */
    private byte[] plainPrivateKey(StoredKeyPair pair) {
        byte[] key = unlocked;
        if (!KeySeal.isSealed(pair.privateKey())) {
            if (key == null && keys.protection().isPresent()) {
                throw new UserFacingException("keys.error.locked");
            }
            return pair.privateKey();
        }
        if (key == null) {
            throw new UserFacingException("keys.error.locked");
        }
        return KeySeal.open(key, pair.privateKey(), pair.purpose());
    }

    /** A private key for use: always after this session's unlock, even one an older version left in plain. */
    private byte[] usable(StoredKeyPair pair) {
        requireUnlocked();
        return plainPrivateKey(pair);
    }

    private byte[] requireUnlocked() {
        byte[] key = unlocked;
        if (key != null && !keys.protection().map(Protection::kdf).orElse("").equals(unlockedKdf)) {
            unlocked = null; // the database was restored or its passphrase changed meanwhile: ask again
            key = null;
        }
        if (key == null) {
            throw new UserFacingException("keys.error.locked");
        }
        return key;
    }

    /** At the general station: its X25519 key pair, created once; an existing pair is kept. Returns its info. */
    public KeyInfo generateGeneral(String actor) {
        Station s = station();
        if (s.mode() != StationMode.GENERAL) {
            throw new UserFacingException("keys.error.notGeneral", s.code());
        }
        StoredKeyPair pair = ownPair(AGREEMENT, Keys.AGREEMENT, actor);
        Optional<StoredKeyPair> signing = companionPair(SIGNING, Keys.SIGNING, actor);
        return new KeyInfo("own-agreement", s.code(), s.name(), Keys.AGREEMENT, Keys.fingerprint(pair.publicKey()),
                signing.map(StoredKeyPair::algorithm).orElse(null),
                signing.map(p -> Keys.fingerprint(p.publicKey())).orElse(null));
    }

    /**
     * The companion pair a key file carries (the general station's signing pair, a station's agreement pair):
     * the stored one, or a new one when the keys are unlocked; empty while locked and none exists yet.
     */
    private Optional<StoredKeyPair> companionPair(String purpose, String algorithm, String actor) {
        Optional<StoredKeyPair> existing = keys.keyPair(purpose);
        if (existing.isPresent() || !isUnlocked()) {
            return existing;
        }
        return Optional.of(ownPair(purpose, algorithm, actor));
    }

    /**
     * Writes this installation's public key file: at the general station its agreement key (for stations to
     * encrypt to), at a station its signing key (for the general station to check signatures).
     */
    public KeyInfo exportPublic(Path out, String actor) {
        Station s = station();
        boolean general = s.mode() == StationMode.GENERAL;
        StoredKeyPair pair = general
                ? keys.keyPair(AGREEMENT).orElseThrow(() -> new UserFacingException("keys.error.noOwnGeneralKey"))
                : ownPair(SIGNING, Keys.SIGNING, actor);
        ObjectNode doc = json.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        doc.put("kind", general ? GENERAL : STATION);
        doc.put("station", s.code());
        doc.put("name", s.name());
        doc.put("algorithm", pair.algorithm());
        doc.put("publicKey", Base64.getEncoder().encodeToString(pair.publicKey()));
        String fingerprint = Keys.fingerprint(pair.publicKey());
        doc.put("fingerprint", fingerprint);
        Optional<StoredKeyPair> companion = general ? companionPair(SIGNING, Keys.SIGNING, actor)
                : companionPair(AGREEMENT, Keys.AGREEMENT, actor);
        companion.ifPresent(c -> {
            ObjectNode o = doc.putObject(COMPANION);
            o.put("algorithm", c.algorithm());
            o.put("publicKey", Base64.getEncoder().encodeToString(c.publicKey()));
            o.put("fingerprint", Keys.fingerprint(c.publicKey()));
        });
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
        } catch (IOException e) {
            throw new UserFacingException("keys.error.write", e, out);
        }
        audit.record(actor, "key-export", null, doc.get("kind").asText() + " " + fingerprint
                + companion.map(c -> " + " + Keys.fingerprint(c.publicKey())).orElse("") + " " + out);
        return new KeyInfo(general ? "own-agreement" : "own-signing", s.code(), s.name(), pair.algorithm(),
                fingerprint, companion.map(StoredKeyPair::algorithm).orElse(null),
                companion.map(c -> Keys.fingerprint(c.publicKey())).orElse(null));
    }

    /** At a station: trusts the general station's key file (replacing an earlier one); returns what to check. */
    public KeyInfo importGeneral(Path file, String actor) {
        if (station().mode() == StationMode.GENERAL) {
            throw new UserFacingException("keys.error.isGeneral");
        }
        KeyFile read = readKeyFile(file, GENERAL, Keys.AGREEMENT, actor);
        keys.replaceGeneral(read.key(), read.companion());
        return info(read);
    }

    /** At the general station: trusts a station's signing key file; returns what to check by phone. */
    public KeyInfo importStation(Path file, String actor) {
        if (station().mode() != StationMode.GENERAL) {
            throw new UserFacingException("keys.error.notGeneral", station().code());
        }
        KeyFile read = readKeyFile(file, STATION, Keys.SIGNING, actor);
        keys.trust(read.key(), read.companion());
        return info(read);
    }

    /** Own keys first, then trusted ones. */
    public List<KeyInfo> show() {
        List<KeyInfo> out = new ArrayList<>();
        String code = stations.current().map(Station::code).orElse(StationService.PROVISIONAL_CODE);
        keys.keyPair(AGREEMENT).ifPresent(p -> out.add(new KeyInfo("own-agreement", code, null, p.algorithm(),
                Keys.fingerprint(p.publicKey()))));
        keys.keyPair(SIGNING).ifPresent(p -> out.add(new KeyInfo("own-signing", code, null, p.algorithm(),
                Keys.fingerprint(p.publicKey()))));
        keys.trustedList(GENERAL).forEach(k -> out.add(info(k)));
        keys.trustedList(GENERAL_SIGNING).forEach(k -> out.add(info(k)));
        keys.trustedList(STATION).forEach(k -> out.add(info(k)));
        keys.trustedList(STATION_AGREEMENT).forEach(k -> out.add(info(k)));
        return out;
    }

    /** True at a station that has the general station's key: its batches are then written encrypted. */
    @Override
    public boolean encryptsBatches() {
        return keys.trustedGeneral().isPresent();
    }

    /** At a station: the fingerprint of the general station's key its batches are encrypted for, if it has one. */
    public Optional<String> generalKeyFingerprint() {
        return keys.trustedGeneral().map(TrustedKey::fingerprint);
    }

    /** At a station: checks an encrypted batch it has just written, read back from the medium. */
    @Override
    public void verifyWritten(Path file, String actor) {
        BatchCrypto.verifyWritten(file, generalKey(), signer(actor));
    }

    /**
     * For the batch writer at a station: wraps the batch file's stream so what is written is encrypted for the
     * general station and signed by this station when closed.
     */
    @Override
    public OutputStream encryptForGeneral(OutputStream out, String actor) {
        return BatchCrypto.encryptingStream(out, generalKey(), signer(actor));
    }

    /**
     * For the batch reader at the general station: verifies the whole file (recipient, signer, every tag, the
     * signature) and only then streams its plaintext.
     */
    @Override
    public BatchCrypto.Decrypted openVerified(Path file) {
        return BatchCrypto.verifiedDecryptingStream(file, ownAgreementKeys(), signerDirectory());
    }

    public void encryptFile(Path plain, Path encrypted, String actor) {
        BatchCrypto.encryptFile(plain, encrypted, generalKey(), signer(actor));
    }

    public BatchCrypto.Origin decryptFile(Path encrypted, Path plain) {
        return BatchCrypto.decryptFile(encrypted, plain, ownAgreementKeys(), signerDirectory());
    }

    private PublicKey generalKey() {
        TrustedKey general = keys.trustedGeneral()
                .orElseThrow(() -> new UserFacingException("keys.error.noGeneralKey"));
        return Keys.publicKey(Keys.AGREEMENT, general.publicKey());
    }

    private BatchCrypto.Signer signer(String actor) {
        StoredKeyPair pair = ownPair(SIGNING, Keys.SIGNING, actor);
        return new BatchCrypto.Signer(stations.codeForNewOpinions(), new KeyPair(
                Keys.publicKey(Keys.SIGNING, pair.publicKey()), Keys.privateKey(Keys.SIGNING, usable(pair))));
    }

    private KeyPair ownAgreementKeys() {
        StoredKeyPair pair = keys.keyPair(AGREEMENT)
                .orElseThrow(() -> new UserFacingException("keys.error.noOwnGeneralKey"));
        return new KeyPair(Keys.publicKey(Keys.AGREEMENT, pair.publicKey()),
                Keys.privateKey(Keys.AGREEMENT, usable(pair)));
    }

    private BatchCrypto.SignerDirectory signerDirectory() {
        return code -> keys.trusted(STATION, code).map(k -> Keys.publicKey(Keys.SIGNING, k.publicKey()));
    }

    private StoredKeyPair ownPair(String purpose, String algorithm, String actor) {
        Optional<StoredKeyPair> existing = keys.keyPair(purpose);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = requireUnlocked();
        KeyPair fresh = Keys.generate(algorithm);
        return keys.addKeyPairIfAbsent(new StoredKeyPair(purpose, algorithm, fresh.getPublic().getEncoded(),
                KeySeal.seal(key, fresh.getPrivate().getEncoded(), purpose), clock.instant()), Keys.fingerprint(fresh.getPublic().getEncoded()),
                actor);
    }

    /** At the general station: whether {@code station}'s agreement key is registered (its return batches are sealed). */
    @Override
    public boolean encryptsReturnBatchesFor(String station) {
        return keys.trusted(STATION_AGREEMENT, station).isPresent();
    }

    /** At the general station: encrypted for {@code station}'s agreement key, signed by the general station. */
    @Override
    public OutputStream encryptForStation(OutputStream out, String station, String actor) {
        return BatchCrypto.encryptingStream(out, stationAgreementKey(station), signer(actor));
    }

    /** At the general station: checks a return batch it has just written, read back from the medium. */
    @Override
    public void verifyWrittenForStation(Path file, String station, String actor) {
        BatchCrypto.verifyWritten(file, stationAgreementKey(station), signer(actor));
    }

    /** At a station: whether the general station's signing key is registered (its return batches must be signed). */
    @Override
    public boolean generalSigningKeyRegistered() {
        return !keys.trustedList(GENERAL_SIGNING).isEmpty();
    }

    /** At a station: verifies a return batch (this station's key, the general station's signature), then streams. */
    @Override
    public BatchCrypto.Decrypted openReturnBatch(Path file) {
        StoredKeyPair pair = keys.keyPair(AGREEMENT)
                .orElseThrow(() -> new UserFacingException("loop.keys.error.noOwnAgreementKey"));
        KeyPair own = new KeyPair(Keys.publicKey(Keys.AGREEMENT, pair.publicKey()),
                Keys.privateKey(Keys.AGREEMENT, usable(pair)));
        return BatchCrypto.verifiedDecryptingStream(file, own,
                code -> keys.trusted(GENERAL_SIGNING, code).map(k -> Keys.publicKey(Keys.SIGNING, k.publicKey())));
    }

    private PublicKey stationAgreementKey(String station) {
        TrustedKey key = keys.trusted(STATION_AGREEMENT, station)
                .orElseThrow(() -> new UserFacingException("loop.keys.error.noStationAgreementKey", station));
        return Keys.publicKey(Keys.AGREEMENT, key.publicKey());
    }

    @Override
    public boolean stationKeyRegistered(String station) {
        return keys.trusted(STATION, station).isPresent();
    }

    @Override
    public boolean anyStationKeyRegistered() {
        return !keys.trustedList(STATION).isEmpty();
    }

    private KeyFile readKeyFile(Path file, String kind, String algorithm, String actor) {
        JsonNode doc;
        try {
            doc = json.readTree(file.toFile());
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new UserFacingException("keys.error.noFile", e, file);
        } catch (IOException e) {
            throw new UserFacingException("keys.error.badFile", e, file);
        }
        if (doc == null || !FORMAT.equals(doc.path("format").asText())) {
            throw new UserFacingException("keys.error.badFile", file);
        }
        if (!kind.equals(doc.path("kind").asText())) {
            throw new UserFacingException(GENERAL.equals(kind) ? "keys.error.notAGeneralKey"
                    : "keys.error.notAStationKey", file);
        }
        if (!algorithm.equals(doc.path("algorithm").asText()) || !doc.path("station").isTextual()
                || !doc.path("publicKey").isTextual()) {
            throw new UserFacingException("keys.error.badFile", file);
        }
        String owner = doc.path("station").asText();
        if (!Station.isValidCode(owner)) {
            throw new UserFacingException("keys.error.badFile", file);
        }
        TrustedKey key = trustedKey(doc, file, kind, algorithm, owner, actor);
        TrustedKey companion = null;
        if (doc.has(COMPANION)) {
            JsonNode c = doc.get(COMPANION);
            String companionAlgorithm = GENERAL.equals(kind) ? Keys.SIGNING : Keys.AGREEMENT;
            if (!companionAlgorithm.equals(c.path("algorithm").asText()) || !c.path("publicKey").isTextual()) {
                throw new UserFacingException("keys.error.badFile", file);
            }
            companion = trustedKey(c, file, GENERAL.equals(kind) ? GENERAL_SIGNING : STATION_AGREEMENT,
                    companionAlgorithm, owner, actor);
            companion = new TrustedKey(companion.kind(), owner, doc.path("name").asText(null),
                    companion.algorithm(), companion.publicKey(), companion.fingerprint(), companion.addedAt(),
                    actor);
        }
        return new KeyFile(key, companion);
    }

    /** One public key of a key file ({@code node}: the file or its companion), its fingerprint recomputed. */
    private TrustedKey trustedKey(JsonNode node, Path file, String kind, String algorithm, String owner,
                                  String actor) {
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(node.path("publicKey").asText());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("keys.error.badFile", e, file);
        }
        Keys.publicKey(algorithm, encoded);
        String fingerprint = Keys.fingerprint(encoded);
        if (!fingerprint.equals(node.path("fingerprint").asText())) {
            throw new UserFacingException("keys.error.fingerprint", file);
        }
        return new TrustedKey(kind, owner, node.path("name").asText(null), algorithm, encoded, fingerprint,
                clock.instant(), actor);
    }

    private static KeyInfo info(TrustedKey k) {
        return new KeyInfo("trusted-" + k.kind(), k.owner(), k.name(), k.algorithm(), k.fingerprint());
    }

    private static KeyInfo info(KeyFile f) {
        TrustedKey k = f.key();
        TrustedKey c = f.companion();
        return new KeyInfo("trusted-" + k.kind(), k.owner(), k.name(), k.algorithm(), k.fingerprint(),
                c == null ? null : c.algorithm(), c == null ? null : c.fingerprint());
    }

    private Station station() {
        return stations.current().orElseThrow(() -> new UserFacingException("keys.error.noStation"));
    }
}
