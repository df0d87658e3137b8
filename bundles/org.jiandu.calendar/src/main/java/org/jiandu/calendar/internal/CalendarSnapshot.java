package org.jiandu.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarCoverage.Rejection;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DayKind;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.WorkingCalendar;

/**
 * One immutable state of the calendar: the accepted notices and an index over every day from {@link #FIRST_DAY}
 * to {@link #LAST_DAY}, so that the day primitives are array look-ups.
 *
 * <p>The index: {@code kinds[i]} classifies day {@code i} (days counted from {@link #FIRST_DAY});
 * {@code rank[i]} is the number of working days before day {@code i}; {@code working[k]} is the day of the
 * (k+1)-th working day; {@code nextUncovered[i]} is the first day at or after {@code i} whose year has no notice.
 * Then "the n-th working day after d" is {@code working[rank[d + 1] + n - 1]} and "working days in (a, b]" is
 * {@code rank[b + 1] - rank[a + 1]}, whatever the distance. About 0.4 MB per snapshot; building one takes about
 * a millisecond and happens only when the data or configuration changes.
 */
final class CalendarSnapshot implements WorkingCalendar {
    /** First and last day the calendar can compute with at all, fallback or not. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    private static final long BASE = FIRST_DAY.toEpochDay();
    static final int DAYS = (int) (LAST_DAY.toEpochDay() - BASE + 1);
    private static final DayKind[] KINDS = DayKind.values();

    private final byte[] kinds = new byte[DAYS];
    private final int[] rank = new int[DAYS + 1];
    private final int[] working;
    private final int[] nextUncovered = new int[DAYS + 1];
    private final NoticeYear[] noticeByYear = new NoticeYear[LAST_DAY.getYear() - FIRST_DAY.getYear() + 1];
    private final Map<LocalDate, Listing> listings = new HashMap<>();
    private final List<HolidayBlock> blocks = new ArrayList<>();
    private final List<Listing> makeUps = new ArrayList<>();
    private final boolean fallback;
    private final List<Rejection> rejected;
    private final DeadlineCalculator calculator = new DeadlineCalculator(this);

    /** A maximal run of consecutive holiday days of one name in one notice. */
    record HolidayBlock(String name, LocalDate start, LocalDate end, NoticeYear notice) {
    }

    /** A listed day with the notice that lists it and the holiday block it belongs to (or makes up for). */
    record Listing(HolidayEntry entry, NoticeYear notice, HolidayBlock block) {
    }

    /**
     * @param notices  at most one per year, mutually consistent (a day listed by two notices is listed alike)
     * @param fallback whether uncovered years are taken as weekends-only, marked provisional
     * @param rejected configurations refused while assembling, reported by {@link #coverage()}
     */
    CalendarSnapshot(List<NoticeYear> notices, boolean fallback, List<Rejection> rejected) {
        this.fallback = fallback;
        this.rejected = List.copyOf(rejected);
        List<NoticeYear> sorted = new ArrayList<>(notices);
        sorted.sort(Comparator.comparingInt(NoticeYear::year));
        for (NoticeYear n : sorted) {
            int y = n.year() - FIRST_DAY.getYear();
            if (noticeByYear[y] != null) {
                throw new IllegalArgumentException("Two notices for " + n.year());
            }
            noticeByYear[y] = n;
            indexNotice(n);
        }
        DayOfWeek dow = FIRST_DAY.getDayOfWeek();
        for (int i = 0; i < DAYS; i++) {
            kinds[i] = (byte) (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WEEKDAY)
                    .ordinal();
            dow = dow.plus(1);
        }
        for (Listing l : listings.values()) {
            kinds[offsetOf(l.entry().date())] = (byte) l.entry().kind().ordinal();
        }
        int count = 0;
        for (int i = 0; i < DAYS; i++) {
            rank[i] = count;
            if (KINDS[kinds[i]].working()) {
                count++;
            }
        }
        rank[DAYS] = count;
        working = new int[count];
        for (int i = 0, k = 0; i < DAYS; i++) {
            if (KINDS[kinds[i]].working()) {
                working[k++] = i;
            }
        }
        int next = DAYS;
        nextUncovered[DAYS] = DAYS;
        for (int y = LAST_DAY.getYear(); y >= FIRST_DAY.getYear(); y--) {
            int jan1 = offsetOf(LocalDate.of(y, 1, 1));
            int dec31 = offsetOf(LocalDate.of(y, 12, 31));
            boolean covered = noticeByYear[y - FIRST_DAY.getYear()] != null;
            for (int i = dec31; i >= jan1; i--) {
                if (!covered) {
                    next = i;
                }
                nextUncovered[i] = next;
            }
        }
        blocks.sort(Comparator.comparing(HolidayBlock::start));
        makeUps.sort(Comparator.comparing(l -> l.entry().date()));
    }

