package org.liaisondesk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A private key at rest: AES-256-GCM under a key derived from the key passphrase (the caller derives it), laid out
 * as {@code "LDK1" | 12-byte nonce | ciphertext and tag}; what it protects ({@code purpose}) is bound in as
 * associated data, so a sealed signing key cannot be passed off as the agreement key. A plain PKCS#8 encoding
 * starts with 0x30, never with the magic, so sealed and legacy plain keys are told apart.
 */
public final class KeySeal {

    private static final byte[] MAGIC = "LDK1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySeal() {
    }

    public static boolean isSealed(byte[] blob) {
        return blob != null && blob.length > MAGIC.length + NONCE
                && Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public static byte[] seal(byte[] key, byte[] plain, String purpose) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, plain, purpose);
        byte[] out = new byte[MAGIC.length + NONCE + sealed.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(nonce, 0, out, MAGIC.length, NONCE);
        System.arraycopy(sealed, 0, out, MAGIC.length + NONCE, sealed.length);
        return out;
    }

    /** The plain key; a wrong passphrase (or an altered blob) is refused with a message, never a half key. */
    public static byte[] open(byte[] key, byte[] blob, String purpose) {
        if (!isSealed(blob)) {
            throw new CryptoException("keys.error.passphrase");
        }
        byte[] nonce = Arrays.copyOfRange(blob, MAGIC.length, MAGIC.length + NONCE);
        return run(Cipher.DECRYPT_MODE, key, nonce, Arrays.copyOfRange(blob, MAGIC.length + NONCE, blob.length),
                purpose);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] input, String purpose) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new CryptoException("keys.error.passphrase", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
