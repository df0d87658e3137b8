package org.jiandu.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reference vectors of RFC 6962 / RFC 9162 as Certificate Transparency publishes them, and proofs of every shape. */
class MerkleTest {
    private static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).map(Merkle::leafHash).toList();
    private static final String[] CT_ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> hexes(String... h) {
        return List.of(h).stream().map(HEX::parseHex).toList();
    }

    @Test
    void rootsAreThoseOfTheReferenceForEverySize() {
        CompactRange range = new CompactRange();
        assertEquals(CT_ROOTS[0], HEX.formatHex(range.root()));
        for (int n = 1; n <= 8; n++) {
            assertEquals(CT_ROOTS[n], HEX.formatHex(Merkle.root(CT_LEAVES.subList(0, n))), "size " + n);
            range.append(CT_LEAVES.get(n - 1));
            assertEquals(CT_ROOTS[n], HEX.formatHex(range.root()), "compact range, size " + n);
        }
    }

    @Test
    void referenceInclusionAndConsistencyProofsVerify() {
        byte[] root8 = HEX.parseHex(CT_ROOTS[8]);
        assertTrue(Merkle.verifyInclusion(0, 8, CT_LEAVES.get(0), hexes(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"), root8));
        List<byte[]> proof5 = hexes("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertTrue(Merkle.verifyInclusion(5, 8, CT_LEAVES.get(5), proof5, root8));
        assertFalse(Merkle.verifyInclusion(4, 8, CT_LEAVES.get(5), proof5, root8), "another index");
        assertFalse(Merkle.verifyInclusion(5, 8, CT_LEAVES.get(4), proof5, root8), "another leaf");
        assertTrue(Merkle.verifyConsistency(2, 8, HEX.parseHex(CT_ROOTS[2]), root8, hexes(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")));
        List<byte[]> c68 = hexes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertTrue(Merkle.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS[6]), root8, c68));
        assertFalse(Merkle.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS[5]), root8, c68), "another old root");
        assertFalse(Merkle.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS[6]), HEX.parseHex(CT_ROOTS[7]), c68));
        assertFalse(Merkle.verifyConsistency(6, 8, HEX.parseHex(CT_ROOTS[6]), root8, c68.subList(0, 2)), "cut");
        assertTrue(Merkle.verifyConsistency(0, 8, Merkle.emptyRoot(), root8, List.of()));
        assertTrue(Merkle.verifyConsistency(8, 8, root8, root8, List.of()));
        assertFalse(Merkle.verifyConsistency(8, 8, root8, HEX.parseHex(CT_ROOTS[7]), List.of()));
    }

    @Test
    void theCompactRangeNamesTheNodesItCompletes() {
        CompactRange range = new CompactRange();
        range.append(CT_LEAVES.get(0));
        List<byte[]> completed = range.append(CT_LEAVES.get(1));
        assertEquals(1, completed.size());
        assertArrayEquals(Merkle.root(CT_LEAVES.subList(0, 2)), completed.get(0));
        range.append(CT_LEAVES.get(2));
        completed = range.append(CT_LEAVES.get(3));
        assertEquals(2, completed.size(), "level 1 over leaves 2–3, level 2 over 0–3");
        assertArrayEquals(Merkle.root(CT_LEAVES.subList(2, 4)), completed.get(0));
        assertArrayEquals(Merkle.root(CT_LEAVES.subList(0, 4)), completed.get(1));
        CompactRange resumed = new CompactRange(range.size(), range.peaks());
        resumed.append(CT_LEAVES.get(4));
        assertEquals(CT_ROOTS[5], HEX.formatHex(resumed.root()));
    }

    /** Tests of a tree of many leaves: the proofs that {@link ProofsForTest} builds by the RFC's definitions. */
    @Test
    void proofsOfEveryShapeVerifyAndAnyChangeBreaksThem() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(Merkle.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        int checked = 0;
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = Merkle.root(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> path = ProofsForTest.path(i, leaves.subList(0, n));
                assertTrue(Merkle.verifyInclusion(i, n, leaves.get(i), path, root), i + " of " + n);
                if (!path.isEmpty()) {
                    List<byte[]> bad = new ArrayList<>(path);
                    byte[] flipped = bad.get(0).clone();
                    flipped[3] ^= 1;
                    bad.set(0, flipped);
                    assertFalse(Merkle.verifyInclusion(i, n, leaves.get(i), bad, root));
                }
                checked++;
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = ProofsForTest.consistency(m, leaves.subList(0, n));
                assertTrue(Merkle.verifyConsistency(m, n, Merkle.root(leaves.subList(0, m)), root, proof),
                        m + " to " + n);
                if (m < n) {
                    byte[] other = Merkle.root(leaves.subList(1, m + 1));
                    assertFalse(Merkle.verifyConsistency(m, n, other, root, proof), "another old tree");
                }
            }
        }
        assertEquals(820, checked);
    }
}
