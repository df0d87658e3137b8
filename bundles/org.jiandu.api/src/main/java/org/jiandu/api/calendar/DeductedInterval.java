package org.jiandu.api.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jiandu.api.ValidationException;

/**
 * 扣除期限 — a deducted period: an interval of whole days, both ends inclusive, during which a deadline's clock
 * stops (announcement 公告, appraisal 鉴定, audit 审计, valuation 评估, suspension 中止, deferral 暂缓, auction and
 * sale periods; 法释〔2000〕29号).
 *
 * @param start  first day on which the clock is stopped
 * @param end    last day on which the clock is stopped ({@code >= start})
 * @param reason why, in words a person recognises (e.g. {@code 鉴定}); {@code null} when not given
 */
public record DeductedInterval(LocalDate start, LocalDate end, String reason) {

    /** @throws ValidationException {@code MISSING_FIELD} or {@code INVALID_INTERVAL} */
    public DeductedInterval {
        if (start == null) {
            throw new ValidationException("MISSING_FIELD", "start", "A deducted period needs its first day");
        }
        if (end == null) {
            throw new ValidationException("MISSING_FIELD", "end", "A deducted period needs its last day");
        }
        if (end.isBefore(start)) {
            throw new ValidationException("INVALID_INTERVAL", null,
                    "A deducted period cannot end (" + end + ") before it starts (" + start + ")");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * Parses {@code START/END} (ISO dates, both inclusive, e.g. {@code 2024-10-01/2024-10-05}) or a single
     * {@code DATE}, optionally followed by blanks and a reason: {@code 2024-10-01/2024-10-05 鉴定}.
     *
     * @param field the field reported when the text is refused (e.g. {@code deduct})
     * @throws ValidationException {@code MISSING_FIELD} or {@code INVALID_INTERVAL}, naming {@code field}
     */
    public static DeductedInterval parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field,
                    "A deducted period is required, e.g. 2024-10-01/2024-10-05 (both days inclusive)");
        }
        String t = text.strip();
        int blank = indexOfBlank(t);
        String range = blank < 0 ? t : t.substring(0, blank);
        String reason = blank < 0 ? null : t.substring(blank).strip();
        int slash = range.indexOf('/');
        String a = slash < 0 ? range : range.substring(0, slash);
        String b = slash < 0 ? range : range.substring(slash + 1);
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(a);
            end = LocalDate.parse(b);
        } catch (DateTimeParseException e) {
            throw new ValidationException("INVALID_INTERVAL", field, "\"" + text
                    + "\" is not a deducted period; write START/END with ISO dates, e.g. 2024-10-01/2024-10-05");
        }
        try {
            return new DeductedInterval(start, end, reason);
        } catch (ValidationException e) {
            throw e.under(field);
        }
    }

    /** Number of calendar days in the interval, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Whether {@code date} lies in the interval. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
