package org.jiandu.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.junit.jupiter.api.Test;

class AlertComposerTest {
    private static final AlertComposer COMPOSER = new AlertComposer(Map.of("京0105", "京0105-FY01"), 3,
            code -> code.equals("京0108") ? "北京市海淀区人民法院" : code);

    private static DueDeadline deadline(String handler, String leader, String court) {
        return new DueDeadline(7, 0, "（2024）" + court + "执1号", court, "art13.network-query", "启动网络查询", "第13条",
                LocalDate.parse("2024-10-10"), 1_728_576_000_000L, null, null, 0, handler, leader);
    }

    @Test
    void anEscalationGoesToTheCasesLeaderThenTheCourtsThenTheBureausHead() {
        long now = 1_729_000_000_000L;
        assertEquals("张三", COMPOSER.compose(deadline(null, "张三", "京0105"), AlertLevel.ESCALATED, now).addressee());
        assertEquals("京0105-FY01", COMPOSER.compose(deadline(null, null, "京0105"), AlertLevel.ESCALATED, now)
                .addressee());
        Alert other = COMPOSER.compose(deadline(null, null, "京0108"), AlertLevel.ESCALATED, now);
        assertEquals("北京市海淀区人民法院执行局负责同志", other.addressee(), "the court named as the directory names it");
        assertTrue(other.message().startsWith("【督办】") && other.message().contains("3个工作日"), other.message());
    }

    @Test
    void remindersAndOverdueAlertsGoToTheHandlerWithIdsFromTheLevelsCodes() {
        List<Alert> alerts = COMPOSER.compose(deadline("李四", null, "京0105"),
                List.of(AlertLevel.REMINDER, AlertLevel.OVERDUE), 1_729_000_000_000L);
        assertEquals(List.of(28L, 29L), alerts.stream().map(Alert::id).toList(), "7 * 4 + 0, 7 * 4 + 1");
        assertTrue(alerts.stream().allMatch(a -> a.addressee().equals("李四")));
        assertEquals("承办人（京0105）", COMPOSER.compose(deadline(null, null, "京0105"), AlertLevel.OVERDUE, 0)
                .addressee());
    }

    @Test
    void aCourtLeaderEntryWithoutEqualsIsRefusedNamingItAndTheOthersKept() {
        MonitorSettings s = MonitorSettings.of(java.util.Map.of("escalation.courtLeaders",
                new String[] {"京0105=甲", "京0108"}));
        assertEquals(java.util.Map.of("京0105", "甲"), s.courtLeaders());
        assertEquals(1, s.report().problems().size());
        assertTrue(s.report().messages().get(0).contains("\"京0108\""), s.report().messages().toString());
    }
}
