package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CONTROL_RELEASED;
import static org.jiandu.api.event.CoreEventTypes.DISPOSAL_COMPLETED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_CONTROLLED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.CaseHistory;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The facts of one case as its ledger states them now: its effective history ({@link CaseHistory#effective}: a
 * corrected entry is replaced by its correction at the corrected entry's position, Art. 12 of 法〔2021〕322号).
 * Built once per check from one {@code CaseLedger.timeline} read.
 */
final class CaseFacts {
    private final List<CaseEvent> events;

    private CaseFacts(List<CaseEvent> events) {
        this.events = events;
    }

    static CaseFacts of(List<LedgerEntry> timeline) {
        return new CaseFacts(CaseHistory.effectiveEvents(timeline));
    }

    List<CaseEvent> events() {
        return events;
    }

    List<CaseEvent> all(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    Optional<CaseEvent> first(String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    boolean has(String type) {
        return first(type).isPresent();
    }

    /**
     * Controlled property not released and not disposed, by asset id, in the order it was controlled: each asset's
     * latest PROPERTY_CONTROLLED after which no CONTROL_RELEASED or DISPOSAL_COMPLETED names it.
     */
    Map<String, CaseEvent> openControls() {
        Map<String, CaseEvent> open = new LinkedHashMap<>();
        for (CaseEvent e : events) {
            String asset = e.payload().string("assetId").orElse(null);
            if (asset == null) {
                continue;
            }
            switch (e.type()) {
                case PROPERTY_CONTROLLED -> {
                    open.remove(asset);
                    open.put(asset, e);
                }
                case CONTROL_RELEASED, DISPOSAL_COMPLETED -> open.remove(asset);
                default -> {
                    // other events do not change what is controlled
                }
            }
        }
        return open;
    }
}
