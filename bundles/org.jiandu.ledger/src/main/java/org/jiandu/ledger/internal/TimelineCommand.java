package org.jiandu.ledger.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.mask.MaskingPolicy;

/**
 * {@code jiandu:timeline <case>}: the case's recorded events in order, payloads masked by the masking policy as in
 * every view ({@code GET /api/v1/cases/{cn}/timeline?reveal=true&reason=…} reveals, audited).
 */
@Command(scope = "jiandu", name = "timeline", description = "Show a case's recorded events in order")
@Service
public class TimelineCommand implements Action {
    @Reference
    private CaseLedger ledger;
    @Reference
    private MaskingPolicy masking;
    @Reference
    private EventTypeRegistry types;

    @Argument(index = 0, name = "case", required = true, description = "Case number, e.g. (2024)京0105执1234号")
    private String caseNumber;

    @Override
    public Object execute() {
        CaseNumber cn = CaseNumber.parse(caseNumber);
        System.out.println(cn.canonical());
        for (LedgerEntry e : ledger.timeline(cn)) {
            System.out.printf("%4d  %s  %-28s %s %s%n", e.seq(), e.event().occurredAt(), e.event().type(),
                    e.event().payload().asMap().isEmpty() ? ""
                            : masking.mask(types.get(e.event().type()), e.event().payload()).asMap(),
                    e.event().correction() == null ? "" : "[corrects " + e.event().correction().correctsHostEventId()
                            + ", approved by " + e.event().correction().approver() + "]");
        }
        return null;
    }
}
