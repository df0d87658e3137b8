package org.jiandu.api.guard;

import java.time.Instant;
import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;

/**
 * A guard check as the registry recorded it (Art. 12 of 法〔2021〕322号: an intercepted operation leaves a trace):
 * who asked, about which operation, and what every guard answered.
 *
 * @param checkId         the check's id, as {@link GuardCheck#checkId()} answered it
 * @param checkedAt       when it was checked
 * @param user            who asked, or {@code null} for an in-process caller without one
 * @param organisation    the asker's organisation, or {@code null}
 * @param operationType   the operation's type, e.g. {@code TERMINATE_ROUND}
 * @param caseNumber      the case
 * @param decision        the combined decision
 * @param guardsConsulted how many guards answered (0: nothing was checked)
 * @param details         the operation's details as checked
 * @param verdicts        each guard's answer, in the order they were consulted
 */
public record RecordedCheck(long checkId, Instant checkedAt, String user, String organisation, String operationType,
        CaseNumber caseNumber, Decision decision, int guardsConsulted, Payload details, List<Verdict> verdicts) {
    public RecordedCheck {
        details = details == null ? Payload.EMPTY : details;
        verdicts = List.copyOf(verdicts);
    }
}
