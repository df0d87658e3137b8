package org.jiandu.monitor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.monitor} ({@code etc/org.jiandu.monitor.cfg}): the alert schedule (Art. 8
 * leaves the lead and the escalation delay to each court: these defaults are choices, not law), the sweeper and the
 * rules evaluation waits for. How the ledger is followed is the ledger follower's configuration
 * ({@code org.jiandu.ledger.follower}). Read and checked by {@link MonitorSettings}: a value that cannot be read or
 * is out of range is logged at ERROR with PID and key and replaced by its default.
 */
@ObjectClassDefinition(name = "Jiandu node monitor", description = "Deadlines, alerts and escalation (法〔2021〕322号 第8条)")
public @interface MonitorConfig {
    String PID = "org.jiandu.monitor";

    @AttributeDefinition(description = "REMINDER at 00:00 of the N-th working day before the due date (day periods)",
            min = "0", max = "60")
    int reminder_leadWorkingDays() default 1;

    @AttributeDefinition(description = "REMINDER this many hours before the due instant (periods in hours)",
            min = "0", max = "240")
    int reminder_leadHours() default 4;

    @AttributeDefinition(description = "ESCALATED when still open this many working days after the due date",
            min = "0", max = "60")
    int escalation_workingDays() default 3;

    @AttributeDefinition(description = "Responsible leader (负责同志) per court when the case names none: COURT=PERSON, e.g. 京0105=京0105-FY01")
    String[] escalation_courtLeaders() default {};

    @AttributeDefinition(description = "Seconds between sweeps for due alerts", min = "1", max = "3600")
    int sweep_intervalSeconds() default 30;

    @AttributeDefinition(description = "Deadlines claimed per sweep transaction (at most 4000: Derby escalates to a table lock at 5000 row locks)",
            min = "1", max = "4000")
    int sweep_batchSize() default 2000;

    @AttributeDefinition(description = "Whether this node sweeps (with several nodes, any number may)")
    boolean sweep_enabled() default true;

    @AttributeDefinition(description = "Rule ids that must be registered before entries are evaluated (so that a restart never evaluates an entry with the built-in rules missing)")
    String[] rules_required() default {"art7.simple-case", "art13.network-query", "art13.offline-control",
        "art13.property-lead", "art13.query-coverage", "art16.reference-price", "art16.disposal-start",
        "art17.self-disposal", "art22.payment-notice", "art22.disbursement", "art27.court-dispute",
        "art27.authority-dispute", "art28.unexecuted-six-months", "art30.petition", "b7.time-limit",
        "b1.post-termination-query"};

    @AttributeDefinition(description = "Seconds evaluation waits, from activation, for the rules.required rules; after"
            + " that it evaluates with the rules present and a WARN repeats naming the missing ones (a wrong id never"
            + " holds supervision for ever)", min = "10", max = "86400")
    int rules_requiredWaitSeconds() default 300;
}
