package org.jiandu.verifier;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1.3.1 and §2.1.4.1, written from their recursive definitions to check the verifiers against. */
final class ProofsForTest {
    private ProofsForTest() {
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(Merkle.root(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(Merkle.root(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> consistency(int m, List<byte[]> d) {
        return m == d.size() ? List.of() : subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(Merkle.root(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(Merkle.root(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(Merkle.root(d.subList(0, k)));
        }
        return out;
    }
}
