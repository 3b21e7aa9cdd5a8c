package org.liaisondesk.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, salted, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the
 * iteration count can be raised later: older hashes still verify and are re-hashed at the next login.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Test suites lower the cost with this system property (never below {@value #MIN_ITERATIONS}). */
    public static final String ITERATIONS_PROPERTY = "liaisondesk.pbkdf2.iterations";
    private static final int MIN_ITERATIONS = 1000;

    private final int iterations;

    /** {@link #DEFAULT_ITERATIONS}, or the {@value #ITERATIONS_PROPERTY} system property where a test set it. */
    public static int configuredIterations() {
        try {
            return Math.max(MIN_ITERATIONS, Integer.parseInt(System.getProperty(ITERATIONS_PROPERTY,
                    String.valueOf(DEFAULT_ITERATIONS))));
        } catch (NumberFormatException e) {
            return DEFAULT_ITERATIONS;
        }
    }

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    /** Constant-time comparison; a malformed stored value never matches. */
    public boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(derive(password, salt, n), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the stored hash used fewer iterations than this hasher: re-hash after a successful login. */
    public boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Spends the same time as a real check, so an unknown name cannot be told from a wrong password by timing. */
    public void dummyVerify(char[] password) {
        derive(password, "timing-equaliser".getBytes(StandardCharsets.US_ASCII), iterations);
    }

    /** PBKDF2-HMAC-SHA256 of {@code password}: {@code bits} of key material (also for the key passphrase). */
    public static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        return derive(password, salt, iterations, HASH_BITS);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
