/**
 * What Jiandu's ledger signs and what an outside party needs to check it, trusting nothing of the server but the
 * public key it was given: RFC 9162 Merkle trees and their proofs ({@link org.jiandu.verifier.Merkle},
 * {@link org.jiandu.verifier.CompactRange}), C2SP signed-note checkpoints ({@link org.jiandu.verifier.Checkpoint},
 * {@link org.jiandu.verifier.NoteKey}), the leaf each ledger entry becomes ({@link org.jiandu.verifier.Leaf}) and
 * the {@code jiandu-verify} command line ({@link org.jiandu.verifier.Main}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jiandu.verifier;
