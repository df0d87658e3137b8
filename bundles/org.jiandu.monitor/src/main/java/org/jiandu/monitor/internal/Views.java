package org.jiandu.monitor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.deadline.DeadlineRule;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON views of deadlines, alerts, findings and rules, shared by the REST resources and the shell commands. */
final class Views {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    static Map<String, Object> alert(AlertEntity a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.getId());
        v.put("deadlineId", a.getDeadlineId());
        v.put("level", a.getLevel());
        v.put("levelLabel", AlertLevel.valueOf(a.getLevel()).chinese());
        v.put("caseNumber", a.getCaseNumber());
        v.put("court", a.getCourtCode());
        v.put("ruleId", a.getRuleId());
        v.put("due", a.getDueDate() == null ? null : a.getDueDate().toString());
        v.put("expiresAt", MonitorStore.day(a.getExpiresAt()));
        v.put("raisedAt", MonitorStore.day(a.getRaisedAt()));
        v.put("addressee", a.getAddressee());
        v.put("message", a.getMessage());
        v.put("status", a.getAcknowledgedAt() == null ? "open" : "acknowledged");
        if (a.getAcknowledgedAt() != null) {
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("by", a.getAcknowledgedBy());
            ack.put("at", MonitorStore.day(a.getAcknowledgedAt()));
            ack.put("comment", a.getAcknowledgementComment());
            v.put("acknowledgement", ack);
        }
        return v;
    }

    static Map<String, Object> deadline(DeadlineEntity d, List<AlertEntity> alerts, Set<String> installedRules,
            long now) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.getId());
        v.put("ruleId", d.getRuleId());
        v.put("key", d.getKey());
        v.put("title", d.getTitle());
        v.put("article", d.getArticle());
        v.put("status", d.getStatus().name());
        v.put("ruleInstalled", installedRules.contains(d.getRuleId()));
        boolean open = d.getStatus().isOpen();
        v.put("open", open);
        v.put("breach", d.getStatus() == DeadlineStatus.MET_LATE
                || d.getStatus() == DeadlineStatus.OPEN && d.getExpiresAt() != null && now >= d.getExpiresAt());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("seq", d.getTriggerSeq());
        trigger.put("hostEventId", d.getTriggerHostEventId());
        trigger.put("type", d.getTriggerType());
        trigger.put("date", d.getTriggerDate().toString());
        trigger.put("instant", MonitorStore.day(d.getTriggerInstant()));
        v.put("trigger", trigger);
        v.put("period", Map.of("amount", d.getAmount(), "unit", d.getUnit()));
        v.put("stopsForCasePeriods", d.isStopsForCasePeriods());
        v.put("due", d.getDueDate() == null ? null : d.getDueDate().toString());
        v.put("undeductedDue", d.getUndeductedDue() == null ? null : d.getUndeductedDue().toString());
        v.put("deductedDays", d.getDeductedDays());
        v.put("expiresAt", MonitorStore.day(d.getExpiresAt()));
        v.put("remindAt", MonitorStore.day(d.getRemindAt()));
        v.put("escalateAt", MonitorStore.day(d.getEscalateAt()));
        if (d.getNextLevel() != null) {
            v.put("nextAlert", Map.of("level", d.getNextLevel(), "at", MonitorStore.day(d.getNextAlertAt())));
        }
        v.put("note", d.getNote());
        v.put("explanation", parse(d.getExplanation()));
        v.put("calendarVersions", d.getCalendarVersions() == null || d.getCalendarVersions().isEmpty() ? List.of()
                : Arrays.asList(d.getCalendarVersions().split(",")));
        if (d.getClosedSeq() != null) {
            Map<String, Object> closed = new LinkedHashMap<>();
            closed.put("seq", d.getClosedSeq());
            closed.put("hostEventId", d.getClosedHostEventId());
            closed.put("type", d.getClosedType());
            closed.put("occurredAt", d.getClosedOccurredAt());
            closed.put("at", MonitorStore.day(d.getClosedAt()));
            v.put("closedBy", closed);
        }
        List<Map<String, Object>> raised = new ArrayList<>();
        for (AlertEntity a : alerts) {
            raised.add(alert(a));
        }
        v.put("alerts", raised);
        return v;
    }

    static Map<String, Object> finding(FindingEntity f) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.getId());
        v.put("ruleId", f.getRuleId());
        v.put("key", f.getKey());
        v.put("severity", f.getSeverity());
        v.put("message", f.getMessage());
        v.put("details", parse(f.getDetails()));
        v.put("entrySeq", f.getEntrySeq());
        v.put("hostEventId", f.getHostEventId());
        v.put("recordedAt", MonitorStore.day(f.getRecordedAt()));
        return v;
    }

    /** A rule with its parameters: its service properties, less the framework's own. */
    static Map<String, Object> rule(DeadlineRule rule, Map<String, Object> properties, boolean inUse) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", rule.id());
        v.put("article", rule.article());
        v.put("title", rule.title());
        v.put("inUse", inUse);
        Map<String, Object> params = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("service.") || k.startsWith("component.") || k.startsWith("osgi.")
                    || k.equals(Constants.OBJECTCLASS) || k.startsWith("felix.")) {
                continue;
            }
            Object value = e.getValue();
            params.put(k, value != null && value.getClass().isArray() ? arrayToList(value) : value);
        }
        v.put("parameters", params);
        v.put("serviceId", properties.get(Constants.SERVICE_ID));
        v.put("bundleId", properties.get(Constants.SERVICE_BUNDLEID));
        return v;
    }

    private static List<Object> arrayToList(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(java.lang.reflect.Array.get(array, i));
        }
        return out;
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored explanation is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
