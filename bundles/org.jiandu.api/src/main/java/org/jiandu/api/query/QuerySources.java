package org.jiandu.api.query;

import java.util.List;

/**
 * The names of Jiandu's producing bundles (their symbolic names), as {@code source()} of their query services and
 * of {@link org.jiandu.api.finding.Finding#source()}, and which of them produce what. A reader passes the relevant
 * list to {@link Aggregate} so that a producer that is not installed is reported as such.
 */
public final class QuerySources {
    /** The ledger bundle ({@code jiandu-core}): case search. */
    public static final String LEDGER = "org.jiandu.ledger";
    /** The node monitor ({@code jiandu-node-monitor}): deadlines, alerts, findings of its rules. */
    public static final String NODE_MONITOR = "org.jiandu.monitor";
    /** The anti-over-seizure bundle ({@code jiandu-seizure-guard}): seizure registers, over-seizure findings. */
    public static final String SEIZURE = "org.jiandu.seizure";
    /**
     * The credit bundle ({@code jiandu-credit}): credit measures ({@link org.jiandu.api.credit.CreditQuery}).
     *
     * @since query package 1.1.0
     */
    public static final String CREDIT = "org.jiandu.credit";

    /** Producers of {@link DeadlineQuery}. */
    public static final List<String> DEADLINES = List.of(NODE_MONITOR);
    /** Producers of {@link AlertQuery}. */
    public static final List<String> ALERTS = List.of(NODE_MONITOR);
    /** Producers of {@link FindingQuery} (the credit bundle since query package 1.1.0). */
    public static final List<String> FINDINGS = List.of(NODE_MONITOR, SEIZURE, CREDIT);
    /** Producers of {@link SeizureQuery}. */
    public static final List<String> SEIZURES = List.of(SEIZURE);
    /**
     * Producers of {@link org.jiandu.api.credit.CreditQuery}.
     *
     * @since query package 1.1.0
     */
    public static final List<String> CREDITS = List.of(CREDIT);
    /** Producers of {@link CaseSearch}. */
    public static final List<String> CASES = List.of(LEDGER);

    private QuerySources() {
    }
}
