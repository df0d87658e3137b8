package org.jiandu.api.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

class FindingTopicsTest {
    /** As the node monitor raises one: a rule's finding, kind from the rule id, key prefixed with it. */
    static final Finding MONITOR = new Finding("org.jiandu.monitor", 7, Finding.kindOfRule("art13.query-coverage"),
            FindingSeverity.VIOLATION, "法〔2021〕322号第13条", "art13.query-coverage", "（2024）京0105执1001号", "京0105",
            "art13.query-coverage#query:H-9", "网络查询未覆盖：ONLINE_FUNDS",
            Map.of("missingTypes", List.of("ONLINE_FUNDS")), Instant.parse("2024-09-30T02:00:00Z"),
            new Finding.Trigger(3, null, "H-9"));
    /** As the seizure bundle raises one: its own kind, no rule, figures as exact decimals. */
    static final Finding SEIZURE = new Finding("org.jiandu.seizure", 51, "OVER_SEIZURE", FindingSeverity.VIOLATION,
            "法〔2021〕322号 第15条第1款；查封规定 第19条", null, "（2025）京0105执77号", "京0105", "12",
            "控制财产可供清偿价值明显超出债权总额", Map.of("claimTotal", new BigDecimal("80000.00")),
            Instant.parse("2025-06-30T02:00:00Z"), new Finding.Trigger(12, "MONEY_RECEIVED", null));

    @Test
    void aRulesIdBecomesATopicSafeKind() {
        assertEquals("ART13_QUERY_COVERAGE", Finding.kindOfRule("art13.query-coverage"));
        assertEquals("jiandu/finding/ART13_QUERY_COVERAGE", FindingTopics.toEvent(MONITOR).getTopic());
        assertThrows(IllegalArgumentException.class, () -> new Finding("x", 1, "over-seizure",
                FindingSeverity.WARN, null, null, "c", "京0105", "k", "m", null, Instant.EPOCH,
                new Finding.Trigger(1, null, null)), "a kind is upper case, digits and _");
    }

    @Test
    void aFindingComesBackEqualFromItsEvent() {
        assertEquals(MONITOR, FindingTopics.from(FindingTopics.toEvent(MONITOR)));
        assertEquals(SEIZURE, FindingTopics.from(FindingTopics.toEvent(SEIZURE)));
    }

    @Test
    void oneHandlerOnEveryFindingReadsTheMonitorsAndTheSeizureBundlesAlike() {
        List<Finding> got = new ArrayList<>();
        EventHandler handler = e -> got.add(FindingTopics.from(e));
        handler.handleEvent(FindingTopics.toEvent(MONITOR));
        handler.handleEvent(FindingTopics.toEvent(SEIZURE));
        assertEquals(List.of(MONITOR, SEIZURE), got);
        assertEquals(List.of("org.jiandu.monitor", "org.jiandu.seizure"), got.stream().map(Finding::source).toList());
    }

    @Test
    void anUnknownSeverityNameCountsAsAWarningAndCodesAreStable() {
        assertEquals(FindingSeverity.WARN, FindingSeverity.parse("ACME_SPECIAL"));
        assertEquals(FindingSeverity.RULE_ERROR, FindingSeverity.parse("rule_error"));
        assertEquals(List.of(0, 1, 2, 3), List.of(FindingSeverity.TASK.code(), FindingSeverity.WARN.code(),
                FindingSeverity.VIOLATION.code(), FindingSeverity.RULE_ERROR.code()));
        Event e = new Event("jiandu/finding/X", Map.of(FindingTopics.SEVERITY_CODE, 9));
        assertThrows(IllegalArgumentException.class, () -> FindingTopics.from(e));
    }
}
