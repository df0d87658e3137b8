package org.jiandu.api.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The pure helpers a {@link DeadlineRule} is written with — the same ones the built-in rules of the node monitor
 * use, so that a third party's rule reads like a built-in one:
 *
 * <pre>{@code
 * import static org.jiandu.api.deadline.DeadlineRules.*;
 *
 * public List<DeadlineAction> onEntry(LedgerEntry e, List<LedgerEntry> history) {
 *     if (is(e, CoreEventTypes.CASE_FILED)) {
 *         return List.of(open("main", e, 5, PeriodUnit.WD, true));
 *     }
 *     if (is(e, CoreEventTypes.PROPERTY_QUERY_STARTED)) {
 *         return List.of(close("main"));
 *     }
 *     return List.of();
 * }
 * }</pre>
 *
 * Every method is a pure function of its arguments (no clock, no I/O), as {@link DeadlineRule#onEntry} must be;
 * days are those of Asia/Shanghai ({@link CaseEvent#ZONE}).
 */
public final class DeadlineRules {
    private DeadlineRules() {
    }

    /** The day the event happened, in Asia/Shanghai. */
    public static LocalDate day(CaseEvent e) {
        return e.occurredAt().atZoneSameInstant(CaseEvent.ZONE).toLocalDate();
    }

    /** The day the entry's event happened, in Asia/Shanghai. */
    public static LocalDate day(LedgerEntry e) {
        return day(e.event());
    }

    /** The instant the entry's event happened. */
    public static Instant instant(LedgerEntry e) {
        return e.event().occurredAt().toInstant();
    }

    /** Whether the entry's event is of one of {@code types}. */
    public static boolean is(LedgerEntry e, String... types) {
        String t = e.event().type();
        for (String type : types) {
            if (type.equals(t)) {
                return true;
            }
        }
        return false;
    }

    /** A payload field as text, or {@code null} when absent. */
    public static String text(LedgerEntry e, String field) {
        return e.event().payload().string(field).orElse(null);
    }

    /** A boolean payload field; {@code false} when absent. */
    public static boolean flag(LedgerEntry e, String field) {
        return e.event().payload().bool(field).orElse(false);
    }

    /**
     * Opens {@code key} counted from the entry's event: from its instant for a period in hours, from its day
     * otherwise (the calendar counts from the day after, Civil Code Art. 201).
     *
     * @param stopsForCasePeriods whether the case's deducted periods stop this deadline's clock
     * @throws org.jiandu.api.ValidationException when {@code amount} is outside {@code 0 ..}
     *         {@link DeadlineRequest#MAX_AMOUNT}
     */
    public static DeadlineAction.Open open(String key, LedgerEntry trigger, int amount, PeriodUnit unit,
            boolean stopsForCasePeriods) {
        DeadlineRequest request = unit == PeriodUnit.H
                ? DeadlineRequest.ofInstant(instant(trigger), amount, unit, List.of())
                : DeadlineRequest.ofDate(day(trigger), amount, unit, List.of());
        return new DeadlineAction.Open(key, request, stopsForCasePeriods);
    }

    /** Closes {@code key}: its satisfying event arrived. */
    public static DeadlineAction.Close close(String key) {
        return new DeadlineAction.Close(key);
    }

    /**
     * The entries of {@code history} before {@code entry} (by ledger position) of the given type whose payload
     * field {@code field} equals {@code value} ({@code field == null}: every entry of the type). Used to close
     * every deadline a satisfying event answers (the monitor ignores a close of a deadline that is not open).
     */
    public static List<LedgerEntry> earlier(List<LedgerEntry> history, LedgerEntry entry, String type,
            String field, String value) {
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry h : history) {
            if (h.seq() >= entry.seq()) {
                break;
            }
            if (h.event().type().equals(type) && (field == null || value.equals(text(h, field)))) {
                out.add(h);
            }
        }
        return out;
    }

    /** Whether {@code history} holds, before {@code entry} (by ledger position), an entry of one of {@code types}. */
    public static boolean anyEarlier(List<LedgerEntry> history, LedgerEntry entry, String... types) {
        for (LedgerEntry h : history) {
            if (h.seq() >= entry.seq()) {
                return false;
            }
            if (is(h, types)) {
                return true;
            }
        }
        return false;
    }
}
