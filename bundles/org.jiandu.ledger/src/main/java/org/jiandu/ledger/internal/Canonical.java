package org.jiandu.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a ledger entry, which its SHA-256 hash covers. It is a JSON array of the entry's fields in
 * a fixed order, with the payload as canonical JSON (keys sorted, decimals in plain notation, no white space), so
 * the same content always gives the same bytes, whatever database or JVM stored it.
 *
 * <p>{@code hash = SHA-256(prevHash || canonical)}, lower-case hex. The position ({@code seq}) is not hashed: order
 * is protected by the chain of previous hashes, which lets verification tell reordering from modification.
 */
final class Canonical {
    static final String VERSION = "jiandu-ledger-v1";

    private Canonical() {
    }

    /** The fields that make an event what it is (everything but when the ledger recorded it). */
    static String content(EntryEntity e) {
        return json(List.of(VERSION, e.getHostEventId(), e.getCaseNumber(), e.getType(), e.getOccurredAt(),
                nullable(e.getActorPerson()), nullable(e.getActorRole()), nullable(e.getActorOrganisation()),
                new RawJson(e.getPayload()), nullable(e.getCorrects()), nullable(e.getApprover()),
                nullable(e.getReason())));
    }

    /** What the hash covers: the content plus the recording time. */
    static String entry(EntryEntity e) {
        return content(e) + "|" + e.getRecordedAt();
    }

    static String hash(String prevHash, String canonical) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            md.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static Object nullable(Object o) {
        return o == null ? NULL : o;
    }

    private static final Object NULL = new Object();

    /** Already-canonical JSON text, inserted as is. */
    record RawJson(String text) {
    }

    /** Canonical JSON of a value tree of String, BigDecimal, Long/Integer, Boolean, List, Map and null. */
    static String json(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null || v == NULL) {
            sb.append("null");
        } else if (v instanceof RawJson r) {
            sb.append(r.text());
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey().toString());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    /** The one canonical string form, shared with the Merkle leaf ({@link org.jiandu.verifier.Leaf#quote}). */
    private static void string(StringBuilder sb, String s) {
        org.jiandu.verifier.Leaf.quote(sb, s);
    }
}