    private void indexNotice(NoticeYear n) {
        List<HolidayBlock> own = new ArrayList<>();
        HolidayEntry first = null;
        HolidayEntry last = null;
        for (HolidayEntry e : n.entries()) {
            if (e.kind() != DayKind.HOLIDAY) {
                continue;
            }
            if (last != null && last.name().equals(e.name()) && last.date().plusDays(1).equals(e.date())) {
                last = e;
                continue;
            }
            if (first != null) {
                own.add(new HolidayBlock(first.name(), first.date(), last.date(), n));
            }
            first = e;
            last = e;
        }
        if (first != null) {
            own.add(new HolidayBlock(first.name(), first.date(), last.date(), n));
        }
        blocks.addAll(own);
        for (HolidayEntry e : n.entries()) {
            HolidayBlock block = null;
            long best = Long.MAX_VALUE;
            for (HolidayBlock b : own) {
                if (!b.name().equals(e.name())) {
                    continue;
                }
                long dist = e.date().isBefore(b.start()) ? b.start().toEpochDay() - e.date().toEpochDay()
                        : Math.max(0, e.date().toEpochDay() - b.end().toEpochDay());
                if (dist < best) {
                    best = dist;
                    block = b;
                }
            }
            Listing l = new Listing(e, n, block);
            listings.put(e.date(), l);
            if (e.kind() == DayKind.MAKE_UP_WORKDAY) {
                makeUps.removeIf(m -> m.entry().date().equals(e.date()));
                makeUps.add(l);
            }
        }
    }

    // ---- WorkingCalendar -------------------------------------------------------------------------------------

    @Override
    public boolean isWorkingDay(LocalDate date) {
        int i = offsetOf(date);
        requireCovered(i, i);
        return isWorking(i);
    }

    @Override
    public DayInfo describe(LocalDate date) {
        int i = offsetOf(date);
        boolean provisional = !covered(i, i);
        if (provisional && !fallback) {
            throw notCovered(nextUncovered[i]);
        }
        DayKind kind = kind(i);
        Listing l = listings.get(date);
        HolidayBlock b = l == null ? null : l.block();
        CalendarVersion version = provisional ? null
                : l != null ? l.notice().version() : noticeByYear[date.getYear() - FIRST_DAY.getYear()].version();
        String dayName = CalendarText.dayName(date.getDayOfWeek());
        String reason = switch (kind) {
            case WEEKDAY -> date + " is a " + dayName + " and no public holiday: a working day";
            case WEEKEND -> date + " is a " + dayName + " and not a make-up working day (调休上班): not a working day";
            case HOLIDAY -> date + " is a " + dayName + " within the public holiday " + blockText(b)
                    + ": not a working day";
            case MAKE_UP_WORKDAY -> date + " is a " + dayName + " but a make-up working day (调休上班) for "
                    + blockText(b) + ": a working day";
        };
        if (provisional) {
            reason += " — provisionally: no State Council notice is loaded for " + date.getYear()
                    + ", so only weekends are taken as days off (weekends-only fallback)";
        } else {
            reason += " (calendar " + version.id() + ")";
        }
        return new DayInfo(date, date.getDayOfWeek(), kind.working(), kind, b == null ? null : b.name(),
                b == null ? null : b.start(), b == null ? null : b.end(), reason, version, provisional);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new ValidationException("INVALID_AMOUNT", "n", "The number of working days cannot be negative: " + n);
        }
        int i = offsetOf(date);
        int j;
        if (n == 0) {
            j = firstWorkingOnOrAfter(i);
            requireCovered(i, j);
        } else {
            j = nthWorkingDay((long) rank[i + 1] + n);
            requireCovered(i + 1, j);
        }
        return date(j);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int a = offsetOf(fromExclusive);
        int b = offsetOf(toInclusive);
        if (a == b) {
            return 0;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        requireCovered(lo + 1, hi);
        int count = rank[hi + 1] - rank[lo + 1];
        return a < b ? count : -count;
    }

