package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CONTROL_RELEASED;
import static org.jiandu.api.event.CoreEventTypes.DISPOSAL_COMPLETED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_CONTROLLED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The facts of one case as its ledger states them now: every entry in order, except those a later entry corrects
 * (Art. 12: a correction is a new entry naming the one it corrects; the corrected one stays in the ledger but no
 * longer states the fact). Built once per check from one {@code CaseLedger.timeline} read.
 */
final class CaseFacts {
    private final List<CaseEvent> events;

    private CaseFacts(List<CaseEvent> events) {
        this.events = events;
    }

    static CaseFacts of(List<LedgerEntry> timeline) {
        Set<String> corrected = new HashSet<>();
        for (LedgerEntry e : timeline) {
            if (e.event().correction() != null) {
                corrected.add(e.event().correction().correctsHostEventId());
            }
        }
        List<CaseEvent> effective = new ArrayList<>(timeline.size());
        for (LedgerEntry e : timeline) {
            if (!corrected.contains(e.event().hostEventId())) {
                effective.add(e.event());
            }
        }
        return new CaseFacts(Collections.unmodifiableList(effective));
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
