package org.jiandu.monitor.internal;

/**
 * The levels of alert on one deadline (Art. 8 of 法〔2021〕322号: 流程节点自动预警 — remind the handling team, and
 * report to the responsible leader when nobody corrects it). Each level fires at most once per deadline.
 */
public enum AlertLevel {
    /** Before the due time (configurable lead): the handler is reminded. */
    REMINDER("提醒"),
    /** The period has run out and the deadline is still open. */
    OVERDUE("逾期"),
    /** Still open a configurable number of working days after the due date: reported to the responsible leader. */
    ESCALATED("督办");

    private final String chinese;

    AlertLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** This level's bit in a deadline's {@code FIRED} mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * The alert id of this level on deadline {@code deadlineId}: a pure function of (deadline, level), so the
     * alert table's primary key is the "(deadline, level) at most once" constraint itself.
     */
    public long alertId(long deadlineId) {
        return deadlineId * 4 + ordinal();
    }

    /** The deadline an alert id belongs to. */
    public static long deadlineOf(long alertId) {
        return alertId / 4;
    }

    /** The level an alert id belongs to. */
    public static AlertLevel levelOf(long alertId) {
        return values()[(int) (alertId % 4)];
    }
}
