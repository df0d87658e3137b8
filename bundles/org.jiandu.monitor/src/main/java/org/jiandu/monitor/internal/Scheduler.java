package org.jiandu.monitor.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Computes a deadline's due date with the working-day calendar and its alert times: REMINDER at 00:00 of the
 * {@code reminder.leadWorkingDays}-th working day before the due date (or {@code reminder.leadHours} before the due
 * instant for periods in hours), OVERDUE when the period expires ({@link DeadlineResult#expiresAt()}), ESCALATED
 * when still open {@code escalation.workingDays} working days after the due date (00:00 of the day after). Then
 * arms the first level not yet done.
 */
final class Scheduler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkingCalendar calendar;
    private final int leadWorkingDays;
    private final int leadHours;
    private final int escalationWorkingDays;

    Scheduler(WorkingCalendar calendar, int leadWorkingDays, int leadHours, int escalationWorkingDays) {
        this.calendar = calendar;
        this.leadWorkingDays = Math.max(0, leadWorkingDays);
        this.leadHours = Math.max(0, leadHours);
        this.escalationWorkingDays = Math.max(0, escalationWorkingDays);
    }

    static Scheduler of(WorkingCalendar calendar, MonitorSettings s) {
        return new Scheduler(calendar, s.reminderLeadWorkingDays(), s.reminderLeadHours(), s.escalationWorkingDays());
    }

    int escalationWorkingDays() {
        return escalationWorkingDays;
    }

    /** The request stored on {@code d}, with the case's closed deducted periods when it stops for them. */
    static DeadlineRequest request(DeadlineEntity d, CasePeriods periods) {
        List<DeductedInterval> deducted = new ArrayList<>(ruleDeducted(d));
        if (d.isStopsForCasePeriods()) {
            deducted.addAll(periods.closed());
        }
        PeriodUnit unit = PeriodUnit.parse(d.getUnit());
        return d.getTriggerInstant() != null
                ? new DeadlineRequest(d.getTriggerDate(), Instant.ofEpochMilli(d.getTriggerInstant()), d.getAmount(), unit,
                        deducted)
                : DeadlineRequest.ofDate(d.getTriggerDate(), d.getAmount(), unit, deducted);
    }

    /** Deducted periods the rule itself put in its request (stored as lines {@code START/END reason}). */
    static List<DeductedInterval> ruleDeducted(DeadlineEntity d) {
        String stored = d.getRuleDeducted();
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<DeductedInterval> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            out.add(DeductedInterval.parse(line, "ruleDeducted"));
        }
        return out;
    }

    static String formatDeducted(List<DeductedInterval> intervals) {
        return intervals.isEmpty() ? null : intervals.stream()
                .map(i -> i.start() + "/" + i.end() + (i.reason() == null ? "" : " " + i.reason()))
                .collect(Collectors.joining("\n"));
    }

    /** (Re)computes {@code d}'s due date, explanation and alert times from its stored trigger and the case's periods. */
    void compute(DeadlineEntity d, CasePeriods periods) {
        DeadlineResult r;
        try {
            r = calendar.deadline(request(d, periods));
        } catch (CalendarNotCoveredException e) {
            d.schedule(Schedule.noCalendar("日历未覆盖所需日期，待加载该年度节假日安排后重新计算：" + e.getMessage()));
            arm(d);
            return;
        }
        String explanation = explanation(r, periods, d.isStopsForCasePeriods());
        String versions = r.calendarVersions().stream().map(CalendarVersion::id).collect(Collectors.joining(","));
        if (d.isStopsForCasePeriods()) {
            for (CasePeriods.Running running : periods.running()) {
                if (!running.start().isAfter(r.due())) {
                    d.schedule(Schedule.paused(r, explanation, versions, "自" + running.start() + "起"
                            + running.reason() + "期间尚未结束，期限停止计算（扣除期限）"));
                    arm(d);
                    return;
                }
            }
        }
        Long remindAt = reminder(r);
        String note = r.provisional() ? "临时结果：所用年度未加载国务院节假日安排，按仅周末休息计算" : null;
        Long escalateAt;
        try {
            LocalDate escalateDay = calendar.plusWorkingDays(r.due(), escalationWorkingDays);
            escalateAt = startOf(escalateDay.plusDays(1));
        } catch (ValidationException e) {
            escalateAt = null;
            note = (note == null ? "" : note + "；") + "督办时间无法计算：" + e.getMessage();
        }
        d.schedule(Schedule.open(r, new Schedule.AlertTimes(remindAt, r.expiresAt().toEpochMilli(), escalateAt),
                explanation, versions, note));
        arm(d);
    }

    private Long reminder(DeadlineResult r) {
        if (r.dueInstant() != null) {
            return r.dueInstant().minusSeconds(3600L * leadHours).toEpochMilli();
        }
        LocalDate day = r.due();
        try {
            for (int counted = 0, guard = 0; counted < leadWorkingDays && guard < 400; guard++) {
                day = day.minusDays(1);
                if (calendar.isWorkingDay(day)) {
                    counted++;
                }
            }
        } catch (ValidationException e) {
            // the lead reaches into a year the calendar does not cover: remind from the trigger day instead
            day = r.request().triggerDate();
        }
        return startOf(day);
    }

    /** Arms the first level not yet done whose time is known; nothing when closed or without times. */
    static void arm(DeadlineEntity d) {
        if (d.getStatus() != DeadlineStatus.OPEN) {
            d.next(null, null);
            return;
        }
        for (AlertLevel level : AlertLevel.values()) {
            Long t = time(d, level);
            if (t != null && (d.getFired() & level.bit()) == 0) {
                d.next(level, t);
                return;
            }
        }
        d.next(null, null);
    }

    static Long time(DeadlineEntity d, AlertLevel level) {
        return switch (level) {
            case REMINDER -> d.getRemindAt();
            case OVERDUE -> d.getExpiresAt();
            case ESCALATED -> d.getEscalateAt();
        };
    }

    static long startOf(LocalDate day) {
        return day.atStartOfDay(WorkingCalendar.ZONE).toInstant().toEpochMilli();
    }

    private static String explanation(DeadlineResult r, CasePeriods periods, boolean stops) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ExplanationStep s : r.explanation()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("kind", s.kind().name());
            step.put("text", s.text());
            if (s.date() != null) {
                step.put("date", s.date().toString());
            }
            if (s.endDate() != null) {
                step.put("endDate", s.endDate().toString());
            }
            if (s.count() != null) {
                step.put("count", s.count());
            }
            steps.add(step);
        }
        out.put("steps", steps);
        out.put("deducted", r.request().deducted().stream().map(i -> i.start() + "/" + i.end()
                + (i.reason() == null ? "" : " " + i.reason())).toList());
        if (stops && !periods.running().isEmpty()) {
            out.put("running", periods.running().stream().map(p -> p.start() + " " + p.reason()).toList());
        }
        out.put("provisional", r.provisional());
        try {
            String json = JSON.writeValueAsString(out);
            return json.length() <= 32000 ? json : JSON.writeValueAsString(Map.of("truncated", true,
                    "steps", steps.subList(0, Math.min(steps.size(), 40))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An explanation could not be written as JSON", e);
        }
    }
}
