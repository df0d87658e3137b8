package org.jiandu.api.deadline;

import java.util.List;

import org.jiandu.api.ledger.LedgerEntry;

/**
 * A statutory time limit on a key node of an enforcement case (Arts. 8, 13, 16, 22 … of 法〔2021〕322号):
 * "within N units of this event, that must happen". Deadlines are derived, never typed in: a rule turns ledger
 * entries into deadlines and closes them when the satisfying event arrives; the node monitor computes the due date
 * with the working-day calendar, stores it with its explanation, and raises reminders, overdue alerts and
 * escalations.
 *
 * <p>Rules are whiteboard services: a bundle that registers one is consulted for every new ledger entry from then
 * on, and its open deadlines are dropped from monitoring when it goes away.
 *
 * <p>Contract: {@link #onEntry} is called once per new ledger entry of a case, in the case's order, possibly
 * concurrently for different cases. It must be a pure function of its arguments — no I/O, no clock, no state kept
 * between calls — so that the monitor can replay a case (after a correction, or for an "as-of" evaluation) and get
 * the same answer. It must be quick (microseconds). An exception is a defect of the rule: the monitor logs it and
 * records a finding against the rule, and goes on with the other rules.
 *
 * <p>Write a rule with the helpers of {@link DeadlineRules} ({@code is}, {@code day}, {@code open}, {@code close},
 * {@code earlier} …), as the built-in rules are; where a rule needs a case's facts rather than its entries, read
 * them with {@link org.jiandu.api.ledger.CaseHistory#effective}, the one meaning of an Art. 12 correction.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DeadlineRule {

    /** A stable id, e.g. {@code art13.network-query}; part of every deadline and alert key. */
    String id();

    /** The provision relied on, e.g. {@code 法〔2021〕322号 第13条}. */
    String article();

    /** What the deadline is, in Chinese, e.g. {@code 收案后5个工作日内启动网络查控}. */
    String title();

    /**
     * What {@code entry} does to this rule's deadlines on its case.
     *
     * @param entry   the new entry
     * @param history the case's entries in order, up to and including {@code entry}
     * @return the deadlines it opens or closes and the findings it raises; empty when it does not concern the rule
     */
    List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history);
}
