package org.jiandu.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a guard check record stores, in a form that always fits its columns (Art. 12 of 法〔2021〕322号: every
 * intercepted operation leaves a trace, so a check is never failed because its record is large). A value whose
 * canonical JSON fits is stored as is; a larger one is stored as a summary
 * {@code {"truncated": true, "length": <characters>, "sha256": <of the full canonical JSON, UTF-8>, "preview":
 * <its first characters>}}, from which the full details the host kept can be proven to be the ones checked.
 */
final class CheckRecordForm {
    /** Characters of the {@code DETAILS} column of {@code JD_GUARD_CHECK}. */
    static final int DETAILS_MAX = 16_000;
    /** Characters of the {@code VERDICTS} column of {@code JD_GUARD_CHECK}. */
    static final int VERDICTS_MAX = 32_000;
    /** Characters of a summary's preview at most. */
    static final int PREVIEW_MAX = 2_000;

    private CheckRecordForm() {
    }

    /** The canonical JSON of {@code value}, or its summary when that is longer than {@code max} characters. */
    static String fit(Object value, int max) {
        String json = Canonical.json(value);
        if (json.length() <= max) {
            return json;
        }
        // the preview is JSON text, so escaping can double it: keep it well inside the column
        return Canonical.json(summary(json, Math.min(PREVIEW_MAX, max / 4)));
    }

    /**
     * The verdicts as stored: as they are when they fit; else each verdict above its share of the column keeps its
     * guard, decision and a cut article and reason, its details summarised.
     */
    static String verdicts(List<Map<String, Object>> verdicts, int max) {
        String full = Canonical.json(verdicts);
        if (full.length() <= max) {
            return full;
        }
        int share = (max - 2) / Math.max(1, verdicts.size()) - 1;
        List<Object> out = new ArrayList<>(verdicts.size());
        for (Map<String, Object> v : verdicts) {
            if (Canonical.json(v).length() <= share) {
                out.add(v);
                continue;
            }
            // of the share, an eighth for each text (escaping can double it) and the details' preview
            int each = Math.max(0, share / 8 - 40);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("guard", cut(String.valueOf(v.get("guard")), Math.max(each, 64)));
            m.put("decision", v.get("decision"));
            m.put("article", cut(text(v.get("article")), each));
            m.put("reason", cut(text(v.get("reason")), each));
            m.put("details", summary(Canonical.json(v.get("details")), Math.min(PREVIEW_MAX, each)));
            out.add(m);
        }
        String compact = Canonical.json(out);
        if (compact.length() <= max) {
            return compact;
        }
        // more guards than the column has room for, each with a word to say: who answered what, nothing more
        List<Object> bare = new ArrayList<>(verdicts.size());
        for (Map<String, Object> v : verdicts) {
            bare.add(Map.of("guard", cut(String.valueOf(v.get("guard")), 64), "decision", v.get("decision"),
                    "details", Map.of("truncated", true)));
        }
        String last = Canonical.json(bare);
        return last.length() <= max ? last : Canonical.json(List.of());
    }

    private static Map<String, Object> summary(String json, int previewChars) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("truncated", true);
        m.put("length", (long) json.length());
        m.put("sha256", sha256(json));
        m.put("preview", cut(json, previewChars));
        return m;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** The first {@code n} characters (never half a surrogate pair), with … when something was cut. */
    static String cut(String s, int n) {
        if (s.length() <= n) {
            return s;
        }
        int end = Math.max(0, n - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
