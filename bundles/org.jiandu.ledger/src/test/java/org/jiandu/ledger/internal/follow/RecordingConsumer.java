package org.jiandu.ledger.internal.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;

/** A consumer that records what it is given; it can refuse the first batches and start where a test says. */
final class RecordingConsumer implements LedgerConsumer {
    private final String id;
    private final Scope scope;
    final List<LedgerEntry> received = new ArrayList<>();
    final AtomicInteger refuse = new AtomicInteger();
    volatile boolean ready = true;
    volatile Instant startAt = Instant.EPOCH;

    RecordingConsumer(String id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public synchronized void accept(List<LedgerEntry> entries) {
        if (refuse.getAndDecrement() > 0) {
            throw new IllegalStateException("database unavailable");
        }
        received.addAll(entries);
    }

    @Override
    public Instant startAt(Instant now) {
        return startAt;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    synchronized List<String> seen() {
        return received.stream().map(e -> e.event().caseNumber().courtCode() + "/" + e.event().caseNumber()
                .canonical().replaceAll(".*执(\\d+)号", "$1") + "#" + e.seq()).toList();
    }

    synchronized int count() {
        return received.size();
    }
}
