package org.jiandu.credit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.mask.MaskingPolicy;

/**
 * {@code jiandu:credit <case> [--as-of DATE]}: the case's credit measures, each with status, due dates and the lift
 * it waits for; identifiers masked as in every view.
 */
@Command(scope = "jiandu", name = "credit", description = "Show a case's credit measures (限制消费, 失信) with status"
        + " and due dates (Art. 23)")
@Service
public class CreditCommand implements Action {
    @Reference
    private CreditQueries queries;
    @Reference
    private MaskingPolicy masking;
    @Reference(filter = "(jiandu.clock=true)")
    private Clock clock;

    @Argument(index = 0, name = "case", required = true, description = "Case number, e.g. (2024)京0105执1234号")
    private String caseNumber;

    @Option(name = "--as-of", description = "The day to compute the status for (ISO date); default today")
    private String asOf;

    @Override
    public Object execute() {
        CaseNumber cn = CaseNumber.parse(caseNumber);
        LocalDate day = asOf == null ? LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE) : LocalDate.parse(asOf);
        List<CreditMeasure> measures = queries.caseMeasures(cn, day).orElse(null);
        if (measures == null) {
            System.out.println(cn.canonical() + ": no event recorded");
            return null;
        }
        System.out.print(render(cn.canonical(), day, measures, masking));
        return null;
    }

    static String render(String caseNumber, LocalDate day, List<CreditMeasure> measures, MaskingPolicy masking) {
        StringBuilder sb = new StringBuilder(caseNumber).append("  as of ").append(day).append('\n');
        if (measures.isEmpty()) {
            sb.append("  no credit measure\n");
        }
        for (CreditMeasure m : measures) {
            CreditMeasure.Person p = m.person();
            String who = p == null ? "?" : p.name() + (p.identifiers().isEmpty() ? ""
                    : " " + masking.mask(p.identifiers().get(0).kind(), p.identifiers().get(0).value()))
                    + " " + p.role();
            sb.append(String.format("  %-12s %-11s %-18s %s%n", m.measureId(), m.listing() ? "失信" : "限制消费",
                    m.status(), who));
            if (m.decision() != null) {
                sb.append(String.format("      decision %s on %s signed by %s (%s)%s%n", m.decision().number(),
                        m.decision().on(), m.decision().signedBy(), m.decision().role(),
                        m.servedOn() == null ? ", not served" : ", served " + m.servedOn()));
            }
            if (m.grace() != null) {
                sb.append(String.format("      grace %s … %s (%d months)%n", m.grace().from(), m.grace().until(),
                        m.grace().months()));
            }
            if (m.liftDue() != null) {
                sb.append(String.format("      lift due %s (%s since %s)%s%n", m.liftDue().due(), m.liftDue().ground(),
                        m.liftDue().since(), m.liftDue().overdue() ? "  OVERDUE" : ""));
            }
            for (CreditMeasure.Due d : m.deadlines()) {
                sb.append(String.format("      %-26s due %s%s  %s%n", d.rule(), d.due(),
                        d.metOn() == null ? (d.overdue() ? " OVERDUE" : "") : " met " + d.metOn(), d.title()));
            }
        }
        return sb.toString();
    }
}
