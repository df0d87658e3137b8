package org.jiandu.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code jiandu-verify}: checks what Jiandu's ledger answers against its public key alone, on the verifier's side.
 * Exit status 0 when everything verifies, 1 when something does not (the line says what), 2 for a usage error.
 *
 * <pre>
 * jiandu-verify checkpoint  --key KEY CHECKPOINT
 * jiandu-verify consistency --key KEY --old OLD_CHECKPOINT --new NEW_CHECKPOINT --proof CONSISTENCY
 * jiandu-verify entry       --key KEY --proof ENTRY_PROOF
 * </pre>
 * KEY is the verifier key ({@code name+keyid+base64}) or a file holding it; a CHECKPOINT is the signed note or the
 * JSON of {@code GET /api/v1/ledger/checkpoints/latest}; CONSISTENCY is the JSON of
 * {@code GET /api/v1/ledger/consistency?from=&to=}; ENTRY_PROOF the JSON of
 * {@code GET /api/v1/cases/{cn}/entries/{seq}/proof}.
 */
public final class Main {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    /** A verifier that writes its findings to {@code out}. */
    public Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out).run(args));
    }

    /** Runs one command; answers the exit status. */
    public int run(String... args) {
        if (args.length == 0) {
            return usage("no command");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    return usage(args[i] + " needs a value");
                }
                opts.put(args[i].substring(2), args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        try {
            if (!opts.containsKey("key")) {
                return usage("--key is required");
            }
            NoteKey key = NoteKey.parse(textOrFile(opts.get("key")));
            return switch (args[0]) {
                case "checkpoint" -> rest.size() == 1 ? checkpoint(key, rest.get(0)) : usage("one CHECKPOINT");
                case "consistency" -> consistency(key, need(opts, "old"), need(opts, "new"), need(opts, "proof"));
                case "entry" -> entry(key, need(opts, "proof"));
                default -> usage("unknown command " + args[0]);
            };
        } catch (IllegalArgumentException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            out.println("FAILED: cannot read " + e.getMessage());
            return 2;
        }
    }

    private int usage(String why) {
        out.println("usage (" + why + "):\n"
                + "  jiandu-verify checkpoint  --key KEY CHECKPOINT\n"
                + "  jiandu-verify consistency --key KEY --old OLD_CHECKPOINT --new NEW_CHECKPOINT --proof CONSISTENCY\n"
                + "  jiandu-verify entry       --key KEY --proof ENTRY_PROOF");
        return 2;
    }

    private static String need(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static String textOrFile(String arg) throws IOException {
        Path p = Path.of(arg);
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8).trim() : arg;
    }

    /** A signed note from a file holding the note or the JSON of a checkpoint ({@code note} field). */
    private static String note(String file) throws IOException {
        String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return text.trim().startsWith("{") ? noteOf(JSON.readTree(text)) : text;
    }

    private static String noteOf(JsonNode checkpoint) {
        JsonNode n = checkpoint.get("note");
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("The checkpoint JSON has no 'note'");
        }
        return n.asText();
    }

    private int checkpoint(NoteKey key, String file) throws IOException {
        Checkpoint c = Checkpoint.open(note(file), key);
        out.println("OK checkpoint " + c.origin() + " size " + c.size() + " root " + hex(c.root()) + " signed "
                + c.time() + " by " + key.name() + "+" + key.keyIdHex());
        return 0;
    }

    private int consistency(NoteKey key, String oldFile, String newFile, String proofFile) throws IOException {
        Checkpoint older = Checkpoint.open(note(oldFile), key);
        Checkpoint newer = Checkpoint.open(note(newFile), key);
        if (!older.origin().equals(newer.origin())) {
            throw new IllegalArgumentException("The checkpoints are of two logs: " + older.origin() + " and "
                    + newer.origin());
        }
        JsonNode proof = JSON.readTree(Files.readString(Path.of(proofFile), StandardCharsets.UTF_8));
        long from = proof.path("from").asLong(-1);
        long to = proof.path("to").asLong(-1);
        if (from != older.size() || to != newer.size()) {
            throw new IllegalArgumentException("The proof is from " + from + " to " + to + ", the checkpoints are of "
                    + older.size() + " and " + newer.size() + " entries");
        }
        if (newer.size() < older.size()) {
            throw new IllegalArgumentException("ROLLED_BACK: the new checkpoint holds " + newer.size()
                    + " entries, fewer than the " + older.size() + " signed before");
        }
        if (!Merkle.verifyConsistency(older.size(), newer.size(), older.root(), newer.root(), hashes(proof, "proof"))) {
            throw new IllegalArgumentException("ROLLED_BACK: the tree of " + newer.size() + " entries does not extend"
                    + " the tree of " + older.size() + " signed on " + older.time()
                    + ": entries signed before were changed or removed");
        }
        out.println("OK consistent: " + newer.size() + " entries (signed " + newer.time() + ") extend the "
                + older.size() + " signed " + older.time());
        return 0;
    }

    private int entry(NoteKey key, String proofFile) throws IOException {
        JsonNode proof = JSON.readTree(Files.readString(Path.of(proofFile), StandardCharsets.UTF_8));
        Checkpoint c = Checkpoint.open(noteOf(proof.path("checkpoint")), key);
        JsonNode leaf = proof.path("leaf");
        String caseNumber = leaf.path("caseNumber").asText();
        long seq = leaf.path("seq").asLong();
        TreeMap<String, String> commitments = new TreeMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (JsonNode f : leaf.path("fields")) {
            String path = f.path("path").asText();
            if (f.hasNonNull("json")) {
                String value = f.get("json").asText();
                commitments.put(path, Leaf.commitment(f.path("salt").asText(), path, value));
                shown.put(path, value);
            } else if (f.hasNonNull("commitment")) {
                commitments.put(path, f.get("commitment").asText());
                shown.put(path, f.hasNonNull("masked") ? "(masked) " + f.get("masked").asText() : "(masked)");
            } else {
                throw new IllegalArgumentException("Field " + path + " has neither a value with its salt nor a "
                        + "commitment");
            }
        }
        byte[] leafHash = Leaf.hash(caseNumber, seq, leaf.path("hash").asText(), commitments);
        long index = proof.path("index").asLong(-1);
        long size = proof.path("treeSize").asLong(-1);
        if (size != c.size()) {
            throw new IllegalArgumentException("The proof is for a tree of " + size + " entries, the checkpoint holds "
                    + c.size());
        }
        if (!Merkle.verifyInclusion(index, size, leafHash, hashes(proof, "auditPath"), c.root())) {
            throw new IllegalArgumentException("Entry " + seq + " of " + caseNumber + " as shown is not the one the"
                    + " checkpoint of " + c.size() + " entries (signed " + c.time() + ") holds at index " + index
                    + ": its content, position or fields differ");
        }
        out.println("OK entry " + seq + " of " + caseNumber + " is leaf " + index + " of the checkpoint of " + c.size()
                + " entries signed " + c.time());
        shown.forEach((p, v) -> out.println("  " + p + " = " + v));
        return 0;
    }

    private static List<byte[]> hashes(JsonNode node, String field) {
        JsonNode a = node.path(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is not a list of hashes");
        }
        List<byte[]> out = new ArrayList<>();
        for (JsonNode h : a) {
            try {
                out.add(HexFormat.of().parseHex(h.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + field + "' holds a hash that is not hex: " + h.asText(), e);
            }
        }
        return out;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
