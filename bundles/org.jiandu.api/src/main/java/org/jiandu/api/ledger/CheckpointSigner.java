package org.jiandu.api.ledger;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's checkpoint signer, for another bundle's own append-only log (the procuratorate endpoint's audit, a
 * notification outbox): the bundle keeps its records as leaves of its own RFC 9162 Merkle tree (the exported
 * {@code org.jiandu.verifier} package has the tree, {@code CompactRange}, and the proofs' verification,
 * {@code Merkle}) and has its tree heads signed here, with the ledger's key from the keystore outside the database,
 * as C2SP checkpoints that {@code jiandu-verify} and every C2SP verifier read.
 *
 * <p>Thread-safe; each call does one signature (well under a millisecond for Ed25519) and no I/O. Callers sign on
 * their own schedule (a checkpoint per interval while their log grew, as the ledger does).
 */
@ProviderType
public interface CheckpointSigner {
    /**
     * The signed note of a checkpoint of the log {@code origin}: its tree of {@code treeSize} leaves with root
     * {@code rootHash} (32 bytes), timestamped now.
     *
     * @param origin the log's name, which is also the key's name in the note: a line without spaces or '+', and
     *               never the ledger's own origin (IllegalArgumentException)
     * @throws IllegalStateException when the key cannot sign (the keystore is unreadable): the caller retries later
     */
    String sign(String origin, long treeSize, byte[] rootHash);

    /** The verifier key ({@code name+keyid+base64}) that opens the notes {@link #sign} makes for {@code origin}. */
    String verifierKey(String origin);
}
