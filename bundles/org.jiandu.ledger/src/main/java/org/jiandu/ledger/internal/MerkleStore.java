package org.jiandu.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jiandu.verifier.CompactRange;
import org.jiandu.verifier.Merkle;

/**
 * The Merkle tree as stored: leaf hashes in {@code JD_LEDGER_LEAF} (level 0, by global index) and every complete
 * interior node in {@code JD_LEDGER_NODE} (level ≥ 1; node {@code i} of level {@code l} covers leaves
 * {@code [i·2^l, (i+1)·2^l)}). A subtree that is not complete (the right edge of a tree) is computed from the at most
 * log₂ n complete ones it consists of, so proofs for any tree size read O(log² n) rows.
 */
final class MerkleStore {
    private static final HexFormat HEX = HexFormat.of();

    private MerkleStore() {
    }

    record Tree(long size, byte[] root) {
    }

    static Tree tree(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TREE_SIZE, ROOT_HASH FROM JD_LEDGER_TREE WHERE ID = 1");
                ResultSet r = ps.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("JD_LEDGER_TREE has no row 1: the ledger's tables were altered");
            }
            return new Tree(r.getLong(1), HEX.parseHex(r.getString(2).trim()));
        }
    }

    /** The stored node, or null when it is missing. */
    static byte[] node(Connection c, int level, long index) throws SQLException {
        String sql = level == 0 ? "SELECT LEAF_HASH FROM JD_LEDGER_LEAF WHERE GLOBAL_INDEX = ?"
                : "SELECT HASH FROM JD_LEDGER_NODE WHERE LVL = ? AND IDX = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (level == 0) {
                ps.setLong(1, index);
            } else {
                ps.setInt(1, level);
                ps.setLong(2, index);
            }
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? HEX.parseHex(r.getString(1).trim()) : null;
            }
        }
    }

    private static byte[] required(Connection c, int level, long index) throws SQLException {
        byte[] h = node(c, level, index);
        if (h == null) {
            throw new SQLException("Merkle node " + index + " of level " + level + " is missing: the ledger's tree "
                    + "tables were altered; run verification");
        }
        return h;
    }

    /** The hash of the {@code size} leaves from {@code start} (RFC 9162's MTH of that range). */
    static byte[] subtree(Connection c, long start, long size) throws SQLException {
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return required(c, Long.numberOfTrailingZeros(size), start / size);
        }
        long k = Long.highestOneBit(size - 1);
        return Merkle.nodeHash(subtree(c, start, k), subtree(c, start + k, size - k));
    }

    /** The right edge of the tree of {@code size} leaves. */
    static CompactRange range(Connection c, long size) throws SQLException {
        List<byte[]> peaks = new ArrayList<>();
        for (int level : CompactRange.peakLevels(size)) {
            peaks.add(required(c, level, (size >>> level) - 1));
        }
        return new CompactRange(size, peaks);
    }

    /** RFC 9162 §2.1.3.1: the inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
    static List<byte[]> inclusion(Connection c, long index, long size) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        path(c, index, 0, size, out);
        return out;
    }

    private static void path(Connection c, long m, long start, long n, List<byte[]> out) throws SQLException {
        if (n <= 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(c, m, start, k, out);
            out.add(subtree(c, start + k, n - k));
        } else {
            path(c, m - k, start + k, n - k, out);
            out.add(subtree(c, start, k));
        }
    }

    /** RFC 9162 §2.1.4.1: the consistency proof from the tree of {@code m} leaves to that of {@code n}. */
    static List<byte[]> consistency(Connection c, long m, long n) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(c, m, 0, n, true, out);
        }
        return out;
    }

    private static void subproof(Connection c, long m, long start, long n, boolean whole, List<byte[]> out)
            throws SQLException {
        if (m == n) {
            if (!whole) {
                out.add(subtree(c, start, n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(c, m, start, k, whole, out);
            out.add(subtree(c, start + k, n - k));
        } else {
            subproof(c, m - k, start + k, n - k, false, out);
            out.add(subtree(c, start, k));
        }
    }
}
