package org.jiandu.api.query;

import java.util.Optional;

import org.jiandu.api.alert.Alert;

/**
 * The alerts a bundle has raised (Art. 8 of 法〔2021〕322号), registered by that bundle as an OSGi service (the node
 * monitor registers one with {@link #source()} {@link QuerySources#NODE_MONITOR}). Readers collect every registered
 * one and combine them with {@link Aggregate}.
 *
 * <p>Contract: called on the reader's thread (a REST request, a shell command, a consumer's worker), possibly
 * concurrently; each call reads the producer's store and may block on it for as long as one query takes, so never
 * call it on an EventAdmin delivery thread. Answers only what {@link CourtScope} admits; applies no other
 * authorisation. An {@link IllegalArgumentException} means a malformed cursor; any other exception is the
 * producer's failure, reported by {@link Aggregate} as {@link Sources#failed()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AlertQuery {

    /** The producing bundle's symbolic name. */
    String source();

    /**
     * Alerts matching {@code filter}, newest first (raised instant, then id, descending), at most
     * {@code filter.limit()}; {@link Batch#more()} when more match beyond the last one.
     */
    Batch<Alert> alerts(AlertFilter filter);

    /**
     * The feed: alerts of {@code courts} raised after position {@code cursor} ({@code null}: from the first), oldest
     * first, at most {@code limit} (1 to 1000). Passing back the last position reads on from there, so a consumer
     * that keeps it (durably) sees every alert at least once, whether or not it was running when it was raised.
     * Acknowledgements do not move an alert in the feed.
     */
    Batch<Alert> alertsSince(String cursor, CourtScope courts, int limit);

    /** One alert by id, whatever its court (the caller checks that its caller may see it). */
    Optional<Alert> alert(long id);
}
