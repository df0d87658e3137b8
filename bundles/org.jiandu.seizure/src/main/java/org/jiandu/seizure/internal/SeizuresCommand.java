package org.jiandu.seizure.internal;

import java.math.BigDecimal;
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
import org.jiandu.api.event.CaseEvent;
import org.jiandu.seizure.internal.ClaimCalculator.Part;
import org.jiandu.seizure.internal.SeizureRegister.AssetView;
import org.jiandu.seizure.internal.SeizureRegister.Releasable;

/** {@code jiandu:seizures <case> [--as-of DATE]}: the case's claim total, seizure register and coverage. */
@Command(scope = "jiandu", name = "seizures", description = "Show a case's seizure register, claim total and coverage"
        + " (Art. 15)")
@Service
public class SeizuresCommand implements Action {
    @Reference
    private RegisterCache cache;
    @Reference
    private SeizureSettings settings;
    @Reference(filter = "(jiandu.clock=true)")
    private Clock clock;

    @Argument(index = 0, name = "case", required = true, description = "Case number, e.g. (2024)京0105执1234号")
    private String caseNumber;

    @Option(name = "--as-of", description = "The day to compute the claim for (ISO date); default today")
    private String asOf;

    @Override
    public Object execute() {
        CaseNumber cn = CaseNumber.parse(caseNumber);
        LocalDate day = asOf == null ? LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE) : LocalDate.parse(asOf);
        CaseFacts facts = cache.facts(cn);
        if (facts.lastSeq() == 0) {
            System.out.println(cn.canonical() + ": no event recorded");
            return null;
        }
        System.out.print(render(SeizureRegister.of(cn.canonical(), facts, day, settings.policy(cn))));
        return null;
    }

    static String render(SeizureRegister reg) {
        StringBuilder sb = new StringBuilder();
        sb.append(reg.caseNumber()).append("  as of ").append(reg.asOf()).append('\n');
        sb.append(String.format("claim total %s%s%n", reg.claim().total().toPlainString(),
                reg.claim().known() ? "" : "  (principal not reported)"));
        for (Part p : reg.claim().parts()) {
            sb.append(String.format("  %-18s %14s  paid %14s  unpaid %14s  %s%n", p.name(), p.amount().toPlainString(),
                    p.paid().toPlainString(), p.unpaid().toPlainString(), p.label()));
        }
        if (reg.claim().lateDays() > 0) {
            sb.append(String.format("  doubled interest: %d days after %s at 0.0175%%/day%n", reg.claim().lateDays(),
                    reg.claim().performanceDeadline()));
        }
        sb.append("assets\n");
        for (AssetView v : reg.assets()) {
            sb.append(String.format("  %-20s %-12s %-8s %-9s value %14s  prior %12s  counted %14s  expiry %s%n",
                    v.id(), v.asset().kind() == null ? "?" : v.asset().kind(),
                    SeizureRegister.measureLabel(v.asset().measure(), v.asset().queued()), v.status(),
                    v.gross() == null ? "-" : v.gross().toPlainString(), v.priorClaims().toPlainString(),
                    v.counted().toPlainString(), v.expiry() == null ? "-" : v.expiry()));
        }
        BigDecimal ratio = reg.coverageRatio();
        sb.append(String.format("controlled %s  uncovered %s  excess %s  coverage %s  clearly exceeds (x%s): %s%n",
                reg.controlledValue().toPlainString(), reg.uncovered().toPlainString(), reg.excess().toPlainString(),
                ratio == null ? "-" : ratio.toPlainString(), reg.policy().ratio().toPlainString(),
                reg.clearlyExceeds() ? "YES" : "no"));
        List<Releasable> rs = reg.releasable();
        for (Releasable r : rs) {
            sb.append(String.format("  releasable %-20s %-26s %s%n", r.assetId(), r.action(),
                    r.amount().toPlainString()));
        }
        reg.objections().forEach(o -> sb.append(String.format("  objection %s filed %s %s (seizure not suspended)%n",
                o.id(), o.filedOn(), o.outcome() == null ? "PENDING" : o.outcome())));
        return sb.toString();
    }
}
