package org.jiandu.api.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One case as the ledger's case search sees it, from the entries recorded so far.
 *
 * @param caseNumber    the case, canonical form
 * @param court         its court code
 * @param entries       how many ledger entries it has
 * @param filedOn       the day of its CASE_FILED (reported by the host), or {@code null} when none was recorded
 * @param firstRecorded when its first entry was recorded
 * @param lastOccurred  when its latest event occurred, as reported
 * @param lastRecorded  when its latest entry was recorded
 * @param lastType      the latest entry's event type
 * @param status        where the case stands
 * @param flags         what happened on it (see {@link Flag})
 */
public record CaseSummary(String caseNumber, String court, long entries, LocalDate filedOn, Instant firstRecorded,
        Instant lastOccurred, Instant lastRecorded, String lastType, CaseStatus status, Set<Flag> flags) {

    public CaseSummary {
        flags = Set.copyOf(flags);
    }

    /** Where a case stands, from its entries. Each has a stored code that never changes. */
    public enum CaseStatus {
        /** Recorded, not yet transferred to enforcement. Code 0. */
        FILED(0),
        /** TRANSFERRED_TO_ENFORCEMENT recorded. Code 1. */
        IN_ENFORCEMENT(1),
        /** TERMINATION_RULED (终本) recorded, CASE_CLOSED not. Code 2. */
        TERMINATED(2),
        /** CASE_CLOSED recorded. Code 3. */
        CLOSED(3);

        private final int code;

        CaseStatus(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The status with the stored {@code code}. */
        public static CaseStatus ofCode(int code) {
            for (CaseStatus s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("No case status has the code " + code);
        }
    }

    /** Things that happened on a case, for filtering. Each has a stored bit that never changes. */
    public enum Flag {
        /** An entry corrects an earlier one (Art. 12). Bit 0. */
        CORRECTED(0),
        /** A deducted period or suspension is running. Bit 1. */
        PERIOD_RUNNING(1),
        /** Property was controlled (seized, frozen, detained). Bit 2. */
        PROPERTY_CONTROLLED(2),
        /** Money was received on the case. Bit 3. */
        MONEY_RECEIVED(3),
        /** A petition (信访) was received. Bit 4. */
        PETITION(4);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        /** The flag's bit number in the stored mask. */
        public int bit() {
            return bit;
        }

        public int mask() {
            return 1 << bit;
        }
    }
}
