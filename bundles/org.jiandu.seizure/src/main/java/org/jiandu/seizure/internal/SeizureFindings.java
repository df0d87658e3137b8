package org.jiandu.seizure.internal;

import java.time.Instant;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingSeverity;
import org.jiandu.api.query.QuerySources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This bundle's findings as the API's {@link Finding}: source {@code org.jiandu.seizure}; {@code OVER_SEIZURE} a
 * VIOLATION of Art. 15 of 法〔2021〕322号 and 查封规定 Art. 19, {@code SPLIT_REGISTRATION} a TASK under Art. 15 ¶1.
 */
final class SeizureFindings {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SeizureFindings() {
    }

    static FindingSeverity severity(String kind) {
        return SeizureMonitor.SPLIT_REGISTRATION.equals(kind) ? FindingSeverity.TASK : FindingSeverity.VIOLATION;
    }

    static String article(String kind) {
        return SeizureMonitor.OVER_SEIZURE.equals(kind) ? SeizureRules.ART15_19 : SeizureRules.ART15;
    }

    /** A stored finding; {@code details} as raised (or {@code null}: read back from the stored JSON). */
    static Finding toFinding(FindingEntity f, Map<String, Object> details) {
        return new Finding(QuerySources.SEIZURE, f.getId(), f.getKind(), severity(f.getKind()), article(f.getKind()),
                null, f.getCaseNumber(), CaseNumber.parse(f.getCaseNumber()).courtCode(), f.getFindingKey(),
                f.getMessage(), details != null ? details : details(f.getDetails()), Instant.parse(f.getRaisedAt()),
                new Finding.Trigger(f.getTriggerSeq(), f.getTriggerType(), null));
    }

    private static Map<String, Object> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored finding's details are not a JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }
}
