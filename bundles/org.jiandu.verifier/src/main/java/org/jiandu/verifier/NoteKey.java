package org.jiandu.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed-note verifier key (C2SP signed-note): a key name, a signature type and a public key, written
 * {@code <name>+<hex key id>+<base64(type || public key)>}, where the key id is the first four bytes of
 * {@code SHA-256(name || 0x0A || type || public key)}.
 *
 * <p>Two algorithms: {@link Algorithm#ED25519} (type {@code 0x01}, the 32-byte RFC 8032 key: what every C2SP
 * verifier reads) and {@link Algorithm#SM2} (SM2 with SM3, GB/T 32918 and GB/T 32905, for reviews under 等保 and
 * 密评; the spec defines no byte for it, so its type is {@code 0xff} followed by the ASCII label
 * {@code jiandu-sm2-sm3}, as the spec leaves {@code 0xff} to such extensions, and its public key is the X.509
 * SubjectPublicKeyInfo; it needs Bouncy Castle).
 */
public final class NoteKey {
    /** The signature algorithms of Jiandu's checkpoints. */
    public enum Algorithm {
        ED25519(new byte[] {0x01}),
        SM2(concat(new byte[] {(byte) 0xff}, "jiandu-sm2-sm3".getBytes(StandardCharsets.US_ASCII)));

        private final byte[] type;

        Algorithm(byte[] type) {
            this.type = type;
        }

        byte[] type() {
            return type.clone();
        }
    }

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final Algorithm algorithm;
    private final byte[] publicKey;
    private final byte[] keyId;

    /** {@code publicKey}: the 32 raw bytes for Ed25519, the X.509 SubjectPublicKeyInfo for SM2. */
    public NoteKey(String name, Algorithm algorithm, byte[] publicKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("A key name is non-empty, without spaces or '+': " + name);
        }
        if (algorithm == Algorithm.ED25519 && publicKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        this.name = name;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        MessageDigest md = Merkle.sha256();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x0a);
        md.update(algorithm.type);
        md.update(publicKey);
        this.keyId = Arrays.copyOf(md.digest(), 4);
    }

    /** Parses {@code <name>+<hex key id>+<base64(type || key)>}; IllegalArgumentException when it is not one. */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A verifier key is <name>+<key id>+<key>, not " + vkey);
        }
        byte[] raw = Base64.getDecoder().decode(parts[2]);
        NoteKey key = null;
        for (Algorithm a : Algorithm.values()) {
            byte[] t = a.type;
            if (raw.length > t.length && Arrays.equals(Arrays.copyOf(raw, t.length), t)) {
                key = new NoteKey(parts[0], a, Arrays.copyOfRange(raw, t.length, raw.length));
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("Unknown signature type in verifier key " + vkey);
        }
        if (!key.keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("The key id " + parts[1] + " does not match the key (" + key.keyIdHex()
                    + "): the verifier key was altered");
        }
        return key;
    }

    public String name() {
        return name;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] keyId() {
        return keyId.clone();
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** The same public key under another name (a key id is per name: another log signed with the same key). */
    public NoteKey renamed(String otherName) {
        return new NoteKey(otherName, algorithm, publicKey);
    }

    /** The verifier key text. */
    public String encode() {
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(concat(algorithm.type, publicKey));
    }

    @Override
    public String toString() {
        return encode();
    }

    /** The JCA public key (SM2 needs Bouncy Castle on the class path). */
    public PublicKey javaKey() throws GeneralSecurityException {
        if (algorithm == Algorithm.ED25519) {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX,
                    publicKey)));
        }
        return KeyFactory.getInstance("EC", Sm2.provider()).generatePublic(new X509EncodedKeySpec(publicKey));
    }

    /** The JCA signature algorithm for this key. */
    public Signature signature() throws GeneralSecurityException {
        return algorithm == Algorithm.ED25519 ? Signature.getInstance("Ed25519")
                : Signature.getInstance("SM3withSM2", Sm2.provider());
    }

    /** Whether {@code signature} signs {@code message} under this key; false for anything malformed. */
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = signature();
            s.initVerify(javaKey());
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The raw 32-byte key of an X.509-encoded Ed25519 public key (the JDK's {@code getEncoded()}). */
    public static byte[] rawEd25519(byte[] spki) {
        if (spki.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
            throw new IllegalArgumentException("Not an X.509 Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
