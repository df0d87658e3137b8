package org.jiandu.api.deadline;

import java.util.Map;

import org.jiandu.api.calendar.DeadlineRequest;

/**
 * What a ledger entry does to a rule's deadlines. A deadline is identified on its case by the rule's id and a
 * {@code key} the rule chooses ({@code "main"} when a case has one such deadline; the lead id, asset id … when it
 * has several).
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface DeadlineAction permits DeadlineAction.Open, DeadlineAction.Close, DeadlineAction.Finding {

    String key();

    /**
     * Opens a deadline (or, when one with this key is already open, replaces its trigger — a corrected event).
     *
     * @param request             trigger, amount and unit for the working-day calendar
     * @param stopsForCasePeriods whether the case's deducted periods (suspension, announcement, appraisal, audit,
     *                            valuation, auction and sale periods) stop this deadline's clock
     */
    record Open(String key, DeadlineRequest request, boolean stopsForCasePeriods) implements DeadlineAction {
    }

    /** Closes the deadline: its satisfying event arrived (late or not; a late close keeps the breach on record). */
    record Close(String key) implements DeadlineAction {
    }

    /**
     * A breach that is not a matter of time, e.g. a network query that leaves out queryable property types (Art.
     * 13). {@code severity} is {@code WARN} or {@code VIOLATION}; {@code details} are JSON-friendly values.
     */
    record Finding(String key, String severity, String message, Map<String, Object> details)
            implements DeadlineAction {
        public Finding {
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }
}
