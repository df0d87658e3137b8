package org.jiandu.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jiandu.api.ValidationException;

/**
 * The statutory working-day calendar of the People's Republic of China and the deadline arithmetic built on it
 * (Civil Procedure Law Art. 85; Civil Code Arts. 201–203).
 *
 * <p>A <em>working day</em> (工作日) is a listed make-up workday (调休上班), or a Monday–Friday that is not a listed
 * public holiday. The lists come from the State Council's yearly notices; each year's data carries a
 * {@link CalendarVersion}. Times are in {@link #ZONE Asia/Shanghai}.
 *
 * <p><b>Threads.</b> Implementations are thread-safe and never block: every call reads one immutable snapshot of
 * the data, so a call sees either the data before or after a concurrent reconfiguration, never a mixture. The
 * day primitives ({@link #isWorkingDay}, {@link #plusWorkingDays}, {@link #workingDaysBetween}) run in constant
 * time, without walking day by day; {@link #deadline} is linear only in the number of deducted periods and in the
 * length of the explanation it writes.
 *
 * <p><b>Coverage.</b> A day is <em>covered</em> when the notice of its year is loaded. A call that needs an
 * uncovered day throws {@link CalendarNotCoveredException}. If the calendar is configured with the weekends-only
 * fallback, {@link #describe} and {@link #deadline} answer for uncovered days instead and mark the answer
 * {@code provisional}; the bare primitives cannot carry that mark and therefore always throw. Which days a call
 * "needs" is stated on each method.
 *
 * <p><b>Exceptions.</b> {@link CalendarNotCoveredException} (a {@link ValidationException}, code
 * {@code CALENDAR_NOT_COVERED}): the data is missing, not the input wrong; load the notice. Other
 * {@link ValidationException}s: the input breaks a rule (negative amount, period ending before it starts); the
 * code and field say which. {@link NullPointerException}: a {@code null} argument, a programming error.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WorkingCalendar {

    /** The time zone of every deadline: Asia/Shanghai. */
    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Whether {@code date} is a working day. Needs: {@code date}.
     *
     * @throws CalendarNotCoveredException if {@code date} is not covered
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * Whether {@code date} is a working day and why: weekday, weekend, which holiday, or make-up workday for which
     * holiday, with the calendar version that decided it. Needs: {@code date} (fallback applies).
     *
     * @throws CalendarNotCoveredException if {@code date} is not covered and the fallback is off
     */
    DayInfo describe(LocalDate date);

    /**
     * The {@code n}-th working day after {@code date}; {@code date} itself is never counted.
     *
     * <p>{@code n = 0} returns {@code date} itself if it is a working day, otherwise the next working day: "no
     * working days to add" still ends on a working day, like the Art. 85 roll-forward. Consequently
     * {@code plusWorkingDays(plusWorkingDays(d, a), b) == plusWorkingDays(d, a + b)} holds for every {@code a >= 1}
     * (and for {@code a = 0} when {@code d} is a working day), and {@link #workingDaysBetween} inverts this method
     * for every {@code n >= 1}.
     *
     * <p>Needs: the days after {@code date} up to the result ({@code date} itself too when {@code n = 0}).
     *
     * @throws ValidationException         {@code INVALID_AMOUNT} if {@code n < 0}
     * @throws CalendarNotCoveredException if a needed day is not covered
     */
    LocalDate plusWorkingDays(LocalDate date, int n);

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; negative (the count the
     * other way round) when {@code toInclusive} is before {@code fromExclusive}. For {@code n >= 1},
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
     *
     * <p>Needs: the days counted.
     *
     * @throws CalendarNotCoveredException if a needed day is not covered
     */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);

    /**
     * Computes a statutory deadline with its explanation. Counting, per unit, is described on {@link PeriodUnit}.
     *
     * <p><b>Deducted periods</b> (扣除期限) stop the clock: days inside them are not counted, so the due date moves
     * by exactly the working days ({@link PeriodUnit#WD}) or calendar days ({@link PeriodUnit#D},
     * {@link PeriodUnit#M}: the month period is first turned into its number of calendar days) inside them that
     * fall in the running period. Overlapping periods count once. A period that ends before the trigger or starts
     * after the due date changes nothing. When the period's end is rolled forward to a working day, it is rolled
     * past deducted days too: a deadline never expires while its clock is stopped. For {@link PeriodUnit#H} each
     * deducted day stops the clock from 00:00 to 24:00 Asia/Shanghai.
     *
     * <p>Needs: for WD the days after the trigger up to the due date; for D and M the days from the period's end to
     * the due date (the days in between count whatever they are); for H none (fallback applies).
     *
     * @throws CalendarNotCoveredException if a needed day is not covered and the fallback is off
     */
    DeadlineResult deadline(DeadlineRequest request);

    /** The covered years with their versions, the fallback setting, and any refused configurations. */
    CalendarCoverage coverage();
}
