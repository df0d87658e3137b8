package org.jiandu.api.alert;

/**
 * The levels of alert on one deadline (Art. 8 of 法〔2021〕322号: 流程节点自动预警 — remind the handling team, and
 * report to the responsible leader when nobody corrects it). Each level fires at most once per deadline, in the
 * order of their codes.
 *
 * <p>Each level has an explicit {@link #code() code} that is stored (the bit of a deadline's fired-levels mask, the
 * last digits of an alert id) and never changes: a new level gets a new code, never a reused one, and nothing may
 * depend on the enum's declaration order.
 */
public enum AlertLevel {
    /** 提醒: before the due time (configurable lead), the handler is reminded. Code 0. */
    REMINDER(0, "提醒"),
    /** 逾期: the period has run out and the deadline is still open. Code 1. */
    OVERDUE(1, "逾期"),
    /** 督办: still open a configurable number of working days after the due date; reported to the leader. Code 2. */
    ESCALATED(2, "督办");

    /** Alert ids leave room for this many levels per deadline: {@code id = deadlineId * SLOTS + code}. */
    public static final int SLOTS = 4;

    private final int code;
    private final String chinese;

    AlertLevel(int code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** The stored code of this level: 0 (REMINDER), 1 (OVERDUE), 2 (ESCALATED). */
    public int code() {
        return code;
    }

    /** The level's name in Chinese: 提醒, 逾期, 督办. */
    public String chinese() {
        return chinese;
    }

    /** This level's bit in a deadline's mask of fired levels: {@code 1 << code}. */
    public int bit() {
        return 1 << code;
    }

    /**
     * The alert id of this level on deadline {@code deadlineId}: a pure function of (deadline, level), so that a
     * table keyed by it holds each (deadline, level) at most once.
     */
    public long alertId(long deadlineId) {
        return deadlineId * SLOTS + code;
    }

    /** The deadline an alert id belongs to. */
    public static long deadlineOf(long alertId) {
        return alertId / SLOTS;
    }

    /** The level an alert id belongs to; {@link IllegalArgumentException} when its last slot is no level. */
    public static AlertLevel levelOf(long alertId) {
        return ofCode((int) (alertId % SLOTS));
    }

    /** The level with the stored {@code code}; {@link IllegalArgumentException} for an unknown code. */
    public static AlertLevel ofCode(int code) {
        for (AlertLevel l : values()) {
            if (l.code == code) {
                return l;
            }
        }
        throw new IllegalArgumentException("No alert level has the code " + code);
    }
}
