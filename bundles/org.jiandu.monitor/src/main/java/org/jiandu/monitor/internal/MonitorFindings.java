package org.jiandu.monitor.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingSeverity;
import org.jiandu.api.query.QuerySources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monitor's findings as the API's {@link Finding}: source {@code org.jiandu.monitor}; kind {@code RULE_ERROR}
 * for a rule that failed on an entry, else the rule's id as a kind ({@code art13.query-coverage} →
 * {@code ART13_QUERY_COVERAGE}); key {@code <ruleId>#<the rule's key>}; the article of the rule when it is
 * registered.
 */
final class MonitorFindings {
    static final String RULE_ERROR = "RULE_ERROR";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private MonitorFindings() {
    }

    static Finding toFinding(FindingEntity f, String article) {
        FindingSeverity severity = FindingSeverity.parse(f.getSeverity());
        String kind = severity == FindingSeverity.RULE_ERROR ? RULE_ERROR : Finding.kindOfRule(f.getRuleId());
        return new Finding(QuerySources.NODE_MONITOR, f.getId(), kind, severity, article, f.getRuleId(),
                f.getCaseNumber(), f.getCourtCode(), f.getRuleId() + "#" + f.getKey(), f.getMessage(),
                details(f.getDetails()), Instant.ofEpochMilli(f.getRecordedAt()),
                new Finding.Trigger(f.getEntrySeq(), null, f.getHostEventId()));
    }

    /** The article of the rule {@code ruleId} among {@code rules}, or {@code null} when it is not registered. */
    static String articleOf(List<DeadlineRule> rules, String ruleId) {
        for (DeadlineRule r : rules) {
            if (r.id().equals(ruleId)) {
                return r.article();
            }
        }
        return null;
    }

    static Map<String, Object> details(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored finding's details are not a JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }
}
