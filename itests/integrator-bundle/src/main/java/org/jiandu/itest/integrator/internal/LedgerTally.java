package org.jiandu.itest.integrator.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Component;

/**
 * Follows the ledger: the follower of {@code jiandu-core} delivers every entry to it, those recorded before this
 * bundle was installed included, and it records which (case, seq) it was given.
 *
 * <p>{@link Scope#PER_NODE}, because what it derives lives in this node's memory: a {@link Scope#SHARED} cursor is
 * kept in the database and survives a restart that the memory does not, so after one the tally would resume at the
 * stored cursor, empty, and never count the entries before it again. Per node, the cursor starts at
 * {@link #startAt} (the start of the ledger) at every start and the tally is rebuilt from the ledger, which is the
 * durable record. A consumer that writes what it derives to the shared database would be {@code SHARED} instead.
 *
 * <p>At least once: an entry may come again, so the tally is a set and a repeat changes nothing.
 */
@Component(service = {LedgerConsumer.class, LedgerTally.class})
public final class LedgerTally implements LedgerConsumer {
    /** Names the follower's cursor and the health component {@code jiandu.follower.itest.integrator}. */
    static final String ID = "itest.integrator";

    private final Map<String, Set<Long>> seqsByCase = new ConcurrentHashMap<>();
    private final AtomicLong distinct = new AtomicLong();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Scope scope() {
        return Scope.PER_NODE;
    }

    @Override
    public void accept(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            Set<Long> seqs = seqsByCase.computeIfAbsent(e.event().caseNumber().canonical(),
                    c -> ConcurrentHashMap.newKeySet());
            if (seqs.add(e.seq())) {
                distinct.incrementAndGet();
            }
        }
    }

    long distinct() {
        return distinct.get();
    }

    SortedSet<Long> seqs(String caseNumber) {
        Set<Long> seqs = seqsByCase.get(caseNumber);
        return Collections.unmodifiableSortedSet(seqs == null ? new TreeSet<>() : new TreeSet<>(seqs));
    }
}
