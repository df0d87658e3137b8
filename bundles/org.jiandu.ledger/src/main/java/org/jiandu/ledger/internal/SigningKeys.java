package org.jiandu.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jiandu.verifier.NoteKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's signing keys, in a PKCS#12 keystore outside the database (by default
 * {@code etc/jiandu-ledger-signing.p12}). The key of alias {@code key.alias} signs; every other private-key entry
 * of the keystore is kept to verify the checkpoints it signed before a rotation. When the keystore does not exist it
 * is created with one new key of the configured algorithm, readable by the file's owner only, and that is logged
 * at WARN with the verifier key; the verifier key of the signing key is also written next to it
 * ({@code jiandu-ledger-signing.vkey}) for whoever checks checkpoints.
 */
final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    /** A key of the keystore: its alias and its verifier key. */
    record Entry(String alias, NoteKey verifier, PrivateKey privateKey) {
    }

    private final Provider bc = new BouncyCastleProvider();
    private final Map<String, Entry> byKeyId = new LinkedHashMap<>();
    private final Entry signing;

    /**
     * Opens (or creates) {@code keystore}; {@code name} is the key name (the checkpoints' origin), {@code algorithm}
     * the one a new key gets.
     */
    SigningKeys(Path keystore, char[] password, String alias, String name, NoteKey.Algorithm algorithm)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12", bc);
        if (Files.exists(keystore)) {
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
        } else {
            ks.load(null, password);
        }
        if (!ks.isKeyEntry(alias)) {
            generate(ks, alias, name, algorithm, password);
            Path tmp = keystore.resolveSibling(keystore.getFileName() + ".tmp");
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            ownerOnly(tmp);
            Files.move(tmp, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                Entry e = new Entry(a, verifierKey(name, ks.getCertificate(a).getPublicKey()),
                        (PrivateKey) ks.getKey(a, password));
                byKeyId.put(e.verifier().keyIdHex(), e);
            }
        }
        signing = byKeyId.values().stream().filter(e -> e.alias().equals(alias)).findFirst().orElseThrow();
        Path vkey = keystore.resolveSibling(stem(keystore) + ".vkey");
        String text = signing.verifier().encode() + "\n";
        if (!Files.exists(vkey) || !Files.readString(vkey, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(vkey, text, StandardCharsets.UTF_8);
        }
    }

    private void generate(KeyStore ks, String alias, String name, NoteKey.Algorithm algorithm, char[] password)
            throws GeneralSecurityException, IOException {
        KeyPair pair;
        String certAlgorithm;
        if (algorithm == NoteKey.Algorithm.SM2) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", bc);
            g.initialize(new ECGenParameterSpec("sm2p256v1"));
            pair = g.generateKeyPair();
            certAlgorithm = "SM3withSM2";
        } else {
            pair = KeyPairGenerator.getInstance("Ed25519", bc).generateKeyPair();
            certAlgorithm = "Ed25519";
        }
        // PKCS#12 keeps a private key with a certificate: a self-signed one, which nothing else relies on
        X500Name subject = new X500Name("CN=" + name.replaceAll("[,=+<>#;\"\\\\]", "_"));
        Instant now = Instant.now();
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(new JcaX509v3CertificateBuilder(
                    subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now),
                    Date.from(now.plus(Duration.ofDays(36500))), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder(certAlgorithm).setProvider(bc).build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot make the key's certificate", e);
        }
        ks.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {cert});
        LOG.warn("*** Generated a new ledger signing key ({}, alias {}): no keystore with that alias was configured. "
                + "Back up the keystore, keep it off the database's machine, and give this verifier key to whoever "
                + "checks the ledger's checkpoints: {} ***", algorithm, alias, verifierKey(name, pair.getPublic()));
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("Could not make {} readable by its owner only: {}", file, e.toString());
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static NoteKey verifierKey(String name, PublicKey key) {
        if (key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA")) {
            return new NoteKey(name, NoteKey.Algorithm.ED25519, NoteKey.rawEd25519(key.getEncoded()));
        }
        return new NoteKey(name, NoteKey.Algorithm.SM2, key.getEncoded());
    }

    NoteKey signingKey() {
        return signing.verifier();
    }

    /** Every key of the keystore, the signing one first. */
    List<NoteKey> all() {
        List<NoteKey> out = new ArrayList<>();
        out.add(signing.verifier());
        byKeyId.values().stream().filter(e -> e != signing).forEach(e -> out.add(e.verifier()));
        return out;
    }

    /**
     * The key of the keystore that signed as {@code keyName} with key id {@code keyIdHex} (a key id depends on the
     * name, which is the log's origin at the time: a renamed origin still finds its older checkpoints' key), or null.
     */
    NoteKey find(String keyName, String keyIdHex) {
        for (Entry e : byKeyId.values()) {
            NoteKey k = e.verifier().renamed(keyName);
            if (k.keyIdHex().equals(keyIdHex)) {
                return k;
            }
        }
        return null;
    }

    byte[] sign(byte[] message) throws GeneralSecurityException {
        Signature s = signing.verifier().algorithm() == NoteKey.Algorithm.SM2
                ? Signature.getInstance("SM3withSM2", bc) : Signature.getInstance("Ed25519", bc);
        s.initSign(signing.privateKey());
        s.update(message);
        return s.sign();
    }
}
