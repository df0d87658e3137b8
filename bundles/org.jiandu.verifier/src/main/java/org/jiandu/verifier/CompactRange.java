package org.jiandu.verifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its perfect subtrees, largest first (one per set bit of the size).
 * Enough to append leaves and compute the root in O(log n) memory, so a verifier streams millions of leaves, and
 * the ledger's sequencer extends the tree without reading it.
 */
public final class CompactRange {
    private long size;
    /** Roots of the perfect subtrees, largest (leftmost) first. */
    private final List<byte[]> peaks = new ArrayList<>();

    /** An empty tree. */
    public CompactRange() {
    }

    /**
     * The right edge of a tree of {@code size} leaves, from the roots of its perfect subtrees, largest first: as
     * many as {@code size} has set bits.
     */
    public CompactRange(long size, List<byte[]> peaks) {
        if (size < 0 || peaks.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size)
                    + " perfect subtrees on its right edge, not " + peaks.size());
        }
        this.size = size;
        this.peaks.addAll(peaks);
    }

    /** The levels of the perfect subtrees on the right edge of a tree of {@code size} leaves, largest first. */
    public static List<Integer> peakLevels(long size) {
        List<Integer> levels = new ArrayList<>();
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                levels.add(level);
            }
        }
        return levels;
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf hash; answers the interior nodes it completes, lowest first, each as its level (1 for a
     * node over two leaves) and its hash: node {@code i} of level {@code l} covers leaves
     * {@code [i·2^l, (i+1)·2^l)}, here {@code i = (size after append) / 2^l − 1}.
     */
    public List<byte[]> append(byte[] leafHash) {
        if (leafHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("A leaf hash has " + Merkle.HASH_SIZE + " bytes");
        }
        List<byte[]> completed = new ArrayList<>();
        byte[] h = leafHash;
        long index = size;
        while ((index & 1) == 1) {
            h = Merkle.nodeHash(peaks.remove(peaks.size() - 1), h);
            completed.add(h);
            index >>= 1;
        }
        peaks.add(h);
        size++;
        return completed;
    }

    /** The tree's root (SHA-256 of nothing for an empty tree). */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] r = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            r = Merkle.nodeHash(peaks.get(i), r);
        }
        return r;
    }

    /** A copy of the perfect subtrees' roots, largest first. */
    public List<byte[]> peaks() {
        return List.copyOf(peaks);
    }
}
