package org.jiandu.ledger.internal.mask;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.FieldKind;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.PayloadField;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.rest.Caller;

/**
 * The masking rule of {@link MaskingPolicy} for one configuration: immutable, so a view masks a whole answer with one
 * consistent set of settings even while the configuration changes.
 *
 * @param keep        per masked kind, the characters kept at the end; a kind absent here is not masked
 * @param revealRoles the roles that may reveal for the courts their organisation covers
 */
record Masker(Map<Sensitivity, Integer> keep, Set<String> revealRoles) {
    /** Identifier kinds of units, not of natural persons: shown as they are. */
    private static final Set<PartyIdentifier.Kind> UNITS = Set.of(PartyIdentifier.Kind.CREDIT_CODE,
            PartyIdentifier.Kind.ORGANISATION_CODE, PartyIdentifier.Kind.INDIVIDUAL_BUSINESS);

    Masker {
        keep = keep.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(keep));
        revealRoles = Set.copyOf(revealRoles);
    }

    /** The defaults: every kind masked keeping 4, court officers and supervisors may reveal. */
    static Masker defaults() {
        return new Masker(Map.of(Sensitivity.PERSONAL_ID, 4, Sensitivity.BANK_ACCOUNT, 4, Sensitivity.PHONE, 4),
                Set.of("court-officer", "supervisor"));
    }

    boolean masks(Sensitivity kind) {
        return kind != null && keep.containsKey(base(kind));
    }

    /** Party identifiers follow the personal-id settings. */
    private static Sensitivity base(Sensitivity kind) {
        return kind == Sensitivity.PARTY_IDENTIFIER ? Sensitivity.PERSONAL_ID : kind;
    }

    String mask(Sensitivity kind, String value) {
        if (value == null || kind == null || kind == Sensitivity.NONE) {
            return value;
        }
        Integer k = keep.get(base(kind));
        return k == null ? value : hide(value, k);
    }

    String mask(PartyIdentifier.Kind kind, String value) {
        return kind != null && UNITS.contains(kind) ? value : mask(Sensitivity.PERSONAL_ID, value);
    }

    /**
     * Keeps the last {@code keep} letters or digits with the separators between them (half of them, rounded down, when
     * the value has {@code 2 × keep} or fewer, so that a short value is never shown whole) and replaces every other
     * code point with {@link MaskingPolicy#MASK}: {@code 6217 0000 1111 2222 333} → {@code ******************2 333}.
     */
    static String hide(String value, int keep) {
        int[] cps = value.stripTrailing().codePoints().toArray();
        int n = cps.length;
        int significant = 0;
        for (int cp : cps) {
            if (significant(cp)) {
                significant++;
            }
        }
        int kept = significant <= 2 * keep ? significant / 2 : keep;
        int from = n;
        for (int i = n - 1, k = 0; i >= 0 && k < kept; i--) {
            if (significant(cps[i])) {
                k++;
            }
            from = i;
        }
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (i >= from) {
                b.appendCodePoint(cps[i]);
            } else {
                b.append(MaskingPolicy.MASK);
            }
        }
        return b.toString();
    }

    /**
     * A letter or digit, or a {@link MaskingPolicy#MASK} standing for one: masking a masked value (a guard's figure a
     * view masks again) changes nothing.
     */
    private static boolean significant(int cp) {
        return Character.isLetterOrDigit(cp) || cp == MaskingPolicy.MASK;
    }

    Payload mask(EventType type, Payload payload) {
        if (payload == null || payload.asMap().isEmpty()) {
            return payload;
        }
        Map<String, PayloadField> fields = fields(type);
        Map<String, Object> out = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Object> e : payload.asMap().entrySet()) {
            PayloadField f = fields.get(e.getKey());
            Object v = f == null ? e.getValue() : value(f.sensitivity(), e.getValue());
            changed |= v != e.getValue();
            out.put(e.getKey(), v);
        }
        return changed ? Payload.of(out) : payload;
    }

    Map<String, Object> mask(Map<String, Sensitivity> declared, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return values;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Sensitivity s = declared.get(e.getKey());
            out.put(e.getKey(), s == null ? e.getValue() : value(s, e.getValue()));
        }
        return out;
    }

    /**
     * A value under a field of {@code s}: a string masked, a list item by item, an identifier {@code {kind, value}}
     * by its kind; any other shape masked whole as its text (never shown because it was unexpected).
     */
    private Object value(Sensitivity s, Object v) {
        if (v == null || s == Sensitivity.NONE || !masks(s)) {
            return v;
        }
        if (v instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(value(s, item));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m && m.containsKey("value")) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            Object kind = m.get("kind");
            String text = String.valueOf(m.get("value"));
            out.put("value", s == Sensitivity.PARTY_IDENTIFIER ? mask(kindOf(kind), text) : mask(s, text));
            return out;
        }
        return mask(s, String.valueOf(v));
    }

    private static PartyIdentifier.Kind kindOf(Object kind) {
        if (kind == null) {
            return null;
        }
        try {
            return PartyIdentifier.Kind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // an unknown kind is masked as a person's
        }
    }

    /**
     * The fields of {@code type}; for an entry whose type is no longer installed ({@code null}), every sensitive field
     * of a core type by its name: masking more than needed is safe, less is not.
     */
    private static Map<String, PayloadField> fields(EventType type) {
        Map<String, PayloadField> out = new LinkedHashMap<>();
        if (type != null) {
            type.fields().forEach(f -> out.put(f.name(), f));
        } else {
            CoreEventTypes.ALL.forEach(t -> t.fields().stream().filter(f -> f.sensitivity() != Sensitivity.NONE)
                    .forEach(f -> out.putIfAbsent(f.name(), f)));
        }
        return out;
    }

    static Map<String, Sensitivity> sensitivePaths(EventType type) {
        Map<String, Sensitivity> out = new LinkedHashMap<>();
        if (type == null) {
            return out;
        }
        for (PayloadField f : type.fields()) {
            if (f.sensitivity() == Sensitivity.NONE) {
                continue;
            }
            if (f.kind() == FieldKind.PARTY_IDENTIFIER_LIST) {
                out.put(f.name() + "[*].value", f.sensitivity());
            } else if (f.kind() == FieldKind.STRING_LIST) {
                out.put(f.name() + "[*]", f.sensitivity());
            } else {
                out.put(f.name(), f.sensitivity());
            }
        }
        return out;
    }

    boolean mayReveal(Caller caller, CaseNumber caseNumber) {
        if (caller == null || caseNumber == null) {
            return false;
        }
        if (caller.isAdmin()) {
            return true;
        }
        return caller.roles().stream().anyMatch(revealRoles::contains) && caller.covers(caseNumber);
    }

}
