package org.jiandu.monitor.internal;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code jiandu:deadlines <case> [--explain]}: a case's deadlines, open and closed, and its findings. */
@Command(scope = "jiandu", name = "deadlines", description = "A case's deadlines (open and closed) and findings")
@Service
public class DeadlinesCommand implements Action {
    @Reference
    private MonitorStore store;

    @Argument(index = 0, name = "case", required = true, description = "Case number, e.g. (2024)京0105执1234号")
    private String caseNumber;

    @Option(name = "--explain", description = "print each due date's explanation")
    private boolean explain;

    @Override
    public Object execute() {
        String cn = CaseNumber.parse(caseNumber).canonical();
        List<DeadlineEntity> deadlines = store.deadlines(cn);
        Map<Long, List<AlertEntity>> alerts = store.alertsOf(deadlines);
        System.out.printf("%s: %d deadline(s)%n", cn, deadlines.size());
        for (DeadlineEntity d : deadlines) {
            System.out.printf("%-10s %-28s %-22s due %-10s  %s（%s）%n", d.getStatus(), d.getRuleId(), d.getKey(),
                    d.getDueDate() == null ? "—" : d.getDueDate(), d.getTitle(), d.getArticle());
            System.out.printf("           trigger #%d %s %s, %d %s%s%n", d.getTriggerSeq(), d.getTriggerType(),
                    d.getTriggerDate(), d.getAmount(), d.getUnit(),
                    d.getClosedSeq() == null ? "" : "; closed by #" + d.getClosedSeq() + " " + d.getClosedType() + " "
                            + d.getClosedOccurredAt());
            if (d.getNote() != null) {
                System.out.printf("           note: %s%n", d.getNote());
            }
            for (AlertEntity a : alerts.getOrDefault(d.getId(), List.of())) {
                System.out.printf("           alert %d %s %s%n", a.getId(), a.getLevel(), MonitorStore.day(a.getRaisedAt()));
            }
            if (explain && d.getExplanation() != null) {
                for (JsonNode step : Views.parse(d.getExplanation()).path("steps")) {
                    System.out.printf("             · %s%n", step.path("text").asText());
                }
            }
        }
        for (FindingEntity f : store.findings(cn)) {
            System.out.printf("FINDING %-10s %-24s #%d %s%n", f.getSeverity(), f.getRuleId(), f.getEntrySeq(),
                    f.getMessage());
        }
        return null;
    }
}
