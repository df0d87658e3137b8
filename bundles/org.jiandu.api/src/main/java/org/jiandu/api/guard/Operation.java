package org.jiandu.api.guard;

import java.util.Objects;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;
import org.jiandu.api.rest.Caller;

/**
 * An operation the host platform is about to perform and asks about (违规操作自动拦截, Art. 12).
 *
 * @param type        what the operation is, e.g. {@code TERMINATE_ROUND} (终本), {@code FREEZE}, {@code DISBURSE}; a
 *                    guard decides which types it cares about and answers ALLOW for the others
 * @param caseNumber  the case
 * @param details     the operation's particulars (amounts as exact decimals, accounts, asset ids …)
 * @param requestedBy who asks (user, roles, organisation); {@code null} for in-process callers without one
 */
public record Operation(String type, CaseNumber caseNumber, Payload details, Caller requestedBy) {
    public Operation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(caseNumber, "caseNumber");
        details = details == null ? Payload.EMPTY : details;
    }
}
