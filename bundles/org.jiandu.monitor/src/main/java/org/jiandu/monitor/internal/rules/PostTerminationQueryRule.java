package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.day;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.text;
import static org.jiandu.api.event.CoreEventTypes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * 终本规定 (法〔2016〕373号) Art. 9: for 5 years after a case is terminated for this round (终本:
 * {@code TERMINATION_RULED}, or {@code CASE_CLOSED} with {@code method = TERMINATED_ROUND} when no ruling was
 * reported) the court queries the respondent's property online every 6 months. Deadline {@code q<n>} (n = 1 ..
 * years × 12 / interval) is due n × 6 months after the termination day; a {@code PROPERTY_QUERY_STARTED} on day d
 * closes the period whose window (termination + 6(n−1) months, termination + 6n months] holds d, and any earlier
 * period still open (late). Full performance or another way of closing the case ends the obligation. Periods in
 * years whose holiday notice is not loaded yet wait (status NO_CALENDAR) until it is.
 *
 * <p>Rule id {@code b1.post-termination-query}; configuration PID {@code org.jiandu.monitor.rule.b1.post_termination_query} (file {@code etc/org.jiandu.monitor.rule.b1.post_termination_query.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = PostTerminationQueryRule.PID)
@Designate(ocd = PostTerminationQueryRule.Config.class)
public class PostTerminationQueryRule extends RuleSupport {
    public static final String ID = "b1.post-termination-query";
    static final String PID = "org.jiandu.monitor.rule.b1.post_termination_query";

    @ObjectClassDefinition(name = "Jiandu rule b1.post-termination-query", description = "终结本次执行程序后5年内每6个月通过网络执行查控系统查询一次被执行人财产（终本规定（法〔2016〕373号）第9条）")
    public @interface Config {
        @AttributeDefinition(description = "months between online queries (终本规定 Art. 9: 6)", min = "1", max = "120")
        int interval_months() default 6;
        @AttributeDefinition(description = "years after termination during which the queries are due (终本规定 Art. 9: 5)", min = "1", max = "120")
        int years() default 5;
    }

    private volatile int interval;
    private volatile int periods;

    @Activate
    public PostTerminationQueryRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static PostTerminationQueryRule of(Config config) {
        return new PostTerminationQueryRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        int months = r.integer("interval.months", 1, 120, "终本规定 Art. 9: every 6 months");
        int span = r.integer("years", 1, 120, "终本规定 Art. 9: 5 years");
        if (span * 12 / months > 120) {
            months = r.check("interval.months", 6, "years × 12 / interval.months must be at most 120 queries", 6);
            span = r.check("years", 5, "years × 12 / interval.months must be at most 120 queries", 5);
        }
        interval = months;
        periods = span * 12 / months;
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "终本规定（法〔2016〕373号）第9条";
    }

    @Override
    public String title() {
        return "终结本次执行程序后5年内每6个月通过网络执行查控系统查询一次被执行人财产";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        LedgerEntry termination = termination(history, entry);
        boolean terminates = is(entry, TERMINATION_RULED)
                || is(entry, CASE_CLOSED) && "TERMINATED_ROUND".equals(text(entry, "method")) && termination == null;
        int step = interval;
        int count = periods;
        if (terminates) {
            List<DeadlineAction> out = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Period p = new Period(step * n, org.jiandu.api.calendar.PeriodUnit.M);
                out.add(open("q" + n, entry, p, false));
            }
            return out;
        }
        if (termination == null) {
            return List.of();
        }
        java.time.LocalDate start = day(termination);
        if (is(entry, PROPERTY_QUERY_STARTED)) {
            java.time.LocalDate d = day(entry);
            List<DeadlineAction> out = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                out.add(close("q" + n));
                if (!d.isAfter(start.plusMonths((long) step * n))) {
                    break;
                }
            }
            return d.isAfter(start) ? out : List.of();
        }
        if (is(entry, PERFORMANCE_COMPLETED) || is(entry, CASE_CLOSED) && !"TERMINATED_ROUND".equals(text(entry, "method"))) {
            List<DeadlineAction> out = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                out.add(close("q" + n));
            }
            return out;
        }
        return List.of();
    }

    /** The case's 终本 before {@code entry}: its first ruling, else its first closing as TERMINATED_ROUND. */
    private static LedgerEntry termination(List<LedgerEntry> history, LedgerEntry entry) {
        LedgerEntry closed = null;
        for (LedgerEntry h : history) {
            if (h.seq() >= entry.seq()) {
                break;
            }
            if (is(h, TERMINATION_RULED)) {
                return h;
            }
            if (closed == null && is(h, CASE_CLOSED) && "TERMINATED_ROUND".equals(text(h, "method"))) {
                closed = h;
            }
        }
        return closed;
    }
}
