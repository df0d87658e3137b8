package org.jiandu.monitor.internal.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * Helpers shared by the built-in rules. Every built-in rule is a pure function of (entry, history) as the
 * {@link DeadlineRule} contract asks; its parameters come from its own Config Admin configuration (PID
 * {@code org.jiandu.monitor.rule.<rule id>}) and are read once per call from a volatile field.
 */
public abstract class RuleSupport implements DeadlineRule {
    /** The configuration PID prefix of the built-in rules. */
    public static final String PID_PREFIX = "org.jiandu.monitor.rule.";

    /** A period: amount and unit, as configured. */
    public record Period(int amount, PeriodUnit unit) {
        /** @throws org.jiandu.api.ValidationException when the unit is unknown or the amount out of range */
        public static Period of(int amount, String unit) {
            PeriodUnit u = PeriodUnit.parse(unit);
            if (amount < 1 || amount > DeadlineRequest.MAX_AMOUNT) {
                throw new IllegalArgumentException("A rule's period must be 1.." + DeadlineRequest.MAX_AMOUNT
                        + " " + u.english() + ", not " + amount);
            }
            return new Period(amount, u);
        }
    }

    /** The day the entry's event happened, in Asia/Shanghai. */
    protected static LocalDate day(LedgerEntry e) {
        return e.event().occurredAt().atZoneSameInstant(CaseEvent.ZONE).toLocalDate();
    }

    protected static Instant instant(LedgerEntry e) {
        return e.event().occurredAt().toInstant();
    }

    protected static boolean is(LedgerEntry e, String... types) {
        String t = e.event().type();
        for (String type : types) {
            if (type.equals(t)) {
                return true;
            }
        }
        return false;
    }

    /** A payload string field, or {@code null}. */
    protected static String text(LedgerEntry e, String field) {
        return e.event().payload().string(field).orElse(null);
    }

    protected static boolean flag(LedgerEntry e, String field) {
        return e.event().payload().bool(field).orElse(false);
    }

    /** Opens {@code key} counted from the entry's event: from its instant for hours, from its day otherwise. */
    protected static DeadlineAction.Open open(String key, LedgerEntry trigger, Period period, boolean stops) {
        DeadlineRequest request = period.unit() == PeriodUnit.H
                ? DeadlineRequest.ofInstant(instant(trigger), period.amount(), period.unit(), List.of())
                : DeadlineRequest.ofDate(day(trigger), period.amount(), period.unit(), List.of());
        return new DeadlineAction.Open(key, request, stops);
    }

    protected static DeadlineAction.Close close(String key) {
        return new DeadlineAction.Close(key);
    }

    /**
     * The entries of {@code history} before {@code entry} of the given type whose payload field {@code field}
     * equals {@code value} ({@code field == null}: every entry of the type). Used to close every deadline a
     * satisfying event answers (the monitor ignores a close of a deadline that is not open).
     */
    protected static List<LedgerEntry> earlier(List<LedgerEntry> history, LedgerEntry entry, String type,
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

    /** Whether {@code history} holds, before {@code entry}, an entry of one of {@code types}. */
    protected static boolean anyEarlier(List<LedgerEntry> history, LedgerEntry entry, String... types) {
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
