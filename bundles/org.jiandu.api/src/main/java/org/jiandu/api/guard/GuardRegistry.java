package org.jiandu.api.guard;

import java.util.List;

import org.jiandu.api.CaseNumber;

/**
 * Consults every installed {@link OperationGuard} about an operation and records the check (who asked, the
 * operation, every verdict). Registered by the ledger bundle; {@code POST /api/v1/guard/check} and
 * {@code GET /api/v1/guard/checks/{caseNumber}} are its REST face.
 *
 * <p>Threading: both methods are thread-safe, may be called from any thread and block on the database (a check
 * also waits for every guard); do not call them from an EventAdmin handler.
 */
@org.osgi.annotation.versioning.ProviderType
public interface GuardRegistry {
    /** The largest page {@link #history} answers. */
    int MAX_HISTORY = 100;

    /**
     * Asks every installed guard about {@code operation}, combines the verdicts and records the check.
     *
     * @throws org.jiandu.api.ValidationException when a guard finds the operation's details malformed (the caller's
     *         input is at fault; nothing is recorded)
     */
    GuardCheck check(Operation operation);

    /**
     * The recorded checks of a case, newest first.
     *
     * @param limit at most this many, {@code 1 ..} {@link #MAX_HISTORY}
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    List<RecordedCheck> history(CaseNumber caseNumber, int limit);
}
