package org.jiandu.api.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.event.CaseEvent;

/**
 * What a case's ledger states <em>now</em>, once Art. 12 corrections of 法〔2021〕322号 are applied — the one
 * meaning of a correction that every bundle uses (案件节点信息确需更正的, 须经审批并留痕).
 *
 * <p><b>The rule.</b> A correction is a new ledger entry that names the entry it corrects
 * ({@link org.jiandu.api.event.Correction#correctsHostEventId()}). In the effective history the corrected entry is
 * <em>replaced by the correcting entry, at the corrected entry's position</em>: the correction restates what that
 * node of the case should have said, it is not a new step of the case. The corrected entry itself stays in the
 * ledger and in {@link CaseLedger#timeline} untouched (the record of what was first reported, who approved the
 * change and why); it is only no longer a fact. A correction of a correction replaces the first correction at the
 * same position, so the latest approved content of a node wins. A correction naming no earlier entry of the list
 * (the ledger refuses these; a list cut short may show one) keeps its own position.
 *
 * <p>So, for a case recorded {@code 1 PROPERTY_CONTROLLED}, {@code 2 MONEY_RECEIVED}, {@code 3 CONTROL_RELEASED},
 * {@code 4 (corrects 2) MONEY_RECEIVED}, the effective history is {@code 1, 4, 3}: the corrected payment is still
 * received before the release. Consequently the entries of an effective history are in the case's order of nodes,
 * not always in ascending {@link LedgerEntry#seq()}.
 *
 * <p>Pure functions, safe from any thread; they never touch the ledger.
 */
public final class CaseHistory {
    private CaseHistory() {
    }

    /**
     * The effective history of one case: {@code timeline} (the case's entries in ledger order, as
     * {@link CaseLedger#timeline} answers them, or a prefix of it) with every corrected entry replaced, in place,
     * by its latest correction.
     *
     * @return an unmodifiable list; {@code timeline} itself when it holds no correction
     */
    public static List<LedgerEntry> effective(List<LedgerEntry> timeline) {
        if (timeline.stream().noneMatch(e -> e.event().isCorrection())) {
            return timeline;
        }
        List<LedgerEntry> out = new ArrayList<>(timeline.size());
        Map<String, Integer> position = new HashMap<>();
        for (LedgerEntry e : timeline) {
            CaseEvent ev = e.event();
            Integer at = ev.isCorrection() ? position.get(ev.correction().correctsHostEventId()) : null;
            if (at != null) {
                out.set(at, e);
                position.put(ev.hostEventId(), at);
            } else {
                position.put(ev.hostEventId(), out.size());
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The events of {@link #effective(List)}, in the same order. */
    public static List<CaseEvent> effectiveEvents(List<LedgerEntry> timeline) {
        return effective(timeline).stream().map(LedgerEntry::event).toList();
    }
}
