package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.CalendarText.count;
import static org.jiandu.calendar.internal.CalendarText.day;
import static org.jiandu.calendar.internal.CalendarText.ordinal;
import static org.jiandu.calendar.internal.CalendarText.range;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DayKind;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.calendar.internal.CalendarSnapshot.HolidayBlock;
import org.jiandu.calendar.internal.CalendarSnapshot.Listing;

/**
 * Deadline arithmetic over one {@link CalendarSnapshot}, with the explanation of every result. The counting rules
 * are those of {@link WorkingCalendar#deadline}; all day arithmetic goes through the snapshot's index, so the cost
 * does not grow with the amount, only with the number of deducted periods and the explanation's length.
 */
final class DeadlineCalculator {
    private final CalendarSnapshot cal;

    DeadlineCalculator(CalendarSnapshot cal) {
        this.cal = cal;
    }

    /** Deducted periods after merging: periods that overlap or touch become one span, so each day counts once. */
    record Span(LocalDate start, LocalDate end, List<DeductedInterval> parts) {
        String text() {
            Set<String> reasons = new LinkedHashSet<>();
            for (DeductedInterval p : parts) {
                if (p.reason() != null) {
                    reasons.add(p.reason());
                }
            }
            return range(start, end) + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
        }

        boolean contains(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }
    }

    /** What a span did to the deadline. */
    private enum Effect { BEFORE_TRIGGER, AFTER_DUE, STOPPED, ROLLED_PAST }

    private record SpanEffect(Span span, Effect effect, int days, boolean clipped, Duration stopped) {
    }

