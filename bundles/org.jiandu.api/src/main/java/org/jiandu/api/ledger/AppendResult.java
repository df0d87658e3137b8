package org.jiandu.api.ledger;

/**
 * The outcome of appending one event: the entry as stored, and whether it had already been stored under the
 * same host event id (an idempotent repeat: nothing new was written, nothing was published again).
 */
public record AppendResult(LedgerEntry entry, boolean duplicate) {
}
