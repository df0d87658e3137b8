package org.jiandu.api.query;

import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.deadline.Deadline;

/**
 * The deadlines a bundle keeps for cases (the node monitor registers one, {@link QuerySources#NODE_MONITOR}); a
 * reader collects every registered one and combines them with {@link Aggregate#collect}.
 *
 * <p>Contract: called on the reader's thread, possibly concurrently; may block on the producer's store, never call
 * it on an EventAdmin thread. Answers every deadline of the case, whatever the caller may see (the reader checks
 * the case's court). An exception is the producer's failure.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DeadlineQuery {

    /** The producing bundle's symbolic name. */
    String source();

    /** Every deadline of the case, open and closed, in the order they were opened, each with its alerts. */
    List<Deadline> deadlines(CaseNumber caseNumber);
}
