package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.Caller;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A reveal of masked values is a durable audit record with who, what and why (个人信息保护法 Art. 51). */
class RevealAuditLogTest {
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");
    private static final Caller OFFICER = new Caller("officer", Set.of(Roles.COURT_OFFICER), "京0105");

    /** Keeps what it is given; durably only what came through recordDurably. */
    private static class Sink implements AuditSink {
        final List<AuditRecord> durable = new ArrayList<>();
        final List<AuditRecord> batched = new ArrayList<>();

        @Override
        public void record(AuditRecord record) {
            batched.add(record);
        }

        @Override
        public void recordDurably(AuditRecord record) {
            durable.add(record);
        }
    }

    @Test
    void aRevealIsStoredDurablyWithWhoWhatAndWhy() throws Exception {
        Sink sink = new Sink();
        new RevealAuditLog(sink).record(new RevealAudit.Reveal(OFFICER, CASE, "/api/v1/cases/x/timeline",
                List.of("seq 1: payload.applicantPayeeAccount"), "核对收款账户"));
        assertEquals(0, sink.batched.size());
        assertEquals(1, sink.durable.size());
        AuditRecord r = sink.durable.get(0);
        assertEquals("REVEAL", r.method());
        assertEquals("officer", r.user());
        assertEquals("京0105", r.organisation());
        assertEquals("/api/v1/cases/x/timeline", r.path());
        Map<?, ?> detail = new ObjectMapper().readValue(r.detail(), Map.class);
        assertEquals(CASE.canonical(), detail.get("caseNumber"));
        assertEquals(List.of("seq 1: payload.applicantPayeeAccount"), detail.get("revealed"));
        assertEquals("核对收款账户", detail.get("reason"));
    }

    @Test
    void aRevealThatCannotBeStoredIsRefused() {
        AuditSink down = new Sink() {
            @Override
            public void recordDurably(AuditRecord record) {
                throw new AuditSink.AuditUnavailable("database down", null);
            }
        };
        assertThrows(IllegalStateException.class, () -> new RevealAuditLog(down).record(new RevealAudit.Reveal(
                OFFICER, CASE, "/v", List.of(), "r")));
    }

    @Test
    void aLongListOfRevealedFieldsIsCutToFitItsColumnSayingHowManyWereLeftOut() throws Exception {
        List<String> many = IntStream.range(0, 2000).mapToObj(i -> "seq " + i + ": payload.respondentIds").toList();
        String json = RevealAuditLog.detail(new RevealAudit.Reveal(OFFICER, CASE, "/v", many, "r"));
        assertTrue(json.length() <= AuditEntry.DETAIL_MAX, "length " + json.length());
        Map<?, ?> detail = new ObjectMapper().readValue(json, Map.class);
        int listed = ((List<?>) detail.get("revealed")).size();
        assertEquals(2000, listed + ((Number) detail.get("notListed")).intValue());
    }
}