    @Override
    public DeadlineResult deadline(DeadlineRequest request) {
        return calculator.compute(request);
    }

    @Override
    public CalendarCoverage coverage() {
        List<CalendarVersion> years = new ArrayList<>();
        for (NoticeYear n : noticeByYear) {
            if (n != null) {
                years.add(n.version());
            }
        }
        return new CalendarCoverage(years, fallback, FIRST_DAY, LAST_DAY, rejected);
    }

    // ---- index access for DeadlineCalculator ------------------------------------------------------------------

    boolean fallback() {
        return fallback;
    }

    /** Day number of {@code d}; refuses days outside the supported range. */
    int offsetOf(LocalDate d) {
        long o = d.toEpochDay() - BASE;
        if (o < 0 || o >= DAYS) {
            throw outOfRange(d);
        }
        return (int) o;
    }

    /** Day number of {@code d}, possibly outside the supported range (for clipping deducted periods). */
    static long rawOffset(LocalDate d) {
        return d.toEpochDay() - BASE;
    }

    static LocalDate date(long offset) {
        return LocalDate.ofEpochDay(BASE + offset);
    }

    DayKind kind(int i) {
        return KINDS[kinds[i]];
    }

    boolean isWorking(int i) {
        return KINDS[kinds[i]].working();
    }

    /** Working days among days {@code 0 .. i} inclusive. */
    int rankThrough(int i) {
        return rank[i + 1];
    }

    /** The day of the {@code k}-th working day (1-based) of the index; refuses one beyond the supported range. */
    int nthWorkingDay(long k) {
        if (k > working.length) {
            throw outOfRange(LAST_DAY.plusDays(1));
        }
        return working[(int) k - 1];
    }

    /** The first working day at or after day {@code i}. */
    int firstWorkingOnOrAfter(int i) {
        return nthWorkingDay((long) rank[i] + 1);
    }

    /** Whether every day in {@code lo .. hi} has its year's notice loaded. */
    boolean covered(int lo, int hi) {
        return nextUncovered[lo] > hi;
    }

    /** Refuses unless {@code lo .. hi} is covered, whatever the fallback. */
    void requireCovered(int lo, int hi) {
        if (nextUncovered[lo] <= hi) {
            throw notCovered(nextUncovered[lo]);
        }
    }

    /** Years in {@code lo .. hi} without a notice, ascending. */
    List<Integer> uncoveredYears(int lo, int hi) {
        List<Integer> out = new ArrayList<>();
        for (int y = date(lo).getYear(); y <= date(hi).getYear(); y++) {
            if (noticeByYear[y - FIRST_DAY.getYear()] == null) {
                out.add(y);
            }
        }
        return out;
    }

    /**
     * The versions of the notices that decide days {@code lo .. hi}: those of the years in the range, and the next
     * year's if it lists a day in the range (a New Year block starting in December).
     */
    Set<CalendarVersion> versionsFor(int lo, int hi) {
        Set<CalendarVersion> out = new LinkedHashSet<>();
        LocalDate last = date(hi);
        for (int y = date(lo).getYear(); y <= last.getYear() + 1 && y <= LAST_DAY.getYear(); y++) {
            NoticeYear n = noticeByYear[y - FIRST_DAY.getYear()];
            if (n == null) {
                continue;
            }
            if (y <= last.getYear() || !n.entries().get(0).date().isAfter(last)) {
                out.add(n.version());
            }
        }
        return out;
    }

