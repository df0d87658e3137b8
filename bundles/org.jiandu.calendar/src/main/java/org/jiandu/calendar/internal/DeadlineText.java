package org.jiandu.calendar.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.WorkingCalendar;

/**
 * The one text rendering of a deadline and of a day, used by both the shell command and the REST endpoint so
 * that they say the same thing.
 */
final class DeadlineText {
    private DeadlineText() {
    }

    /** {@code Due 2024-10-10 (Thu): 5 WD from 2024-09-27}, marked when provisional. */
    static String summary(DeadlineResult r) {
        String due = r.dueInstant() == null ? CalendarText.day(r.due())
                : OffsetDateTime.ofInstant(r.dueInstant(), WorkingCalendar.ZONE).toString();
        Object from = r.request().triggerInstant() == null ? r.request().triggerDate()
                : OffsetDateTime.ofInstant(r.request().triggerInstant(), WorkingCalendar.ZONE);
        return "Due " + due + ": " + r.request().amount() + " " + r.request().unit() + " ("
                + r.request().unit().chinese() + ") from " + from
                + (r.request().deducted().isEmpty() ? "" : ", " + r.request().deducted().size() + " deducted period(s)")
                + (r.provisional() ? " — PROVISIONAL" : "");
    }

    /** The summary, then the numbered steps. */
    static List<String> lines(DeadlineResult r) {
        List<String> out = new ArrayList<>();
        out.add(summary(r));
        int k = 1;
        for (ExplanationStep s : r.explanation()) {
            out.add(String.format("%3d. %s", k++, s.text()));
        }
        return out;
    }

    /** One line for a day. */
    static String day(DayInfo d) {
        return CalendarText.day(d.date()) + ": " + (d.workingDay() ? "working day" : "not a working day") + " — "
                + d.reason();
    }
}
