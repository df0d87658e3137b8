package org.jiandu.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint in the C2SP tlog-checkpoint format, as a C2SP signed note: the body is the origin (the log's name),
 * the tree size in decimal and the base64 root hash, one per line, then Jiandu's one extension line
 * {@code time <ISO instant>} (when it was signed); a blank line; then one signature line per key,
 * {@code — <key name> <base64(key id || signature)>}, the signature over the body including its last newline.
 *
 * @param origin the log's name: unique per ledger (configured)
 * @param size   how many entries the tree holds
 * @param root   the RFC 9162 root over them
 * @param time   when it was signed
 */
public record Checkpoint(String origin, long size, byte[] root, Instant time) {
    private static final String DASH = "\u2014 ";

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("The origin is one non-empty line");
        }
        if (size < 0 || root.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("A checkpoint has a size ≥ 0 and a 32-byte root");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The signed text. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\ntime " + time + "\n";
    }

    /** The whole note: body, blank line, the signature line of {@code key} over the body. */
    public String note(NoteKey key, byte[] signature) {
        return body() + "\n" + DASH + key.name() + " "
                + Base64.getEncoder().encodeToString(NoteKey.concat(key.keyId(), signature)) + "\n";
    }

    /** One signature line of a note. */
    public record SignatureLine(String keyName, byte[] keyId, byte[] signature) {
    }

    /** A note split into its body and signature lines, unverified. */
    public record Note(String body, List<SignatureLine> signatures) {
    }

    /** Splits a signed note; IllegalArgumentException when it is not one. */
    public static Note split(String note) {
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("A signed note is a text, a blank line and signature lines");
        }
        String body = note.substring(0, blank + 1);
        List<SignatureLine> sigs = new ArrayList<>();
        for (String line : note.substring(blank + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("A signature line starts with an em dash and a space: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("A signature line is '— <key name> <signature>': " + line);
            }
            byte[] raw = Base64.getDecoder().decode(parts[1]);
            if (raw.length < 5) {
                throw new IllegalArgumentException("A signature is a key id and at least one byte: " + line);
            }
            sigs.add(new SignatureLine(parts[0], Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
        }
        return new Note(body, sigs);
    }

    /**
     * Opens a signed checkpoint with {@code key}: the note must carry a valid signature of that key (by name and key
     * id); lines of other keys are ignored, as the spec asks. IllegalArgumentException says what is wrong.
     */
    public static Checkpoint open(String note, NoteKey key) {
        Note n = split(note);
        boolean signed = false;
        for (SignatureLine s : n.signatures()) {
            if (s.keyName().equals(key.name()) && Arrays.equals(s.keyId(), key.keyId())) {
                if (!key.verify(n.body().getBytes(StandardCharsets.UTF_8), s.signature())) {
                    throw new IllegalArgumentException("The signature of " + key.name() + " does not verify: the "
                            + "checkpoint was altered or signed by another key");
                }
                signed = true;
                break;
            }
        }
        if (!signed) {
            throw new IllegalArgumentException("The checkpoint carries no signature of key " + key.name() + "+"
                    + key.keyIdHex());
        }
        return parseBody(n.body());
    }

    /** The checkpoint a body states, unverified. */
    public static Checkpoint parseBody(String body) {
        String[] lines = body.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("A checkpoint body has an origin, a size and a root");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The checkpoint's size is not a number: " + lines[1], e);
        }
        Instant time = null;
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].startsWith("time ")) {
                time = Instant.parse(lines[i].substring(5));
            }
        }
        if (time == null) {
            throw new IllegalArgumentException("The checkpoint has no 'time' line");
        }
        return new Checkpoint(lines[0], size, Base64.getDecoder().decode(lines[2]), time);
    }
}
