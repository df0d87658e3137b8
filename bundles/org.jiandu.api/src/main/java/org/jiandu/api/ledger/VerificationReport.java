package org.jiandu.api.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The result of verifying one case or the whole ledger: how many cases and entries were checked, and every
 * inconsistency found. {@link #intact()} is true only when nothing was found.
 */
public record VerificationReport(Instant verifiedAt, long casesChecked, long entriesChecked, List<Tampering> problems) {
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
