package org.jiandu.monitor.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;

/**
 * Composes the alerts of a claimed deadline (Art. 8 of 法〔2021〕322号): whom each level is addressed to and its text
 * in Chinese. REMINDER and OVERDUE go to the case's handler (else "承办人" of the court); ESCALATED to the leader
 * named by the case, else the court's leader from {@code escalation.courtLeaders}, else "the court's 执行局负责同志".
 * Pure: no database, no clock.
 */
final class AlertComposer {
    static final int MAX_MESSAGE = 1000;

    private final Map<String, String> courtLeaders;
    private final int escalationWorkingDays;
    private final UnaryOperator<String> courtName;

    /**
     * @param courtName the name of a court by its code (the court directory's, e.g. 北京市朝阳区人民法院), or the code
     *                  itself where none is known
     */
    AlertComposer(Map<String, String> courtLeaders, int escalationWorkingDays, UnaryOperator<String> courtName) {
        this.courtLeaders = Map.copyOf(courtLeaders);
        this.escalationWorkingDays = escalationWorkingDays;
        this.courtName = courtName;
    }

    /** The alerts of {@code levels} on {@code d}, raised at {@code now} (epoch millis). */
    List<Alert> compose(DueDeadline d, List<AlertLevel> levels, long now) {
        return levels.stream().map(l -> compose(d, l, now)).toList();
    }

    Alert compose(DueDeadline d, AlertLevel level, long now) {
        String addressee;
        String text;
        String what = d.title() + "（" + d.article() + "）";
        String due = d.due() == null ? "—" : d.due().toString();
        switch (level) {
            case REMINDER -> {
                addressee = handler(d);
                text = "【提醒】" + d.caseNumber() + "：" + what + "，期限至" + due + "届满，请及时办理。";
            }
            case OVERDUE -> {
                addressee = handler(d);
                text = "【逾期】" + d.caseNumber() + "：" + what + "，期限已于" + due + "届满，尚未完成，请立即纠正。";
            }
            default -> {
                addressee = d.leader() != null ? d.leader()
                        : courtLeaders.getOrDefault(d.court(), courtName.apply(d.court()) + "执行局负责同志");
                text = "【督办】" + d.caseNumber() + "：" + what + "，期限" + due + "届满后"
                        + escalationWorkingDays + "个工作日仍未完成，依法〔2021〕322号第8条报请" + addressee
                        + "督办。";
            }
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE);
        }
        return new Alert(level.alertId(d.id()), d.id(), level, d.caseNumber(), d.court(), d.ruleId(), d.due(),
                d.expiresAt() == null ? null : Instant.ofEpochMilli(d.expiresAt()), Instant.ofEpochMilli(now),
                addressee, text, null);
    }

    private static String handler(DueDeadline d) {
        return d.handler() != null ? d.handler() : "承办人（" + d.court() + "）";
    }
}
