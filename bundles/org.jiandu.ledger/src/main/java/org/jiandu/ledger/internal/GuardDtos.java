package org.jiandu.ledger.internal;

import java.time.Instant;
import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.guard.Verdict;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON bodies of {@link GuardResource}; the OpenAPI document describes them from these records. */
public final class GuardDtos {
    private GuardDtos() {
    }

    /** {@code POST /api/v1/guard/check}: the combined decision and every guard's verdict. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GuardCheckDto(long checkId, Instant checkedAt, String operationType, String caseNumber, Decision decision,
            int guardsConsulted, List<Verdict> verdicts, String note) {
        static GuardCheckDto of(GuardCheck c) {
            return new GuardCheckDto(c.checkId(), c.checkedAt(), c.operation().type(), c.operation().caseNumber().canonical(),
                    c.decision(), c.guardsConsulted(), c.verdicts(), c.guardsConsulted() == 0
                            ? "No guard is installed: nothing was checked (install jiandu-node-monitor, "
                                    + "jiandu-seizure-guard, …)"
                            : null);
        }
    }

    /** One recorded check in {@code GET /api/v1/guard/checks/{caseNumber}}. */
    public record RecordedCheckDto(long checkId, Instant checkedAt, String user, String organisation, String operationType,
            Decision decision, int guardsConsulted, Payload details, List<Verdict> verdicts) {
        static RecordedCheckDto of(RecordedCheck c) {
            return new RecordedCheckDto(c.checkId(), c.checkedAt(), c.user(), c.organisation(), c.operationType(),
                    c.decision(), c.guardsConsulted(), c.details(), c.verdicts());
        }
    }

    /** {@code GET /api/v1/guard/checks/{caseNumber}}: a case's recorded checks, newest first. */
    public record GuardHistoryDto(String caseNumber, int count, List<RecordedCheckDto> checks) {
        static GuardHistoryDto of(CaseNumber cn, List<RecordedCheck> checks) {
            return new GuardHistoryDto(cn.canonical(), checks.size(), checks.stream().map(RecordedCheckDto::of).toList());
        }
    }
}
