package org.jiandu.ledger.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.mask.MaskingPolicy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON bodies of {@link GuardResource}; the OpenAPI document describes them from these records. */
public final class GuardDtos {
    private GuardDtos() {
    }

    /** {@code POST /api/v1/guard/check}: the combined decision and every guard's verdict. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GuardCheckDto(long checkId, Instant checkedAt, String operationType, String caseNumber, Decision decision,
            int guardsConsulted, List<Verdict> verdicts, String note) {
        static GuardCheckDto of(GuardCheck c, MaskingPolicy masking) {
            return new GuardCheckDto(c.checkId(), c.checkedAt(), c.operation().type(), c.operation().caseNumber().canonical(),
                    c.decision(), c.guardsConsulted(), masked(c.verdicts(), masking), c.guardsConsulted() == 0
                            ? "No guard is installed: nothing was checked (install jiandu-node-monitor, "
                                    + "jiandu-seizure-guard, …)"
                            : null);
        }
    }

    /**
     * The verdicts as every view of a check shows them: figures named in {@link OperationTypes#SENSITIVE_DETAILS}
     * masked by the masking policy, as the check's details are (one rule for the answer and the history).
     */
    static List<Verdict> masked(List<Verdict> verdicts, MaskingPolicy masking) {
        return verdicts.stream().map(v -> new Verdict(v.guard(), v.decision(), v.article(), v.reason(),
                masking.mask(OperationTypes.SENSITIVE_DETAILS, v.details()))).toList();
    }

    /** One recorded check in {@code GET /api/v1/guard/checks/{caseNumber}}. */
    public record RecordedCheckDto(long checkId, Instant checkedAt, String user, String organisation, String operationType,
            Decision decision, int guardsConsulted, Payload details, List<Verdict> verdicts) {
        static RecordedCheckDto of(RecordedCheck c) {
            return new RecordedCheckDto(c.checkId(), c.checkedAt(), c.user(), c.organisation(), c.operationType(),
                    c.decision(), c.guardsConsulted(), c.details(), c.verdicts());
        }

        /**
         * The check with its details and verdict figures masked ({@link OperationTypes#SENSITIVE_DETAILS}). Details
         * stored as a summary ({@code truncated}, {@link CheckRecordForm}) keep their preview only when it names no
         * sensitive detail: the preview is cut JSON text, which is not parsed for values.
         */
        static RecordedCheckDto masked(RecordedCheck c, MaskingPolicy masking) {
            Map<String, Object> details = masking.mask(OperationTypes.SENSITIVE_DETAILS, c.details().asMap());
            if (Boolean.TRUE.equals(details.get("truncated")) && details.get("preview") instanceof String preview
                    && OperationTypes.SENSITIVE_DETAILS.keySet().stream().anyMatch(k -> preview.contains("\"" + k
                            + "\""))) {
                details = new java.util.LinkedHashMap<>(details);
                details.put("preview", "(withheld: it may hold personal data; ?reveal=true&reason=… shows it)");
            }
            return new RecordedCheckDto(c.checkId(), c.checkedAt(), c.user(), c.organisation(), c.operationType(),
                    c.decision(), c.guardsConsulted(), Payload.of(details), GuardDtos.masked(c.verdicts(), masking));
        }
    }

    /**
     * {@code GET /api/v1/guard/checks/{caseNumber}}: a case's recorded checks, newest first, masked unless
     * {@code revealed} ({@code ?reveal=true&reason=…}, audited).
     */
    public record GuardHistoryDto(String caseNumber, int count, boolean revealed, List<RecordedCheckDto> checks) {
        static GuardHistoryDto of(CaseNumber cn, List<RecordedCheck> checks, MaskingPolicy masking) {
            return new GuardHistoryDto(cn.canonical(), checks.size(), false,
                    checks.stream().map(c -> RecordedCheckDto.masked(c, masking)).toList());
        }

        static GuardHistoryDto revealed(CaseNumber cn, List<RecordedCheck> checks) {
            return new GuardHistoryDto(cn.canonical(), checks.size(), true,
                    checks.stream().map(RecordedCheckDto::of).toList());
        }
    }
}
