package org.jiandu.ledger.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.Tampering;
import org.jiandu.api.ledger.VerificationReport;

/** {@code jiandu:verify [case]}: recompute the hash chain of one case, or of every case. */
@Command(scope = "jiandu", name = "verify", description = "Verify the ledger's hash chains and its latest signed checkpoint (one case or all)")
@Service
public class VerifyCommand implements Action {
    @Reference
    private CaseLedger ledger;

    @Argument(index = 0, name = "case", description = "Case number, e.g. (2024)京0105执1234号; omit for all cases")
    private String caseNumber;

    @Override
    public Object execute() {
        long start = System.nanoTime();
        VerificationReport r = caseNumber == null ? ledger.verifyAll() : ledger.verify(CaseNumber.parse(caseNumber));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d case(s), %d entries checked in %d ms: %s%n", r.casesChecked(), r.entriesChecked(), ms,
                r.intact() ? "INTACT" : r.problems().size() + " PROBLEM(S)");
        for (Tampering t : r.problems()) {
            System.out.printf("  %-11s %s #%d  %s%n", t.kind(), t.caseNumber() == null ? "(ledger)" : t.caseNumber(),
                    t.seq(), t.detail());
        }
        return null;
    }
}
