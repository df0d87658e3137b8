package org.jiandu.ledger.internal;

import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;

/**
 * {@code ?reveal=true&reason=…} of the views that mask ({@link MaskingPolicy}): whether the caller asked to see full
 * values and may, and the durable record of each reveal ({@link RevealAudit}, 《个人信息保护法》 Art. 51).
 */
final class Reveals {
    /** Characters of a stated reason at most (the audit keeps it whole). */
    static final int REASON_MAX = 500;

    private Reveals() {
    }

    /**
     * Whether the request asks to reveal, checked: {@code reveal} absent or {@code false} answers {@code false}.
     *
     * @throws ValidationException {@code INVALID_FIELD} (reveal neither true nor false), {@code REASON_REQUIRED}
     *         (no reason stated), {@code FIELD_TOO_LONG} / {@code INVALID_TEXT} (reason)
     * @throws ApiException 403 {@code REVEAL_FORBIDDEN} when the caller may not reveal for the case's court
     */
    static boolean requested(String reveal, String reason, Caller caller, CaseNumber cn, MaskingPolicy policy) {
        if (reveal == null || reveal.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (!reveal.strip().equalsIgnoreCase("true")) {
            throw new ValidationException("INVALID_FIELD", "reveal", "reveal must be true or false");
        }
        if (!policy.mayReveal(caller, cn)) {
            throw new ApiException(403, "REVEAL_FORBIDDEN", "reveal", "User " + caller.user() + " may not reveal the"
                    + " full values of cases of court " + cn.courtCode() + ": only the roles configured in "
                    + MaskingPolicy.PID + " (revealRoles) of an organisation covering the court, and admin, may");
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("REASON_REQUIRED", "reason", "State why the full values are needed:"
                    + " ?reveal=true&reason=… (every reveal is audited with its reason)");
        }
        if (reason.length() > REASON_MAX) {
            throw new ValidationException("FIELD_TOO_LONG", "reason", "reason must be at most " + REASON_MAX
                    + " characters");
        }
        EventValidator.checkText(reason, "reason");
        return true;
    }

    /**
     * Records the reveal durably before the view answers.
     *
     * @throws ApiException 503 {@code AUDIT_UNAVAILABLE} when it could not be recorded: nothing is revealed then
     */
    static void record(RevealAudit audit, Caller caller, CaseNumber cn, String view, List<String> revealed,
            String reason) {
        try {
            audit.record(new RevealAudit.Reveal(caller, cn, view, revealed, reason.strip()));
        } catch (IllegalStateException e) {
            throw new ApiException(503, "AUDIT_UNAVAILABLE", null, "The reveal could not be audited, so nothing is"
                    + " revealed; retry later or ask without reveal=true");
        }
    }
}
