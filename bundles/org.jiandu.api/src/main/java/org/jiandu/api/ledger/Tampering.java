package org.jiandu.api.ledger;

/**
 * One inconsistency found by verification.
 *
 * @param kind      what was done behind the ledger's back
 * @param caseNumber the case (canonical form); {@code null} for {@link Kind#ROLLED_BACK} of the whole ledger
 * @param seq       the entry position at which it shows (for TRUNCATED, the last position the ledger expected)
 * @param detail    a sentence a person can act on
 */
public record Tampering(Kind kind, String caseNumber, long seq, String detail) {
    public enum Kind {
        /** The stored content no longer matches its hash. */
        MODIFIED,
        /** An entry before this one is missing (gap in positions or broken link to nothing stored). */
        DELETED,
        /** The entry's link points to another stored entry than its predecessor: entries were reordered. */
        REORDERED,
        /** Entries at the end of the case are missing: fewer entries or another head than the case record holds. */
        TRUNCATED,
        /**
         * The ledger holds less, or other, than its latest signed checkpoint: an entry that a checkpoint covers is
         * missing or differs from the leaf that was signed, the tree is smaller than signed, or its root differs —
         * which also catches entries removed together with the case record, or a case rewritten with every hash
         * recomputed. Reported for a case only when its own chain shows nothing (that finding is more precise).
         */
        ROLLED_BACK
    }
}
