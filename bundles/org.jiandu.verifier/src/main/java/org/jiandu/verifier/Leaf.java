package org.jiandu.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The leaf a ledger entry becomes in the Merkle tree. It commits to each field of the entry separately, so that a
 * view with masked fields can still be checked against a signed checkpoint:
 * <ul>
 * <li>every field (a path such as {@code type}, {@code actor.organisation} or {@code payload.respondentIds[0]})
 * has a salt, {@code hex(SHA-256(entry salt || 0x00 || path))}, from a random per-entry salt the ledger keeps;</li>
 * <li>its commitment is {@code hex(SHA-256("jiandu-field-v1\n" || field salt || "\n" || path || "\n" || value))},
 * the value as its canonical JSON text;</li>
 * <li>the leaf's data is the canonical JSON (keys sorted, no white space)
 * {@code {"case":…,"fields":{path:commitment,…},"hash":…,"seq":…,"v":"jiandu-leaf-v1"}}, {@code hash} being the
 * entry's hash in its case's chain; its leaf hash is {@link Merkle#leafHash} of those UTF-8 bytes.</li>
 * </ul>
 * A revealed field is shown with its value and its salt, from which anyone recomputes its commitment; a masked field
 * with its commitment only. The field salt reveals nothing of the entry salt, so revealing one field reveals no
 * other, and a masked identifier cannot be found by trying every possible value.
 */
public final class Leaf {
    public static final String VERSION = "jiandu-leaf-v1";

    private Leaf() {
    }

    /** The salt of one field. */
    public static String fieldSalt(byte[] entrySalt, String path) {
        MessageDigest md = Merkle.sha256();
        md.update(entrySalt);
        md.update((byte) 0);
        md.update(path.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** The commitment to one field's value (its canonical JSON text). */
    public static String commitment(String fieldSalt, String path, String valueJson) {
        MessageDigest md = Merkle.sha256();
        md.update(("jiandu-field-v1\n" + fieldSalt + "\n" + path + "\n" + valueJson).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** The leaf's data, from the commitments of every field by path. */
    public static byte[] data(String caseNumber, long seq, String entryHash, SortedMap<String, String> commitments) {
        StringBuilder sb = new StringBuilder(128 + commitments.size() * 100);
        sb.append("{\"case\":");
        quote(sb, caseNumber);
        sb.append(",\"fields\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : commitments.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, e.getKey());
            sb.append(':');
            quote(sb, e.getValue());
        }
        sb.append("},\"hash\":");
        quote(sb, entryHash);
        sb.append(",\"seq\":").append(seq).append(",\"v\":");
        quote(sb, VERSION);
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The leaf hash of an entry. */
    public static byte[] hash(String caseNumber, long seq, String entryHash, SortedMap<String, String> commitments) {
        return Merkle.leafHash(data(caseNumber, seq, entryHash, commitments));
    }

    /**
     * A JSON string in canonical form: quotes, backslash and control characters escaped ({@code \n \r \t} by name,
     * the others as {@code \\u00xx}), everything else as is.
     */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