    static List<Span> merge(List<DeductedInterval> intervals) {
        List<DeductedInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(DeductedInterval::start).thenComparing(DeductedInterval::end));
        List<Span> out = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        List<DeductedInterval> parts = new ArrayList<>();
        for (DeductedInterval i : sorted) {
            if (start != null && !i.start().isAfter(end.plusDays(1))) {
                if (i.end().isAfter(end)) {
                    end = i.end();
                }
                parts.add(i);
                continue;
            }
            if (start != null) {
                out.add(new Span(start, end, List.copyOf(parts)));
            }
            start = i.start();
            end = i.end();
            parts = new ArrayList<>(List.of(i));
        }
        if (start != null) {
            out.add(new Span(start, end, List.copyOf(parts)));
        }
        return out;
    }

    DeadlineResult compute(DeadlineRequest r) {
        List<Span> spans = merge(r.deducted());
        List<ExplanationStep> steps = new ArrayList<>();
        steps.add(triggerStep(r));
        return switch (r.unit()) {
            case WD -> workingDays(r, spans, steps);
            case D, M -> calendarDays(r, spans, steps);
            case H -> hours(r, spans, steps);
        };
    }

    // ---- WD ----------------------------------------------------------------------------------------------------

    private DeadlineResult workingDays(DeadlineRequest r, List<Span> spans, List<ExplanationStep> steps) {
        int t = cal.offsetOf(r.triggerDate());
        int n = r.amount();
        steps.add(step(Kind.PERIOD, (n == 0 ? "0 working days (工作日): the due date is the trigger day if it is a"
                + " working day, otherwise the next working day" : count(n, "working day", "working days")
                + " (工作日): the due date is the " + ordinal(n) + " working day after the trigger day")
                + ". A working day is a Monday–Friday that is not a listed public holiday, or a listed make-up"
                + " working day (调休上班)", null, null, n));
        List<SpanEffect> effects = new ArrayList<>();
        List<ExplanationStep> rolls = new ArrayList<>();
        int due;
        int undeducted;
        int deducted = 0;
        if (n == 0) {
            undeducted = cal.firstWorkingOnOrAfter(t);
            Set<Span> jumped = new HashSet<>();
            due = roll(t, spans, rolls, jumped);
            for (Span s : spans) {
                effects.add(jumped.contains(s) ? new SpanEffect(s, Effect.ROLLED_PAST, 0, false, null)
                        : noEffect(s, t));
            }
        } else {
            long target = (long) cal.rankThrough(t) + n;
            int cand = cal.nthWorkingDay(target);
            undeducted = cand;
            for (Span s : spans) {
                long lo = Math.max(CalendarSnapshot.rawOffset(s.start()), t + 1L);
                long hi = CalendarSnapshot.rawOffset(s.end());
                if (hi < lo) {
                    effects.add(new SpanEffect(s, Effect.BEFORE_TRIGGER, 0, false, null));
                } else if (lo > cand) {
                    effects.add(new SpanEffect(s, Effect.AFTER_DUE, 0, false, null));
                } else {
                    int last = (int) Math.min(hi, CalendarSnapshot.DAYS - 1L);
                    int k = cal.rankThrough(last) - cal.rankThrough((int) lo - 1);
                    deducted += k;
                    target += k;
                    cand = cal.nthWorkingDay(target);
                    effects.add(new SpanEffect(s, Effect.STOPPED, k, lo > CalendarSnapshot.rawOffset(s.start()), null));
                }
            }
            due = cand;
        }
        int lo = n == 0 ? t : t + 1;
        boolean provisional = provisional(lo, due);
        if (n > 0) {
            countedRangeSteps(t, due, n, deducted, effects, steps);
        }
        spanSteps(effects, true, steps);
        steps.addAll(rolls);
        LocalDate dueDate = CalendarSnapshot.date(due);
        String without = due == undeducted ? ""
                : "; without the deducted periods it would be " + day(CalendarSnapshot.date(undeducted));
        steps.add(step(Kind.DUE, "Due: " + day(dueDate) + (n == 0 ? "" : ", the " + ordinal(n)
                + " working day after the trigger day") + without
                + ". The act is in time until 24:00 Asia/Shanghai that day", dueDate, null, null));
        return finish(r, dueDate, null, CalendarSnapshot.date(undeducted), deducted, steps, provisional,
                List.of(new int[] {lo, due}));
    }

    /** Holiday blocks skipped and make-up days counted in (t, due], then the tally. */
    private void countedRangeSteps(int t, int due, int n, int deducted, List<SpanEffect> effects,
            List<ExplanationStep> steps) {
        LocalDate from = CalendarSnapshot.date(t + 1L);
        LocalDate to = CalendarSnapshot.date(due);
        List<ExplanationStep> dated = new ArrayList<>();
        int holidayDays = 0;
        for (HolidayBlock b : cal.blocksIn(from, to)) {
            LocalDate a = b.start().isBefore(from) ? from : b.start();
            LocalDate z = b.end().isAfter(to) ? to : b.end();
            int weekdays = 0;
            for (LocalDate d = a; !d.isAfter(z); d = d.plusDays(1)) {
                holidayDays++;
                if (d.getDayOfWeek().getValue() <= 5) {
                    weekdays++;
                }
            }
            boolean partial = !a.equals(b.start()) || !z.equals(b.end());
            dated.add(step(Kind.HOLIDAY_SKIPPED, "Public holiday " + b.name() + " " + range(b.start(), b.end())
                    + (partial ? ", of which " + range(a, z) + " lies in the count" : "") + ": not working days; "
                    + count(weekdays, "Monday–Friday day", "Monday–Friday days") + " of it not counted", a, z,
                    weekdays));
        }
        for (Listing m : cal.makeUpsIn(from, to)) {
            LocalDate d = m.entry().date();
            String what = day(d) + " is a make-up working day (调休上班) for " + m.entry().name();
            Span inside = effects.stream().map(SpanEffect::span).filter(s -> s.contains(d)).findFirst().orElse(null);
            if (inside != null) {
                dated.add(step(Kind.MAKE_UP_DAY_COUNTED, what + ", but lies in the deducted period "
                        + inside.text() + ": not counted", d, null, null));
            } else {
                int i = cal.offsetOf(d);
                int ordinal = cal.rankThrough(i) - cal.rankThrough(t) - deductedWorkingThrough(t, i, effects);
                dated.add(step(Kind.MAKE_UP_DAY_COUNTED, what + ": counted, as working day " + ordinal + " of " + n,
                        d, null, ordinal));
            }
        }
        dated.sort(Comparator.comparing(ExplanationStep::date));
        steps.addAll(dated);
        int total = due - t;
        int weekend = total - n - deducted - holidayDays;
        steps.add(step(Kind.COUNT_SUMMARY, "From " + day(from) + " to " + day(to) + ": "
                + count(total, "calendar day", "calendar days") + " = " + count(n, "working day", "working days")
                + " counted + " + count(holidayDays, "public holiday day", "public holiday days") + " + "
                + count(weekend, "weekend day", "weekend days")
                + (deducted > 0 ? " + " + count(deducted, "working day", "working days") + " in deducted periods" : ""),
                from, to, total));
    }

    /** Working days in deducted spans within (t, i]. */
    private int deductedWorkingThrough(int t, int i, List<SpanEffect> effects) {
        int sum = 0;
        for (SpanEffect e : effects) {
            if (e.effect() != Effect.STOPPED) {
                continue;
            }
            long lo = Math.max(CalendarSnapshot.rawOffset(e.span().start()), t + 1L);
            long hi = Math.min(CalendarSnapshot.rawOffset(e.span().end()), i);
            if (hi >= lo) {
                sum += cal.rankThrough((int) hi) - cal.rankThrough((int) lo - 1);
            }
        }
        return sum;
    }

    // ---- D and M -----------------------------------------------------------------------------------------------

    private DeadlineResult calendarDays(DeadlineRequest r, List<Span> spans, List<ExplanationStep> steps) {
        LocalDate trigger = r.triggerDate();
        int t = cal.offsetOf(trigger);
        int n = r.amount();
        long length;
        String periodText;
        if (r.unit() == PeriodUnit.M) {
            steps.add(step(Kind.PERIOD, count(n, "month", "months") + " (月): the period ends on the same-numbered day "
                    + n + (n == 1 ? " month" : " months") + " later, or on that month's last day if it has none"
                    + " (Civil Code Arts. 201–202); if that day is not a working day, on the next working day"
                    + " (Civil Procedure Law Art. 85)", null, null, n));
            LocalDate end = trigger.plusMonths(n);
            if (end.getDayOfMonth() != trigger.getDayOfMonth()) {
                steps.add(step(Kind.MONTH_END, end.getYear() + "-" + String.format("%02d", end.getMonthValue())
                        + " (" + end.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ") has no day "
                        + trigger.getDayOfMonth() + ": the period ends on the month's last day, " + day(end)
                        + " (Civil Code Art. 202)", end, null, null));
            }
            length = end.toEpochDay() - trigger.toEpochDay();
            periodText = trigger + " + " + count(n, "month", "months") + " = " + day(end) + ", "
                    + count(length, "calendar day", "calendar days") + " after the trigger day";
        } else {
            steps.add(step(Kind.PERIOD, count(n, "day", "days") + " (日): the period ends on the " + ordinal(n)
                    + " calendar day after the trigger day; if that day is not a working day, on the next working"
                    + " day (Civil Procedure Law Art. 85)", null, null, n));
            length = n;
            periodText = trigger + " + " + count(n, "day", "days") + " = " + day(trigger.plusDays(n));
        }
        long cand = t + length;
        if (cand >= CalendarSnapshot.DAYS) {
            throw CalendarSnapshot.outOfRange(CalendarSnapshot.LAST_DAY.plusDays(1));
        }
        int undeductedEnd = (int) cand;
        List<SpanEffect> effects = new ArrayList<>();
        int deducted = 0;
        for (Span s : spans) {
            long lo = Math.max(CalendarSnapshot.rawOffset(s.start()), t + 1L);
            long hi = CalendarSnapshot.rawOffset(s.end());
            if (hi < lo) {
                effects.add(new SpanEffect(s, Effect.BEFORE_TRIGGER, 0, false, null));
            } else if (lo > cand) {
                effects.add(new SpanEffect(s, Effect.AFTER_DUE, 0, false, null));
            } else {
                long k = hi - lo + 1;
                cand += k;
                if (cand >= CalendarSnapshot.DAYS) {
                    throw CalendarSnapshot.outOfRange(CalendarSnapshot.LAST_DAY.plusDays(1));
                }
                deducted += (int) k;
                effects.add(new SpanEffect(s, Effect.STOPPED, (int) k,
                        lo > CalendarSnapshot.rawOffset(s.start()), null));
            }
        }
        int periodEnd = (int) cand;
        List<ExplanationStep> rolls = new ArrayList<>();
        Set<Span> jumped = new HashSet<>();
        int due = roll(periodEnd, spans, rolls, jumped);
        int undeductedDue = cal.firstWorkingOnOrAfter(undeductedEnd);
        boolean provisional = provisional(periodEnd, due) | provisional(undeductedEnd, undeductedDue);
        for (int k = 0; k < effects.size(); k++) {
            if (jumped.contains(effects.get(k).span())) {
                effects.set(k, new SpanEffect(effects.get(k).span(), Effect.ROLLED_PAST, 0, false, null));
            }
        }
        spanSteps(effects, false, steps);
        steps.add(step(Kind.PERIOD_END, periodText + (deducted > 0 ? " + " + count(deducted, "deducted day",
                "deducted days") + " = " + day(CalendarSnapshot.date(periodEnd)) : "")
                + ": the period's last day before any roll-forward", CalendarSnapshot.date(periodEnd), null, null));
        steps.addAll(rolls);
        LocalDate dueDate = CalendarSnapshot.date(due);
        String without = due == undeductedDue ? ""
                : "; without the deducted periods it would be " + day(CalendarSnapshot.date(undeductedDue));
        steps.add(step(Kind.DUE, "Due: " + day(dueDate) + without
                + ". The act is in time until 24:00 Asia/Shanghai that day", dueDate, null, null));
        return finish(r, dueDate, null, CalendarSnapshot.date(undeductedDue), deducted, steps, provisional,
                List.of(new int[] {periodEnd, due}, new int[] {undeductedEnd, undeductedDue}));
    }

    /**
     * The first working day at or after day {@code from} that lies in no deducted span, writing a step for each
     * move (Art. 85: a period whose last day is not a working day ends on the next working day; and a period does
     * not end while its clock is stopped).
     */
    private int roll(int from, List<Span> spans, List<ExplanationStep> steps, Set<Span> jumped) {
        int cur = from;
        while (true) {
            int w = cal.firstWorkingOnOrAfter(cur);
            if (w != cur) {
                steps.add(step(Kind.ROLL_FORWARD, day(CalendarSnapshot.date(cur)) + " is " + cal.why(cur)
                        + ", not a working day: the period ends on the next working day, "
                        + day(CalendarSnapshot.date(w))
                        + (cal.kind(w) == DayKind.MAKE_UP_WORKDAY ? ", " + cal.why(w) : "")
                        + " (Civil Procedure Law Art. 85)", CalendarSnapshot.date(cur), CalendarSnapshot.date(w),
                        w - cur));
            }
            LocalDate wd = CalendarSnapshot.date(w);
            Span in = spans.stream().filter(s -> s.contains(wd)).findFirst().orElse(null);
            if (in == null) {
                return w;
            }
            jumped.add(in);
            long next = CalendarSnapshot.rawOffset(in.end()) + 1;
            if (next >= CalendarSnapshot.DAYS) {
                throw CalendarSnapshot.outOfRange(CalendarSnapshot.LAST_DAY.plusDays(1));
            }
            steps.add(step(Kind.ROLL_FORWARD, day(wd) + " lies in the deducted period " + in.text()
                    + ": the clock is stopped, so the period cannot end on it; it ends on the first working day"
                    + " after " + day(in.end()), wd, in.end(), null));
            cur = (int) next;
        }
    }

    // ---- H -----------------------------------------------------------------------------------------------------

    private DeadlineResult hours(DeadlineRequest r, List<Span> spans, List<ExplanationStep> steps) {
        int n = r.amount();
        steps.add(step(Kind.PERIOD, count(n, "hour", "hours") + " (小时): due " + n
                + " hours after the trigger instant. A period in hours is not moved off weekends or holidays, so the"
                + " working-day calendar is not consulted", null, null, n));
        Instant start = r.triggerInstant();
        Instant cur = start;
        Duration remaining = Duration.ofHours(n);
        List<SpanEffect> effects = new ArrayList<>();
        int deducted = 0;
        boolean ended = false;
        for (Span s : spans) {
            Instant from = s.start().atStartOfDay(WorkingCalendar.ZONE).toInstant();
            Instant to = s.end().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
            if (!to.isAfter(cur)) {
                effects.add(new SpanEffect(s, Effect.BEFORE_TRIGGER, 0, false, null));
                continue;
            }
            if (!ended && from.isAfter(cur)) {
                Duration gap = Duration.between(cur, from);
                if (remaining.compareTo(gap) <= 0) {
                    ended = true;
                } else {
                    remaining = remaining.minus(gap);
                }
            }
            if (ended) {
                effects.add(new SpanEffect(s, Effect.AFTER_DUE, 0, false, null));
                continue;
            }
            Instant stopFrom = from.isAfter(cur) ? from : cur;
            int days = (int) (s.end().toEpochDay() - LocalDate.ofInstant(stopFrom, WorkingCalendar.ZONE).toEpochDay() + 1);
            deducted += days;
            effects.add(new SpanEffect(s, Effect.STOPPED, days, stopFrom.isAfter(from),
                    Duration.between(stopFrom, to)));
            cur = to;
        }
        Instant due = cur.plus(remaining);
        Instant undeducted = start.plus(Duration.ofHours(n));
        spanSteps(effects, false, steps);
        LocalDate dueDate = LocalDate.ofInstant(due, WorkingCalendar.ZONE);
        steps.add(step(Kind.DUE, "Due: " + instant(due) + (due.equals(undeducted) ? ""
                : "; without the deducted periods it would be " + instant(undeducted)), dueDate, null, null));
        return new DeadlineResult(r, dueDate, due, due, LocalDate.ofInstant(undeducted, WorkingCalendar.ZONE),
                deducted, steps, List.of(), false);
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private DeadlineResult finish(DeadlineRequest r, LocalDate due, Instant dueInstant, LocalDate undeductedDue,
            int deducted, List<ExplanationStep> steps, boolean provisional, List<int[]> consulted) {
        Set<CalendarVersion> versions = new LinkedHashSet<>();
        TreeSet<Integer> uncovered = new TreeSet<>();
        for (int[] range : consulted) {
            versions.addAll(cal.versionsFor(range[0], range[1]));
            uncovered.addAll(cal.uncoveredYears(range[0], range[1]));
        }
        List<CalendarVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingInt(CalendarVersion::year));
        for (CalendarVersion v : sorted) {
            steps.add(step(Kind.CALENDAR_VERSION, "Calendar data used for " + v.year() + ": " + v.id() + " ("
                    + (HolidayCsv.SOURCE.equals(v.source()) ? "shipped in the bundle" : v.source()) + ")", null, null,
                    null));
        }
        if (provisional) {
            String years = uncovered.stream().map(String::valueOf).collect(Collectors.joining(", "));
            steps.add(step(Kind.PROVISIONAL, "PROVISIONAL: no State Council notice is loaded for " + years
                    + ", so its days were taken as Monday–Friday working days and Saturday–Sunday days off"
                    + " (weekends-only fallback). Recompute once the notice is loaded", null, null, null));
        }
        Instant expires = due.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return new DeadlineResult(r, due, dueInstant, expires, undeductedDue, deducted, steps, sorted, provisional);
    }

    /** Whether days {@code lo .. hi} need the fallback; refuses when they do and it is off. */
    private boolean provisional(int lo, int hi) {
        if (cal.covered(lo, hi)) {
            return false;
        }
        if (!cal.fallback()) {
            cal.requireCovered(lo, hi);
        }
        return true;
    }

    private ExplanationStep triggerStep(DeadlineRequest r) {
        if (r.unit() == PeriodUnit.H) {
            return step(Kind.TRIGGER, "Trigger instant: " + instant(r.triggerInstant()), r.triggerDate(), null, null);
        }
        return step(Kind.TRIGGER, "Trigger day: " + day(r.triggerDate())
                + (r.triggerInstant() == null ? "" : " (trigger instant " + instant(r.triggerInstant()) + ")")
                + ". The trigger day itself is not counted (Civil Procedure Law Art. 85; Civil Code Art. 201)",
                r.triggerDate(), null, null);
    }

    private static void mergeStep(Span s, List<ExplanationStep> steps) {
        if (s.parts().size() > 1) {
            String parts = s.parts().stream()
                    .map(p -> range(p.start(), p.end()) + (p.reason() == null ? "" : " (" + p.reason() + ")"))
                    .collect(Collectors.joining(", "));
            steps.add(step(Kind.DEDUCTED_MERGED, "Deducted periods " + parts
                    + " overlap or touch: each day is deducted once, as " + range(s.start(), s.end()) + " ("
                    + count(s.end().toEpochDay() - s.start().toEpochDay() + 1, "day", "days") + ")",
                    s.start(), s.end(), s.parts().size()));
        }
    }

    private static void spanSteps(List<SpanEffect> effects, boolean workingDays, List<ExplanationStep> steps) {
        for (SpanEffect e : effects) {
            Span s = e.span();
            mergeStep(s, steps);
            String head = "Deducted period " + s.text();
            switch (e.effect()) {
                case BEFORE_TRIGGER -> steps.add(step(Kind.DEDUCTED_NO_EFFECT,
                        head + " ends before the clock starts: no effect", s.start(), s.end(), 0));
                case AFTER_DUE -> steps.add(step(Kind.DEDUCTED_NO_EFFECT,
                        head + " starts after the period has run out: no effect", s.start(), s.end(), 0));
                case ROLLED_PAST -> steps.add(step(Kind.DEDUCTED, head
                        + " starts after the period's last day but before the day it would end on: the end is"
                        + " moved past it (see the roll-forward)", s.start(), s.end(), 0));
                case STOPPED -> {
                    if (e.stopped() != null) {
                        steps.add(step(Kind.DEDUCTED, head + ": the clock stops"
                                + (e.clipped() ? " from the trigger instant" : "") + " for " + e.stopped().toHours()
                                + " h " + e.stopped().toMinutesPart() + " min, so the due instant moves later by as"
                                + " much", s.start(), s.end(), e.days()));
                    } else {
                        String unit = workingDays ? "working day" : "calendar day";
                        steps.add(step(Kind.DEDUCTED, head + ": the clock stops; "
                                + count(e.days(), unit, unit + "s") + " in it"
                                + (e.clipped() ? " after the trigger day" : "") + " not counted, so the due date"
                                + " moves later by as much", s.start(), s.end(), e.days()));
                    }
                }
            }
        }
    }

    private static String instant(Instant i) {
        OffsetDateTime t = OffsetDateTime.ofInstant(i, WorkingCalendar.ZONE);
        return t + " (" + t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
    }

    private static SpanEffect noEffect(Span s, int t) {
        boolean before = CalendarSnapshot.rawOffset(s.end()) <= t;
        return new SpanEffect(s, before ? Effect.BEFORE_TRIGGER : Effect.AFTER_DUE, 0, false, null);
    }

    private static ExplanationStep step(Kind kind, String text, LocalDate date, LocalDate end, Integer count) {
        return new ExplanationStep(kind, text, date, end, count);
    }
}
