package org.jiandu.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.mask.RevealAudit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reveals of masked values ({@link RevealAudit}) in the request audit {@code JD_AUDIT}: one record of method
 * {@value #METHOD} per reveal, path the view's, user and organisation of the caller, and as detail
 * {@code {"caseNumber": …, "revealed": [ "seq 3: payload.payeeAccount", … ], "reason": …}}, stored durably (committed)
 * before the view answers. {@code GET /api/v1/audit?path=…} shows them with the request records.
 */
@Component(service = RevealAudit.class)
public class RevealAuditLog implements RevealAudit {
    /** The method column of a reveal's audit record. */
    static final String METHOD = "REVEAL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditSink audit;

    @Activate
    public RevealAuditLog(@Reference AuditLog audit) {
        this((AuditSink) audit);
    }

    RevealAuditLog(AuditSink audit) {
        this.audit = audit;
    }

    @Override
    public void record(Reveal reveal) {
        AuditRecord r = new AuditRecord(System.currentTimeMillis(), reveal.caller().user(),
                reveal.caller().organisation(), METHOD, reveal.view(), null, 200, 0, null, detail(reveal));
        try {
            audit.recordDurably(r);
        } catch (AuditSink.AuditUnavailable e) {
            throw new IllegalStateException("the reveal could not be audited: " + e.getMessage(), e);
        }
    }

    /** The detail as JSON, within the column: a long list of what was revealed is cut, saying how much was left out. */
    static String detail(Reveal reveal) {
        String reason = reveal.reason().length() > 1000 ? reveal.reason().substring(0, 1000) : reveal.reason();
        List<String> revealed = reveal.revealed();
        for (int n = revealed.size(); ; n = n / 2) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNumber", reveal.caseNumber().canonical());
            m.put("revealed", revealed.subList(0, n));
            if (n < revealed.size()) {
                m.put("notListed", revealed.size() - n);
            }
            m.put("reason", reason);
            String json = write(m);
            if (json.length() <= AuditEntry.DETAIL_MAX || n == 0) {
                return json;
            }
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reveal's detail does not serialise", e);
        }
    }
}