    /** Holiday blocks overlapping {@code from .. to}, by start. */
    List<HolidayBlock> blocksIn(LocalDate from, LocalDate to) {
        List<HolidayBlock> out = new ArrayList<>();
        for (HolidayBlock b : blocks) {
            if (b.start().isAfter(to)) {
                break;
            }
            if (!b.end().isBefore(from)) {
                out.add(b);
            }
        }
        return out;
    }

    /** Make-up workdays in {@code from .. to}, by date. */
    List<Listing> makeUpsIn(LocalDate from, LocalDate to) {
        int lo = 0;
        int hi = makeUps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (makeUps.get(mid).entry().date().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<Listing> out = new ArrayList<>();
        for (int k = lo; k < makeUps.size() && !makeUps.get(k).entry().date().isAfter(to); k++) {
            out.add(makeUps.get(k));
        }
        return out;
    }

    Listing listing(LocalDate d) {
        return listings.get(d);
    }

    /**
     * Why day {@code i} is or is not a working day, as a phrase to follow "… is": "a Sunday", "in the public
     * holiday 国庆节 (…)", "a make-up working day (调休上班) for 国庆节 (…)", "a working day".
     */
    String why(int i) {
        LocalDate d = date(i);
        Listing l = listings.get(d);
        return switch (kind(i)) {
            case WEEKDAY -> "a working day";
            case WEEKEND -> "a " + CalendarText.dayName(d.getDayOfWeek());
            case HOLIDAY -> "in the public holiday " + blockText(l.block());
            case MAKE_UP_WORKDAY -> "a make-up working day (调休上班) for " + blockText(l.block());
        };
    }

    static String blockText(HolidayBlock b) {
        return b.name() + " (" + CalendarText.range(b.start(), b.end()) + ")";
    }

    CalendarNotCoveredException notCovered(int firstUncovered) {
        if (firstUncovered >= DAYS) {
            return outOfRange(LAST_DAY.plusDays(1));
        }
        LocalDate d = date(firstUncovered);
        int y = d.getYear();
        StringBuilder m = new StringBuilder("No State Council holiday notice is loaded for ").append(y)
                .append(", so the calendar cannot tell whether ").append(d).append(" and the rest of ").append(y)
                .append(" are working days. Covered years: ").append(coveredYearsText())
                .append(". Add the ").append(y).append(" notice as etc/org.jiandu.calendar.year-").append(y)
                .append(".cfg (see CALENDAR.md)");
        for (Rejection r : rejected) {
            if (r.year() != null && r.year() == y) {
                m.append("; a configuration for ").append(y).append(" was refused: ").append(r.message());
            }
        }
        return new CalendarNotCoveredException(d, null, m.toString());
    }

    static CalendarNotCoveredException outOfRange(LocalDate d) {
        return new CalendarNotCoveredException(d, null, "The calendar works only with days from " + FIRST_DAY + " to "
                + LAST_DAY + "; " + (d.isAfter(LAST_DAY) ? "the computation needs days after " + LAST_DAY
                        : d + " is outside that range"));
    }

    private String coveredYearsText() {
        StringBuilder sb = new StringBuilder();
        int y0 = FIRST_DAY.getYear();
        for (int k = 0; k < noticeByYear.length; k++) {
            if (noticeByYear[k] == null || (k > 0 && noticeByYear[k - 1] != null)) {
                continue;
            }
            int end = k;
            while (end + 1 < noticeByYear.length && noticeByYear[end + 1] != null) {
                end++;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(y0 + k).append(end > k ? "–" + (y0 + end) : "");
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    @Override
    public String toString() {
        return "CalendarSnapshot[" + coveredYearsText() + (fallback ? ", weekends-only fallback" : "") + "]";
    }
}
