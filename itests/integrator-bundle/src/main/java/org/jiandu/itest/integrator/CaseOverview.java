package org.jiandu.itest.integrator;

import java.util.List;
import java.util.SortedSet;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.alert.Alert;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.Answer;

/**
 * A case as an integrator's bundle sees it through {@code org.jiandu.api}: its deadlines, alerts and findings from
 * every registered {@link org.jiandu.api.query.DeadlineQuery}, {@link org.jiandu.api.query.AlertQuery} and
 * {@link org.jiandu.api.query.FindingQuery}, each {@link Answer} saying in its {@code sources()} which producers
 * answered and which are not installed; and what the bundle's ledger consumer and finding subscriber received.
 *
 * <p>Threading: any thread except an EventAdmin delivery thread (the listings call the producers' stores and may
 * block on them). Courts: every court; a bundle serving people would build the scope from its caller.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CaseOverview {

    /** Every deadline of the case, open and closed, in the order each producer opened them. */
    Answer<Deadline> deadlines(CaseNumber caseNumber);

    /** Every alert of the case, newest first, read to the last page. */
    Answer<Alert> alerts(CaseNumber caseNumber);

    /** Every finding of the case, newest first, read to the last page. */
    Answer<Finding> findings(CaseNumber caseNumber);

    /** How many distinct ledger entries (case and seq) the ledger follower has delivered to this bundle. */
    long entriesFollowed();

    /** The seqs of the case's entries delivered to this bundle; empty when none. */
    SortedSet<Long> followed(CaseNumber caseNumber);

    /** The findings received on {@code jiandu/finding/*} since this bundle started, in the order received. */
    List<Finding> findingsReceived();
}
