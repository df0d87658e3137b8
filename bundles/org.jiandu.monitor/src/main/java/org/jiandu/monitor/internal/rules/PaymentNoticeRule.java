package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.is;
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
import org.osgi.service.metatype.annotations.Option;

/**
 * Art. 22 of 法〔2021〕322号: within 10 working days of case money arriving
 * ({@code MONEY_RECEIVED}) the enforcement division sends finance the payment notice ({@code PAYMENT_NOTICE_SENT}).
 * A receipt wholly in dispute ({@code disputedAmount >= amount}) opens nothing; a partly disputed one does (the
 * undisputed part is paid first). One deadline per receipt ({@code receipt:<hostEventId>}); a notice, or a
 * disbursement, closes every earlier receipt's deadline. "具备发放条件" is taken to hold on receipt: the host reports
 * money that is not yet releasable as disputed.
 *
 * <p>Rule id {@code art22.payment-notice}; configuration PID {@code org.jiandu.monitor.rule.art22.payment_notice} (file {@code etc/org.jiandu.monitor.rule.art22.payment_notice.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = PaymentNoticeRule.PID)
@Designate(ocd = PaymentNoticeRule.Config.class)
public class PaymentNoticeRule extends RuleSupport {
    public static final String ID = "art22.payment-notice";
    static final String PID = "org.jiandu.monitor.rule.art22.payment_notice";

    @ObjectClassDefinition(name = "Jiandu rule art22.payment-notice", description = "执行案款到账后10个工作日内向财务部门发出支付案款通知（法〔2021〕322号 第22条）")
    public @interface Config {
        @AttributeDefinition(description = "working days from receipt to the payment notice (Art. 22: 10)", min = "1", max = "100000")
        int period_amount() default 10;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "WD";
    }

    private volatile Period period;

    @Activate
    public PaymentNoticeRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static PaymentNoticeRule of(Config config) {
        return new PaymentNoticeRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        period = period(r, "period");
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第22条";
    }

    @Override
    public String title() {
        return "执行案款到账后10个工作日内向财务部门发出支付案款通知";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, MONEY_RECEIVED)) {
            var amount = entry.event().payload().money("amount");
            var disputed = entry.event().payload().money("disputedAmount");
            if (amount.isPresent() && disputed.isPresent() && disputed.get().compareTo(amount.get()) >= 0) {
                return List.of();
            }
            return List.of(open("receipt:" + entry.event().hostEventId(), entry, period, false));
        }
        if (is(entry, PAYMENT_NOTICE_SENT, MONEY_DISBURSED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry r : earlier(history, entry, MONEY_RECEIVED, null, null)) {
                out.add(close("receipt:" + r.event().hostEventId()));
            }
            return out;
        }
        return List.of();
    }
}
