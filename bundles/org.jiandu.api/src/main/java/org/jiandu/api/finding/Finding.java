package org.jiandu.api.finding;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A finding, as any Jiandu bundle raises it: stored once by its producer (unique on source, case, kind and key),
 * then published on {@link FindingTopics#topic(String) jiandu/finding/<KIND>} and readable through
 * {@link org.jiandu.api.query.FindingQuery}.
 *
 * @param source      the producing bundle's symbolic name ({@code org.jiandu.monitor}, {@code org.jiandu.seizure})
 * @param id          the producer's id of the finding (unique within the source; ascending in the order stored)
 * @param kind        what it is, upper case letters, digits and {@code _} ({@code OVER_SEIZURE},
 *                    {@code ART13_QUERY_COVERAGE}); the topic's last segment
 * @param severity    how serious
 * @param article     the provision it relies on ({@code 法〔2021〕322号第13条}), or {@code null} when unknown
 * @param ruleId      the rule that raised it, or {@code null} for a bundle's own check
 * @param caseNumber  the case, canonical form
 * @param court       the case's court code
 * @param key         stable key within (source, case, kind): a second raise with the same key is the same finding
 * @param message     the finding in Chinese, for a person
 * @param details     figures and references, JSON-friendly values (strings, numbers, booleans, lists, maps)
 * @param raisedAt    when it was stored
 * @param trigger     the ledger entry that raised it
 */
public record Finding(String source, long id, String kind, FindingSeverity severity, String article, String ruleId,
        String caseNumber, String court, String key, String message, Map<String, Object> details, Instant raisedAt,
        Trigger trigger) {
    private static final Pattern KIND = Pattern.compile("[A-Z0-9_]{1,64}");

    public Finding {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A finding kind is 1 to 64 of A-Z, 0-9 and _, not " + kind);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(court, "court");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(trigger, "trigger");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /**
     * The ledger entry that raised a finding.
     *
     * @param seq         its position in the case's chain
     * @param type        its event type, or {@code null} when the producer did not keep it
     * @param hostEventId its host event id, or {@code null} when the producer did not keep it
     */
    public record Trigger(long seq, String type, String hostEventId) {
    }

    /** The kind a finding of rule {@code ruleId} has: {@code art13.query-coverage} → {@code ART13_QUERY_COVERAGE}. */
    public static String kindOfRule(String ruleId) {
        String k = ruleId.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return k.length() <= 64 ? k : k.substring(0, 64);
    }
}
