package org.jiandu.api.calendar;

import java.util.Locale;

import org.jiandu.api.ValidationException;

/**
 * The unit of a statutory period. Counting follows Civil Procedure Law Art. 85 and Civil Code Arts. 201–203; the
 * trigger day itself is never counted.
 */
public enum PeriodUnit {
    /** 工作日 — working days: the due date is the N-th working day after the trigger day. */
    WD("工作日", "working days"),
    /** 日 — calendar days: trigger + N; if that day is not a working day, the next working day. */
    D("日", "days"),
    /**
     * 月 — months: the same-numbered day N months later, or that month's last day if it has none (Civil Code
     * Art. 202); if not a working day, the next working day.
     */
    M("月", "months"),
    /** 小时 — hours: the trigger instant + N hours, never rolled forward. */
    H("小时", "hours");

    private final String chinese;
    private final String english;

    PeriodUnit(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The statutory term, e.g. {@code 工作日}. */
    public String chinese() {
        return chinese;
    }

    /** The English plural, e.g. {@code working days}. */
    public String english() {
        return english;
    }

    /** Whether the unit counts days (every unit but {@link #H}). */
    public boolean countsDays() {
        return this != H;
    }

    /**
     * Parses a unit code: {@code WD}, {@code D}, {@code M} or {@code H}, in any letter case, surrounding blanks
     * ignored.
     *
     * @throws ValidationException {@code MISSING_FIELD} or {@code INVALID_UNIT}, field {@code unit}
     */
    public static PeriodUnit parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", "unit",
                    "A period unit is required: WD (工作日), D (日), M (月) or H (小时)");
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        for (PeriodUnit u : values()) {
            if (u.name().equals(code)) {
                return u;
            }
        }
        throw new ValidationException("INVALID_UNIT", "unit",
                "\"" + text + "\" is not a period unit; use WD (工作日), D (日), M (月) or H (小时)");
    }
}
