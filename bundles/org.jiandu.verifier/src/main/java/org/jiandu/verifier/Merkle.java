package org.jiandu.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 §2.1 (Certificate Transparency 2.0, the same as RFC 6962's): SHA-256, leaves
 * hashed as {@code H(0x00 || data)}, interior nodes as {@code H(0x01 || left || right)}, a tree of n leaves split at
 * the largest power of two below n. The verification algorithms are those of RFC 9162 §2.1.3.2 (inclusion) and
 * §2.1.4.2 (consistency), as Trillian and Sigstore Rekor implement them.
 */
public final class Merkle {
    /** The length of every hash, in bytes. */
    public static final int HASH_SIZE = 32;

    private Merkle() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest md = sha256();
        md.update((byte) 0);
        md.update(data);
        return md.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** The root of the tree of an empty list: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root over {@code leafHashes} by the definition (recursive; for tests and small trees). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return nodeHash(root(leafHashes.subList(0, k)), root(leafHashes.subList(k, leafHashes.size())));
    }

    /**
     * Checks that the leaf {@code leafHash} is at {@code index} (from 0) of the tree of {@code size} leaves whose root
     * is {@code root} (RFC 9162 §2.1.3.2). Never throws for a bad proof: answers false.
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !sized(leafHash) || !sized(root) || proof == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (!sized(p) || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Checks that the tree of {@code size2} leaves with root {@code root2} extends the tree of {@code size1} leaves
     * with root {@code root1}: the first {@code size1} leaves are the same (RFC 9162 §2.1.4.2). Answers false for a
     * bad proof, never throws.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || !sized(root1) || !sized(root2) || proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!sized(p)) {
                return false;
            }
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            // every tree extends the empty one; RFC 9162 asks for an empty proof
            return proof.isEmpty() && Arrays.equals(root1, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(size1) == 1) {
            // size1 is a power of two: its root is the first node of the path
            path = new java.util.ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    private static boolean sized(byte[] h) {
        return h != null && h.length == HASH_SIZE;
    }
}
