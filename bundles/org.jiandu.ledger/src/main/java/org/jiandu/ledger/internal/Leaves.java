package org.jiandu.ledger.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jiandu.verifier.Leaf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a stored entry as the Merkle leaf commits to them ({@link Leaf}): each scalar by its path, its
 * value as canonical JSON text. Paths: {@code hostEventId}, {@code caseNumber}, {@code type}, {@code occurredAt},
 * {@code recordedAt}, {@code actor.personId|role|organisation}, {@code correction.correctsHostEventId|approver|reason}
 * and {@code payload.…} with {@code .key} for object members and {@code [i]} for list items; an empty object or list
 * is one field whose value is {@code {}} or {@code []}; null members are left out, as the canonical payload leaves
 * them out.
 */
final class Leaves {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Leaves() {
    }

    /** Every field of {@code e}, by path, as canonical JSON text. */
    static SortedMap<String, String> values(EntryEntity e) {
        SortedMap<String, String> out = new TreeMap<>();
        put(out, "hostEventId", e.getHostEventId());
        put(out, "caseNumber", e.getCaseNumber());
        put(out, "type", e.getType());
        put(out, "occurredAt", e.getOccurredAt());
        put(out, "recordedAt", e.getRecordedAt());
        put(out, "actor.personId", e.getActorPerson());
        put(out, "actor.role", e.getActorRole());
        put(out, "actor.organisation", e.getActorOrganisation());
        put(out, "correction.correctsHostEventId", e.getCorrects());
        put(out, "correction.approver", e.getApprover());
        put(out, "correction.reason", e.getReason());
        Object payload;
        try {
            payload = JSON.readValue(e.getPayload(), Object.class);
        } catch (Exception ex) {
            // a payload that is not JSON any more was altered in the table: commit to its text, verification names it
            out.put("payload", Canonical.json(e.getPayload()));
            return out;
        }
        walk(out, "payload", payload);
        return out;
    }

    private static void put(Map<String, String> out, String path, String value) {
        if (value != null) {
            out.put(path, Canonical.json(value));
        }
    }

    private static void walk(Map<String, String> out, String path, Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> present = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    present.put(k.toString(), x);
                }
            });
            if (present.isEmpty()) {
                out.put(path, "{}");
            }
            present.forEach((k, x) -> walk(out, path + "." + k, x));
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < l.size(); i++) {
                walk(out, path + "[" + i + "]", l.get(i));
            }
        } else {
            out.put(path, Canonical.json(v));
        }
    }

    /** The commitments of every field of {@code e} under its entry salt. */
    static SortedMap<String, String> commitments(EntryEntity e, byte[] salt) {
        SortedMap<String, String> out = new TreeMap<>();
        values(e).forEach((path, value) -> out.put(path, Leaf.commitment(Leaf.fieldSalt(salt, path), path, value)));
        return out;
    }

    /** The leaf hash of {@code e} under its entry salt. */
    static byte[] leafHash(EntryEntity e, byte[] salt) {
        return Leaf.hash(e.getCaseNumber(), e.getSeq(), e.getHash(), commitments(e, salt));
    }
}
