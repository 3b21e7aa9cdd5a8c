package org.liaisondesk.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Key pairs from the JDK alone: X25519 to agree on a batch key with the general station, Ed25519 for a station's
 * signature. Keys travel and are stored as their standard X.509 (public) and PKCS#8 (private) encodings.
 */
public final class Keys {

    public static final String AGREEMENT = "X25519";
    public static final String SIGNING = "Ed25519";

    private Keys() {
    }

    public static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks " + algorithm, e);
        }
    }

    /** A public key from its X.509 encoding; a damaged or wrong-type key gives a clear message. */
    public static PublicKey publicKey(String algorithm, byte[] x509) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("crypto.error.badKey", e, algorithm);
        }
    }

    public static PrivateKey privateKey(String algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("crypto.error.badKey", e, algorithm);
        }
    }

    /** SHA-256 of the public key's X.509 encoding: what the envelope names and what people compare. */
    public static byte[] fingerprintBytes(byte[] x509) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint as 16 groups of 4 hex digits, e.g. "3F2A 91C0 ...", easy to read out over the phone. */
    public static String fingerprint(byte[] x509) {
        return grouped(fingerprintBytes(x509));
    }

    static String grouped(byte[] digest) {
        String hex = HexFormat.of().withUpperCase().formatHex(digest);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, Math.min(i + 4, hex.length()));
        }
        return out.toString();
    }
}
