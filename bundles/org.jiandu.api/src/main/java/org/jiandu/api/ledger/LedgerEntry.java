package org.jiandu.api.ledger;

import org.jiandu.api.event.CaseEvent;

/**
 * A recorded case event: its position in the case's chain, the event as recorded, the previous entry's hash and
 * its own SHA-256 hash (lower-case hex) over the canonical form of the event and the previous hash.
 *
 * @param seq       1-based position in the case's ledger
 * @param event     the event, with {@code recordedAt} set
 * @param prevHash  the previous entry's hash, or 64 zeros for the first entry of a case
 * @param hash      this entry's hash
 */
public record LedgerEntry(long seq, CaseEvent event, String prevHash, String hash) {
    /** The prevHash of a case's first entry. */
    public static final String GENESIS = "0".repeat(64);
}
