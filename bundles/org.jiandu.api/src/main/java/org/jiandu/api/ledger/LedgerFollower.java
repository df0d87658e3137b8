package org.jiandu.api.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The ledger-side service that delivers entries to every registered {@link LedgerConsumer}. Registered by the
 * ledger bundle; consumers need not call it (registering the consumer service is enough). It is for commands,
 * tests and operators: to see how far each consumer is and to make one catch up now.
 *
 * <p>Threading: every method may be called from any thread except a consumer's own delivery thread (from there
 * {@link #catchUpNow} would wait for itself and fails at once).
 */
@org.osgi.annotation.versioning.ProviderType
public interface LedgerFollower {

    /** The state of every consumer the follower delivers to on this node, in registration order. */
    List<FollowerStatus> statuses();

    /** The state of one consumer, or empty when none with this id is registered. */
    Optional<FollowerStatus> status(String consumerId);

    /**
     * Makes the consumer catch up now: a pass over the ledger from its cursor (less the commit lag) to the end, on
     * its delivery thread; waits for it.
     *
     * @return the entries delivered by the pass (entries already accepted are not counted); 0 when this node does
     *         not hold a {@link LedgerConsumer.Scope#SHARED} consumer's lease or the consumer is not ready
     * @throws IllegalArgumentException when no consumer with this id is registered
     * @throws TimeoutException when the pass did not end within {@code timeout}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    int catchUpNow(String consumerId, Duration timeout) throws TimeoutException, InterruptedException;
}
