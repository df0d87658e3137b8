package org.jiandu.monitor.internal;

import static org.jiandu.api.deadline.DeadlineRules.day;
import static org.jiandu.api.event.CoreEventTypes.DEDUCTED_PERIOD_ENDED;
import static org.jiandu.api.event.CoreEventTypes.DEDUCTED_PERIOD_STARTED;
import static org.jiandu.api.event.CoreEventTypes.RESUMED;
import static org.jiandu.api.event.CoreEventTypes.SUSPENDED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.CaseHistory;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The deducted periods (扣除期限, 法释〔2000〕29号) recorded on a case, as of some entry: those that ended, as
 * intervals for the calendar, and those still running, which stop the clock with no end known yet.
 *
 * <ul>
 * <li>{@code DEDUCTED_PERIOD_STARTED} / {@code DEDUCTED_PERIOD_ENDED} with the same {@code periodId}: both days
 * inclusive (the end event names the period's last day).</li>
 * <li>{@code SUSPENDED} … {@code RESUMED} (中止执行): from the suspension day to the day before resumption (the day
 * enforcement resumes is a day of enforcement); a resumption on the day of the suspension deducts nothing.</li>
 * </ul>
 * Read over the case's effective history ({@link CaseHistory#effective}: a corrected entry is replaced by its
 * correction at the corrected entry's position, Art. 12 of 法〔2021〕322号), so a corrected suspension still comes
 * before the resumption that followed it.
 */
public record CasePeriods(List<DeductedInterval> closed, List<Running> running) {

    /** A deducted period that has started and not ended. */
    public record Running(LocalDate start, String reason) {
    }

    public static final CasePeriods NONE = new CasePeriods(List.of(), List.of());

    /** Whether {@code type} can change a case's deducted periods. */
    public static boolean concerns(String type) {
        return DEDUCTED_PERIOD_STARTED.equals(type) || DEDUCTED_PERIOD_ENDED.equals(type) || SUSPENDED.equals(type)
                || RESUMED.equals(type);
    }

    public static CasePeriods of(List<LedgerEntry> history) {
        Map<String, LedgerEntry> started = new LinkedHashMap<>();
        Map<String, LedgerEntry> ended = new LinkedHashMap<>();
        List<DeductedInterval> closed = new ArrayList<>();
        List<Running> running = new ArrayList<>();
        LocalDate suspendedSince = null;
        for (LedgerEntry e : CaseHistory.effective(history)) {
            CaseEvent ev = e.event();
            String type = ev.type();
            if (DEDUCTED_PERIOD_STARTED.equals(type)) {
                ev.payload().string("periodId").ifPresent(id -> started.put(id, e));
            } else if (DEDUCTED_PERIOD_ENDED.equals(type)) {
                ev.payload().string("periodId").ifPresent(id -> ended.put(id, e));
            } else if (SUSPENDED.equals(type)) {
                if (suspendedSince == null) {
                    suspendedSince = day(e);
                }
            } else if (RESUMED.equals(type) && suspendedSince != null) {
                LocalDate last = day(e).minusDays(1);
                if (!last.isBefore(suspendedSince)) {
                    closed.add(new DeductedInterval(suspendedSince, last, "中止执行"));
                }
                suspendedSince = null;
            }
        }
        if (suspendedSince != null) {
            running.add(new Running(suspendedSince, "中止执行"));
        }
        for (Map.Entry<String, LedgerEntry> s : started.entrySet()) {
            LedgerEntry start = s.getValue();
            String reason = reason(start.event().payload().string("kind").orElse("OTHER"));
            LedgerEntry end = ended.get(s.getKey());
            if (end == null) {
                running.add(new Running(day(start), reason));
            } else if (!day(end).isBefore(day(start))) {
                closed.add(new DeductedInterval(day(start), day(end), reason));
            }
        }
        return closed.isEmpty() && running.isEmpty() ? NONE : new CasePeriods(List.copyOf(closed), List.copyOf(running));
    }

    /** The Chinese name of a deduction kind (法释〔2000〕29号). */
    static String reason(String kind) {
        return switch (kind) {
            case "ANNOUNCEMENT" -> "公告";
            case "APPRAISAL" -> "鉴定";
            case "AUDIT" -> "审计";
            case "VALUATION" -> "评估";
            case "SUSPENSION" -> "中止执行";
            case "DEFERRAL" -> "暂缓执行";
            case "AUCTION" -> "拍卖";
            case "SALE" -> "变卖";
            default -> "其他扣除期间";
        };
    }
}
