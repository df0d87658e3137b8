package org.jiandu.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    private static String sign(Checkpoint c, KeyPair pair, NoteKey key) throws Exception {
        Signature s = key.signature();
        s.initSign(pair.getPrivate());
        s.update(c.body().getBytes(StandardCharsets.UTF_8));
        return c.note(key, s.sign());
    }

    @Test
    void anEd25519CheckpointOpensWithItsKeyOnlyAndInTheC2spFormat() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKey key = new NoteKey("court.example/jiandu", NoteKey.Algorithm.ED25519,
                NoteKey.rawEd25519(pair.getPublic().getEncoded()));
        Checkpoint c = new Checkpoint("court.example/jiandu", 8, MerkleTest.CT_LEAVES.get(3), T);
        String note = sign(c, pair, key);
        String[] lines = note.split("\n");
        assertEquals("court.example/jiandu", lines[0]);
        assertEquals("8", lines[1]);
        assertEquals(Base64.getEncoder().encodeToString(c.root()), lines[2]);
        assertEquals("time 2026-12-01T08:00:00Z", lines[3]);
        assertEquals("", lines[4]);
        assertTrue(lines[5].startsWith("\u2014 court.example/jiandu "));
        assertEquals(4 + 64, Base64.getDecoder().decode(lines[5].split(" ")[2]).length, "key id and signature");

        Checkpoint opened = Checkpoint.open(note, NoteKey.parse(key.encode()));
        assertEquals(8, opened.size());
        assertEquals(T, opened.time());

        String altered = note.replaceFirst("\n8\n", "\n7\n");
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.open(altered, key));
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteKey otherKey = new NoteKey("court.example/jiandu", NoteKey.Algorithm.ED25519,
                NoteKey.rawEd25519(other.getPublic().getEncoded()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.open(note, otherKey));
        assertTrue(e.getMessage().contains("no signature of key"), e.getMessage());
        String keyText = key.encode();
        String badId = keyText.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThrows(IllegalArgumentException.class, () -> NoteKey.parse(badId));
    }

    @Test
    void anSm2CheckpointOpensThroughBouncyCastle() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Sm2.provider());
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = g.generateKeyPair();
        NoteKey key = new NoteKey("court.example/jiandu", NoteKey.Algorithm.SM2, pair.getPublic().getEncoded());
        Checkpoint c = new Checkpoint("court.example/jiandu", 3, MerkleTest.CT_LEAVES.get(1), T);
        String note = sign(c, pair, key);
        assertEquals(3, Checkpoint.open(note, NoteKey.parse(key.encode())).size());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.open(note.replace("\n3\n", "\n4\n"), key));
    }
}
