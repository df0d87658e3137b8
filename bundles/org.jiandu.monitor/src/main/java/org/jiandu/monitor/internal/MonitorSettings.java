package org.jiandu.monitor.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;

/**
 * The monitor's configuration (PID {@value MonitorConfig#PID}), read once and checked: a value that cannot be read
 * or is out of range is replaced by its default and reported (never thrown), so a typo neither stops the node
 * monitor nor the sweeper (Art. 8 of 法〔2021〕322号: 节点监控 and 预警 run continuously). The node monitor and the
 * sweeper read the same properties; the node monitor logs and reports the refusals.
 *
 * @param requiredRulesWaitSeconds how long evaluation waits, from activation, for the rules of
 *                                 {@code rules.required}; after that it evaluates with the rules present (a WARN
 *                                 repeats naming the missing ones), so a wrong id never holds supervision for ever
 */
record MonitorSettings(int reminderLeadWorkingDays, int reminderLeadHours, int escalationWorkingDays,
        Map<String, String> courtLeaders, int sweepIntervalSeconds, int sweepBatchSize, boolean sweepEnabled,
        Set<String> requiredRules,
        int requiredRulesWaitSeconds, ConfigReport report) {

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static MonitorSettings of(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(MonitorConfig.PID, properties, MonitorConfig.class);
        int leadDays = r.integer("reminder.leadWorkingDays", 0, 60, "a local choice; Art. 8 sets no lead");
        int leadHours = r.integer("reminder.leadHours", 0, 240, "a local choice");
        int escalation = r.integer("escalation.workingDays", 0, 60, "a local choice; Art. 8 sets no delay");
        Map<String, String> leaders = new LinkedHashMap<>();
        for (String pair : r.entries("escalation.courtLeaders", "[,，;；\\n]")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                r.problem("escalation.courtLeaders", "entry \"" + pair + "\" is not COURT=PERSON (e.g."
                        + " 京0105=京0105-FY01); it is ignored, the court's alerts go to its 执行局负责同志");
            } else if (leaders.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()) != null) {
                r.problem("escalation.courtLeaders", "court " + pair.substring(0, eq).strip()
                        + " is named twice; the first entry is used");
            }
        }
        r.effective("escalation.courtLeaders", leaders);
        int interval = r.integer("sweep.intervalSeconds", 1, 3600, "");
        int batch = r.integer("sweep.batchSize", 1, 4000, "Derby escalates to a table lock at 5000 row locks");
        boolean enabled = r.bool("sweep.enabled");
        List<String> required = r.entries("rules.required", "[,，;；\\s]+");
        List<String> bad = required.stream().filter(id -> !RULE_ID.matcher(id).matches()).toList();
        List<String> defaults = r.defaultEntries("rules.required");
        if (r.raw("rules.required") == null) {
            required = defaults;
        }
        required = r.check("rules.required", required,
                bad.isEmpty() ? null : "ids " + bad + " are not rule ids (letters, digits, '.', '-', '_')", defaults);
        int wait = r.integer("rules.requiredWaitSeconds", 10, 86_400, "");
        return new MonitorSettings(leadDays, leadHours, escalation, Map.copyOf(leaders), interval, batch, enabled,
                Set.copyOf(new LinkedHashSet<>(required)), wait, r.report());
    }
}
