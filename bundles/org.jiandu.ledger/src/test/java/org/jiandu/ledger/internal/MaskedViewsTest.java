package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.ledger.internal.mask.MaskingPolicyService;
import org.junit.jupiter.api.Test;

/**
 * The views mask by the one policy: the timeline, a check's answer and the recorded check show an account the same
 * way; {@code ?reveal=true} needs a reason and a role that may reveal for the court, and is recorded.
 */
class MaskedViewsTest {
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");
    private static final String PRIVATE = "621700001111222333";
    private static final String MASKED = "**************2333";
    private final MaskingPolicyService policy = new MaskingPolicyService();
    private final Caller officer = new Caller("officer", Set.of(Roles.COURT_OFFICER), "京0105");

    @Test
    void theAnswerOfACheckAndItsRecordMaskAnAccountAlike() {
        Operation op = new Operation("DEDUCT", CASE, Payload.of(Map.of("toAccount", PRIVATE, "amount", "5.00")),
                officer);
        // a guard that reports the account as it was given
        Verdict v = Verdict.deny("acme.accounts", "法〔2021〕322号 第20条", "不是本案案款账户", Map.of("toAccount", PRIVATE));
        GuardCheck check = new GuardCheck(7, Instant.EPOCH, op, Decision.DENY, 1, List.of(v));
        RecordedCheck recorded = new RecordedCheck(7, Instant.EPOCH, "officer", "京0105", "DEDUCT", CASE,
                Decision.DENY, 1, op.details(), List.of(v));

        GuardDtos.GuardCheckDto answer = GuardDtos.GuardCheckDto.of(check, policy);
        GuardDtos.GuardHistoryDto history = GuardDtos.GuardHistoryDto.of(CASE, List.of(recorded), policy);

        assertEquals(MASKED, answer.verdicts().get(0).details().get("toAccount"));
        GuardDtos.RecordedCheckDto shown = history.checks().get(0);
        assertEquals(MASKED, shown.details().raw("toAccount"));
        assertEquals(MASKED, shown.verdicts().get(0).details().get("toAccount"));
        assertEquals("5.00", shown.details().raw("amount"));
        assertFalse(history.revealed());
        assertEquals(PRIVATE, GuardDtos.GuardHistoryDto.revealed(CASE, List.of(recorded)).checks().get(0).details()
                .raw("toAccount"));
    }

    @Test
    void theCutPreviewOfLargeDetailsIsWithheldWhenItNamesAnAccount() {
        Map<String, Object> summary = Map.of("truncated", true, "length", 20_000L, "sha256", "0".repeat(64),
                "preview", "{\"note\":\"…\",\"toAccount\":\"" + PRIVATE + "\"");
        RecordedCheck recorded = new RecordedCheck(8, Instant.EPOCH, "officer", "京0105", "DEDUCT", CASE,
                Decision.ALLOW, 1, Payload.of(summary), List.of());
        Payload shown = GuardDtos.GuardHistoryDto.of(CASE, List.of(recorded), policy).checks().get(0).details();
        assertFalse(shown.raw("preview").toString().contains(PRIVATE), shown.toString());
        assertEquals("0".repeat(64), shown.raw("sha256"));
    }

    @Test
    void theTimelineMasksPayloadsButKeepsTheHashesOfTheFullValues() {
        CaseEvent e = new CaseEvent("h-1", CASE, CoreEventTypes.MONEY_DISBURSED,
                OffsetDateTime.parse("2024-10-08T09:30:00+08:00"), Instant.EPOCH, new Actor("p-1", null, "京0105"),
                Payload.of(Map.of("amount", "5.00", "payeeAccount", PRIVATE)), null);
        LedgerEntry entry = new LedgerEntry(1, e, "0".repeat(64), "a".repeat(64));
        LedgerDtos.TimelineDto t = LedgerDtos.TimelineDto.of(CASE, List.of(entry), CoreEventTypes::byId, policy::mask,
                false);
        assertEquals(MASKED, t.entries().get(0).entry().payload().raw("payeeAccount"));
        assertEquals("a".repeat(64), t.entries().get(0).entry().hash());
        assertEquals(PRIVATE, e.payload().raw("payeeAccount"), "the stored event is untouched");
    }

    @Test
    void noRevealAskedIsNoReveal() {
        assertFalse(Reveals.requested(null, null, officer, CASE, policy));
        assertFalse(Reveals.requested("false", null, officer, CASE, policy));
    }

    @Test
    void aRevealWithoutAReasonIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Reveals.requested("true", " ", officer, CASE, policy));
        assertEquals("REASON_REQUIRED", e.code());
        assertEquals("reason", e.field());
    }

    @Test
    void aRevealByARoleThatMayNotIsForbidden() {
        Caller inspector = new Caller("inspector", Set.of(Roles.INSPECTOR), "京0105");
        ApiException e = assertThrows(ApiException.class,
                () -> Reveals.requested("true", "核查", inspector, CASE, policy));
        assertEquals(403, e.status());
        assertEquals("REVEAL_FORBIDDEN", e.code());
        Caller otherCourt = new Caller("o2", Set.of(Roles.COURT_OFFICER), "沪0115");
        assertEquals(403, assertThrows(ApiException.class,
                () -> Reveals.requested("true", "核查", otherCourt, CASE, policy)).status());
    }

    @Test
    void aRevealValueOtherThanTrueOrFalseIsRefused() {
        assertEquals("reveal", assertThrows(ValidationException.class,
                () -> Reveals.requested("yes", "r", officer, CASE, policy)).field());
    }

    @Test
    void anAllowedRevealIsRecordedWithWhoWhatAndWhy() {
        assertTrue(Reveals.requested("TRUE", "核对发放账户", officer, CASE, policy));
        List<RevealAudit.Reveal> recorded = new ArrayList<>();
        Reveals.record(recorded::add, officer, CASE, "/api/v1/cases/x/timeline", List.of("seq 1: payload.payeeAccount"),
                " 核对发放账户 ");
        assertEquals(1, recorded.size());
        assertEquals("officer", recorded.get(0).caller().user());
        assertEquals(List.of("seq 1: payload.payeeAccount"), recorded.get(0).revealed());
        assertEquals("核对发放账户", recorded.get(0).reason());
    }

    @Test
    void aRevealThatCannotBeAuditedRevealsNothing() {
        ApiException e = assertThrows(ApiException.class, () -> Reveals.record(r -> {
            throw new IllegalStateException("database down");
        }, officer, CASE, "/v", List.of(), "r"));
        assertEquals(503, e.status());
        assertEquals("AUDIT_UNAVAILABLE", e.code());
    }
}
