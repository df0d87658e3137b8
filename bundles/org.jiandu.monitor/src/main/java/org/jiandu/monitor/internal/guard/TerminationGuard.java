package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CASE_FILED;
import static org.jiandu.api.event.CoreEventTypes.CONSUMPTION_RESTRICTED;
import static org.jiandu.api.event.CoreEventTypes.ENFORCEMENT_NOTICE_SERVED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_QUERY_STARTED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.guard.GuardDetails;
import org.jiandu.api.guard.GuardFindings;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.CaseLedger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 终本 — termination of the current enforcement round ({@value #TERMINATE_ROUND}): denied unless the case meets the
 * procedural and substantive standard, every unmet condition listed with its article.
 *
 * <ul>
 * <li>终本规定 (法〔2016〕373号) Art. 1: (1) enforcement notice and property-report order served
 * (ENFORCEMENT_NOTICE_SERVED with {@code propertyReportOrder}); (2) consumption restriction issued
 * (CONSUMPTION_RESTRICTED); (3) network queries (PROPERTY_QUERY_STARTED) that together cover every property type
 * configured as queryable; (4) more than 3 calendar months since filing (CASE_FILED's day, counted as the Civil
 * Code counts months: the same-numbered day, or the month's last day), against the Jiandu clock.</li>
 * <li>Art. 24 of 法〔2021〕322号: no controlled property (PROPERTY_CONTROLLED not followed by CONTROL_RELEASED or
 * DISPOSAL_COMPLETED) left undisposed unless {@code details.undisposedReasons[assetId]} records a reason under
 * 终本规定 Art. 4, and "the applicant did not apply for auction" is no such reason; a 轮候 (queued) seizure with
 * priority needs the request to the first-seizing court to transfer the disposal (商请首封法院移送处置权) recorded in
 * {@code details.firstSeizingCourtRequest}.</li>
 * <li>民诉法解释 Art. 517: the applicant's signed confirmation ({@code details.applicantConsent}) or a collegial-panel
 * review ({@code details.collegialPanelRecord}) approved by the president ({@code details.presidentApproval}).</li>
 * </ul>
 * Not checked, because no event records them: Art. 1(5) (search for a missing debtor, sanctions) and the property
 * investigations beyond the network queries (leads checked, audit, search) of 终本规定 Art. 3.
 */
@Component(service = OperationGuard.class)
public class TerminationGuard implements OperationGuard {
    static final String ID = "monitor.termination";
    static final String TERMINATE_ROUND = OperationTypes.TERMINATE_ROUND;

    static final String ART_NOTICE = "法〔2016〕373号 第1条第（一）项";
    static final String ART_RESTRICTION = "法〔2016〕373号 第1条第（二）项";
    static final String ART_QUERY = "法〔2016〕373号 第1条第（三）项、法〔2021〕322号 第24条第2款";
    static final String ART_MONTHS = "法〔2016〕373号 第1条第（四）项";
    static final String ART_UNDISPOSED = "法〔2021〕322号 第24条第3款、法〔2016〕373号 第4条";
    static final String ART_QUEUED = "法〔2021〕322号 第24条第3款";
    static final String ART_CONSENT = "民诉法解释 第517条";
    static final String ALL_ARTICLES = "法〔2016〕373号 第1条、第4条；法〔2021〕322号 第24条；民诉法解释 第517条";

    private final CaseLedger ledger;
    private final Clock clock;
    private final GuardSettings settings;

    @Activate
    public TerminationGuard(@Reference CaseLedger ledger, @Reference(target = "(jiandu.clock=true)") Clock clock,
            @Reference GuardSettings settings) {
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Verdict check(Operation operation) {
        if (!TERMINATE_ROUND.equals(operation.type())) {
            return GuardFindings.notConcerned(ID, operation.type(), "终结本次执行程序（TERMINATE_ROUND）");
        }
        GuardSettings.Values cfg = settings.current();
        CaseFacts facts = CaseFacts.of(ledger.timeline(operation.caseNumber()));
        GuardDetails details = new GuardDetails(operation.details());
        GuardFindings f = new GuardFindings(ID);
        noticeAndReportOrder(facts, f);
        consumptionRestricted(facts, f);
        queriesCoverEveryType(facts, cfg, f);
        moreThanMonthsSinceFiling(facts, cfg, f);
        noPropertyLeftUndisposed(facts, details, cfg, f);
        consentOrPanel(details, cfg, f);
        return f.verdict("不得终结本次执行程序", ALL_ARTICLES,
                "终结本次执行程序的程序标准和实质标准均已满足（终本规定第1条、第4条，法〔2021〕322号第24条，民诉法解释第517条）");
    }

    private static void noticeAndReportOrder(CaseFacts facts, GuardFindings f) {
        List<CaseEvent> notices = facts.all(ENFORCEMENT_NOTICE_SERVED);
        if (notices.isEmpty()) {
            f.deny("NOTICE_NOT_SERVED", ART_NOTICE, "未记录向被执行人送达执行通知书和报告财产令");
        } else if (notices.stream().noneMatch(e -> e.payload().bool("propertyReportOrder").orElse(false))) {
            f.deny("PROPERTY_REPORT_ORDER_NOT_SERVED", ART_NOTICE, "已送达执行通知书，但未记录送达报告财产令");
        }
    }

    private static void consumptionRestricted(CaseFacts facts, GuardFindings f) {
        if (!facts.has(CONSUMPTION_RESTRICTED)) {
            f.deny("CONSUMPTION_NOT_RESTRICTED", ART_RESTRICTION, "未记录向被执行人发出限制消费令");
        }
    }

    private static void queriesCoverEveryType(CaseFacts facts, GuardSettings.Values cfg, GuardFindings f) {
        Set<String> queried = new LinkedHashSet<>();
        for (CaseEvent e : facts.all(PROPERTY_QUERY_STARTED)) {
            queried.addAll(e.payload().strings("propertyTypes"));
        }
        List<String> missing = cfg.queryableTypes().stream().filter(t -> !queried.contains(t)).toList();
        f.figure("queriedPropertyTypes", List.copyOf(queried));
        if (queried.isEmpty()) {
            f.deny("NO_NETWORK_QUERY", ART_QUERY, "未记录通过“总对总”“点对点”网络查控系统查询被执行人财产");
        } else if (!missing.isEmpty()) {
            f.deny("QUERY_TYPES_MISSING", ART_QUERY,
                    "网络查控未覆盖已开通查询的全部财产类型，缺少：" + PropertyTypeNames.describe(missing));
        }
        if (!missing.isEmpty()) {
            f.figure("missingPropertyTypes", missing);
        }
    }

    private void moreThanMonthsSinceFiling(CaseFacts facts, GuardSettings.Values cfg, GuardFindings f) {
        int months = cfg.minMonthsSinceFiling();
        Optional<CaseEvent> filed = facts.first(CASE_FILED);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE);
        f.figure("today", today.toString());
        if (filed.isEmpty()) {
            f.deny("FILING_NOT_RECORDED", ART_MONTHS, "未记录执行立案（CASE_FILED），无法确认自立案之日起已超过" + months + "个月");
            return;
        }
        LocalDate filedOn = filed.get().occurredAt().atZoneSameInstant(CaseEvent.ZONE).toLocalDate();
        // Civil Code Arts. 201–203: a period of months ends on the same-numbered day (or the month's last day);
        // "more than" that period is reached the day after.
        LocalDate earliest = filedOn.plusMonths(months).plusDays(1);
        f.figure("filedOn", filedOn.toString()).figure("earliestTerminationDay", earliest.toString());
        if (today.isBefore(earliest)) {
            f.deny("TOO_SOON_AFTER_FILING", ART_MONTHS, "自立案之日（" + filedOn + "）起未超过" + months
                    + "个月，最早可于" + earliest + "终结本次执行程序");
        }
    }

    private static void noPropertyLeftUndisposed(CaseFacts facts, GuardDetails details, GuardSettings.Values cfg,
            GuardFindings f) {
        Map<?, ?> reasons = details.map("undisposedReasons");
        Set<String> priority = new LinkedHashSet<>(details.list("priorityAssets"));
        List<String> withoutReason = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> queuedWithoutRequest = new ArrayList<>();
        List<Map<String, Object>> undisposed = new ArrayList<>();
        Map<String, CaseEvent> openControls = facts.openControls();
        Set<String> requested = firstCourtRequested(details, openControls.keySet());
        for (Map.Entry<String, CaseEvent> open : openControls.entrySet()) {
            String asset = open.getKey();
            CaseEvent control = open.getValue();
            // a reason is a sentence a person can check, not a flag
            String reason = reasons.get(asset) instanceof String s ? s.trim() : "";
            boolean queued = control.payload().bool("queued").orElse(false);
            boolean hasPriority = queued
                    && (control.payload().bool("priority").orElse(false) || priority.contains(asset));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("assetId", asset);
            control.payload().string("assetKind").ifPresent(k -> row.put("assetKind", k));
            row.put("queued", queued);
            row.put("priority", hasPriority);
            if (!reason.isEmpty()) {
                row.put("reason", reason);
            }
            undisposed.add(row);
            String label = asset + control.payload().string("assetKind").map(k -> "（" + PropertyTypeNames.name(k) + "）")
                    .orElse("");
            if (Text.isBlank(reason)) {
                withoutReason.add(label);
            } else if (isRefused(reason, cfg)) {
                refused.add(label + "：“" + reason + "”");
            }
            if (hasPriority && !requested.contains(asset)) {
                queuedWithoutRequest.add(label);
            }
        }
        if (!undisposed.isEmpty()) {
            f.figure("undisposedAssets", undisposed);
        }
        if (!withoutReason.isEmpty()) {
            f.deny("PROPERTY_UNDISPOSED", ART_UNDISPOSED, "已查控的财产未处置，且未记录终本规定第4条规定的财产不能处置事由："
                    + String.join("、", withoutReason));
        }
        if (!refused.isEmpty()) {
            f.deny("UNDISPOSED_REASON_REFUSED", ART_UNDISPOSED,
                    "不得以申请执行人未申请拍卖为由不处置财产而终结本次执行程序：" + String.join("；", refused));
        }
        if (!queuedWithoutRequest.isEmpty()) {
            f.deny("FIRST_COURT_NOT_REQUESTED", ART_QUEUED,
                    "轮候查封但享有优先权的财产未经法定程序商请首封法院移送处置权：" + String.join("、", queuedWithoutRequest));
        }
    }

    private static boolean isRefused(String reason, GuardSettings.Values cfg) {
        String r = Text.squash(reason);
        return cfg.refusedReasons().stream().anyMatch(r::contains);
    }

    /**
     * The open assets for which {@code details.firstSeizingCourtRequest} records the request to the first-seizing
     * court: {@code true} or a document number covers every asset; a list names asset ids; an object maps asset ids
     * to {@code true} or a document number. A single string that is the id of an open asset names that asset only.
     */
    static Set<String> firstCourtRequested(GuardDetails details, Set<String> openAssets) {
        Object raw = details.raw("firstSeizingCourtRequest");
        Set<String> out = new LinkedHashSet<>();
        if (raw instanceof Map<?, ?> byAsset) {
            byAsset.forEach((k, v) -> {
                if (GuardDetails.affirmative(v)) {
                    out.add(k.toString());
                }
            });
        } else if (raw instanceof List<?>) {
            out.addAll(details.list("firstSeizingCourtRequest"));
        } else if (raw != null && openAssets.contains(raw.toString().trim())) {
            out.add(raw.toString().trim());
        } else if (GuardDetails.affirmative(raw)) {
            out.addAll(openAssets);
        }
        return out;
    }

    private static void consentOrPanel(GuardDetails details, GuardSettings.Values cfg, GuardFindings f) {
        if (details.recorded("applicantConsent")) {
            return;
        }
        boolean panel = details.recorded("collegialPanelRecord");
        if (!panel) {
            f.deny("NO_CONSENT_OR_PANEL", ART_CONSENT, "未记录申请执行人签字确认（applicantConsent），也未记录合议庭审查核实"
                    + "（collegialPanelRecord）" + (cfg.panelNeedsPresident() ? "并经院长批准（presidentApproval）" : ""));
        } else if (cfg.panelNeedsPresident() && !details.recorded("presidentApproval")) {
            f.deny("PRESIDENT_APPROVAL_MISSING", ART_CONSENT,
                    "未经申请执行人签字确认的，合议庭审查核实后还须经院长批准，未记录院长批准（presidentApproval）");
        }
    }
}
