package org.jiandu.api.query;

import org.jiandu.api.finding.Finding;

/**
 * The findings a bundle has raised, registered by that bundle as an OSGi service (the node monitor and the seizure
 * bundle each register one). Readers collect every registered one and combine them with {@link Aggregate}.
 *
 * <p>Contract: as {@link AlertQuery} — called on the reader's thread, possibly concurrently, may block on the
 * producer's store, never on an EventAdmin thread; answers only what {@link CourtScope} admits. Positions are the
 * source's own (its finding ids); an {@link IllegalArgumentException} means a malformed cursor.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface FindingQuery {

    /** The producing bundle's symbolic name, the same as {@link Finding#source()} of its findings. */
    String source();

    /** Findings matching {@code filter}, newest first, at most {@code filter.limit()}. */
    Batch<Finding> findings(FindingFilter filter);

    /**
     * The feed: findings of {@code courts} stored after position {@code cursor} ({@code null}: from the first),
     * in the order stored, at most {@code limit} (1 to 1000); see {@link AlertQuery#alertsSince}.
     */
    Batch<Finding> findingsSince(String cursor, CourtScope courts, int limit);
}
