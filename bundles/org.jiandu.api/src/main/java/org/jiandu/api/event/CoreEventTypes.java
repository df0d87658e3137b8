package org.jiandu.api.event;

import static org.jiandu.api.event.FieldKind.BOOLEAN;
import static org.jiandu.api.event.FieldKind.DATE;
import static org.jiandu.api.event.FieldKind.MONEY;
import static org.jiandu.api.event.FieldKind.STRING;
import static org.jiandu.api.event.FieldKind.STRING_LIST;
import static org.jiandu.api.event.PayloadField.oneOf;
import static org.jiandu.api.event.PayloadField.optional;
import static org.jiandu.api.event.PayloadField.required;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The core node vocabulary: the events of an enforcement case that the rules of 法〔2021〕322号 (RULES.md §A) and
 * the related provisions need. Ids are bare upper-case names; extensions use {@code namespace.NAME}.
 *
 * <p>Payload fields are deliberately few and mostly optional: the host platform reports what it knows, and each
 * rule says what it needs. Unknown payload fields are kept as given.
 */
public final class CoreEventTypes {
    /** Property types a network query (总对总 / 点对点) can cover (Art. 13; RULES.md B11). */
    public static final List<String> PROPERTY_TYPES = List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES",
            "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS", "EQUITY", "INSURANCE", "HOUSING_FUND", "OTHER");
    /** Kinds of controlled assets. */
    public static final String[] ASSET_KINDS = {"DEPOSIT", "REAL_ESTATE", "VEHICLE", "EQUITY", "SECURITIES",
        "MOVABLE", "OTHER"};
    /** Kinds of deducted periods (扣除期限, RULES.md B7). */
    public static final String[] DEDUCTION_KINDS = {"ANNOUNCEMENT", "APPRAISAL", "AUDIT", "VALUATION",
        "SUSPENSION", "DEFERRAL", "AUCTION", "SALE", "OTHER"};

    public static final String CASE_FILED = "CASE_FILED";
    public static final String TRANSFERRED_TO_ENFORCEMENT = "TRANSFERRED_TO_ENFORCEMENT";
    public static final String CASE_CLASSIFIED = "CASE_CLASSIFIED";
    public static final String HANDLER_ASSIGNED = "HANDLER_ASSIGNED";
    public static final String ENFORCEMENT_NOTICE_SERVED = "ENFORCEMENT_NOTICE_SERVED";
    public static final String PROPERTY_QUERY_STARTED = "PROPERTY_QUERY_STARTED";
    public static final String PROPERTY_QUERY_FEEDBACK = "PROPERTY_QUERY_FEEDBACK";
    public static final String PROPERTY_LEAD_RECEIVED = "PROPERTY_LEAD_RECEIVED";
    public static final String PROPERTY_LEAD_VERIFIED = "PROPERTY_LEAD_VERIFIED";
    public static final String PROPERTY_CONTROLLED = "PROPERTY_CONTROLLED";
    public static final String CONTROL_RELEASED = "CONTROL_RELEASED";
    public static final String REFERENCE_PRICE_STARTED = "REFERENCE_PRICE_STARTED";
    public static final String REFERENCE_PRICE_DETERMINED = "REFERENCE_PRICE_DETERMINED";
    public static final String DISPOSAL_STARTED = "DISPOSAL_STARTED";
    public static final String DISPOSAL_COMPLETED = "DISPOSAL_COMPLETED";
    public static final String MONEY_RECEIVED = "MONEY_RECEIVED";
    public static final String PAYMENT_NOTICE_SENT = "PAYMENT_NOTICE_SENT";
    public static final String MONEY_DISBURSED = "MONEY_DISBURSED";
    public static final String CONSUMPTION_RESTRICTED = "CONSUMPTION_RESTRICTED";
    public static final String CONSUMPTION_RESTRICTION_LIFTED = "CONSUMPTION_RESTRICTION_LIFTED";
    public static final String DEFAULTER_LISTED = "DEFAULTER_LISTED";
    public static final String DEFAULTER_DELISTED = "DEFAULTER_DELISTED";
    public static final String PERFORMANCE_COMPLETED = "PERFORMANCE_COMPLETED";
    public static final String TERMINATION_REQUESTED = "TERMINATION_REQUESTED";
    public static final String TERMINATION_RULED = "TERMINATION_RULED";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String RESUMED = "RESUMED";
    public static final String DEDUCTED_PERIOD_STARTED = "DEDUCTED_PERIOD_STARTED";
    public static final String DEDUCTED_PERIOD_ENDED = "DEDUCTED_PERIOD_ENDED";
    public static final String PETITION_RECEIVED = "PETITION_RECEIVED";
    public static final String PETITION_RECORDED = "PETITION_RECORDED";
    public static final String PETITION_CLOSED = "PETITION_CLOSED";
    public static final String DISPUTE_REPORTED = "DISPUTE_REPORTED";
    public static final String DISPUTE_RESOLVED = "DISPUTE_RESOLVED";
    public static final String CASE_CLOSED = "CASE_CLOSED";
    /** Art. 27: negotiation of an enforcement dispute failed; with an authority, the report to the superior court is due in 5 WD. */
    public static final String DISPUTE_NEGOTIATION_FAILED = "DISPUTE_NEGOTIATION_FAILED";
    /** Art. 27: the superior court started coordination with the other authority (due 10 WD after the report). */
    public static final String DISPUTE_COORDINATION_STARTED = "DISPUTE_COORDINATION_STARTED";
    /** Art. 27: the lower court implemented the superior court's coordination opinion (due 15 WD after it). */
    public static final String DISPUTE_DECISION_IMPLEMENTED = "DISPUTE_DECISION_IMPLEMENTED";

    /** Every core type, in a stable order. */
    public static final List<EventType> ALL = List.of(
            EventType.of(CASE_FILED, "执行立案",
                    optional("claimPrincipal", MONEY, "unpaid principal awarded (元)"),
                    optional("judgmentInterest", MONEY, "interest awarded by the judgment (元)"),
                    optional("performanceDeadline", DATE, "last day for performance set by the judgment"),
                    optional("applicantPayeeAccount", STRING, "applicant's payee account (Art. 20)"),
                    optional("applicantPaymentMethod", STRING, "applicant's chosen payment method (Art. 20)"),
                    optional("applicants", STRING_LIST, "applicants (names)"),
                    optional("respondents", STRING_LIST, "respondents (names)"),
                    optional("respondentIds", STRING_LIST, "respondents' resident ids or credit codes"),
                    oneOf("source", false, "how the case came", "FIRST", "RESUMED", "PRESERVATION", "OTHER")),
            EventType.of(TRANSFERRED_TO_ENFORCEMENT, "移送执行部门（执行部门收案）"),
            EventType.of(CASE_CLASSIFIED, "繁简分流",
                    oneOf("track", true, "simple or ordinary track (Art. 7)", "SIMPLE", "ORDINARY")),
            EventType.of(HANDLER_ASSIGNED, "指定承办人",
                    required("handler", STRING, "person id of the handling officer"),
                    optional("leader", STRING, "person id of the responsible leader (负责同志)")),
            EventType.of(ENFORCEMENT_NOTICE_SERVED, "送达执行通知书、报告财产令",
                    optional("propertyReportOrder", BOOLEAN, "the property-report order was served too"),
                    optional("includesCaseAccount", BOOLEAN, "notice names the case account (Art. 20)")),
            EventType.of(PROPERTY_QUERY_STARTED, "发起网络查控（总对总、点对点）",
                    required("propertyTypes", STRING_LIST, "property types covered: " + PROPERTY_TYPES),
                    oneOf("channel", false, "query channel", "NATIONAL", "LOCAL", "BOTH")),
            EventType.of(PROPERTY_QUERY_FEEDBACK, "查控反馈",
                    required("propertyFound", BOOLEAN, "whether the feedback shows property"),
                    optional("propertyTypes", STRING_LIST, "types of property found")),
            EventType.of(PROPERTY_LEAD_RECEIVED, "收到财产线索",
                    required("leadId", STRING, "the lead's id"),
                    optional("urgent", BOOLEAN, "the lead is urgent (Art. 13: 24 h)"),
                    optional("clearAndSpecific", BOOLEAN, "the lead is clear and specific")),
            EventType.of(PROPERTY_LEAD_VERIFIED, "财产线索核查",
                    required("leadId", STRING, "the lead's id")),
            EventType.of(PROPERTY_CONTROLLED, "控制财产（查封、扣押、冻结）",
                    required("assetId", STRING, "the asset's id in the host platform"),
                    oneOf("assetKind", false, "kind of asset", ASSET_KINDS),
                    oneOf("measure", false, "measure", "SEAL", "DETAIN", "FREEZE"),
                    optional("amount", MONEY, "frozen amount or value basis (元)"),
                    optional("queued", BOOLEAN, "轮候 (queued behind an earlier seizure)"),
                    optional("online", BOOLEAN, "controlled online")),
            EventType.of(CONTROL_RELEASED, "解除控制措施",
                    required("assetId", STRING, "the asset's id")),
            EventType.of(REFERENCE_PRICE_STARTED, "启动确定财产处置参考价",
                    required("assetId", STRING, "the asset's id"),
                    oneOf("method", false, "method (参考价规定)", "NEGOTIATION", "DIRECTED_INQUIRY",
                            "ONLINE_INQUIRY", "APPRAISAL")),
            EventType.of(REFERENCE_PRICE_DETERMINED, "确定参考价",
                    required("assetId", STRING, "the asset's id"),
                    optional("amount", MONEY, "reference price (元)")),
            EventType.of(DISPOSAL_STARTED, "启动财产处置",
                    required("assetId", STRING, "the asset's id"),
                    oneOf("method", false, "disposal method", "ONLINE_AUCTION", "AUCTION", "SALE",
                            "SELF_DISPOSAL", "SET_OFF")),
            EventType.of(DISPOSAL_COMPLETED, "财产处置完成",
                    required("assetId", STRING, "the asset's id"),
                    optional("amount", MONEY, "proceeds (元)")),
            EventType.of(MONEY_RECEIVED, "执行款到账",
                    required("amount", MONEY, "amount received (元)"),
                    optional("account", STRING, "receiving account"),
                    optional("disputedAmount", MONEY, "part in dispute (Art. 22)")),
            EventType.of(PAYMENT_NOTICE_SENT, "向财务部门发送执行款发放通知",
                    optional("amount", MONEY, "amount to pay out (元)")),
            EventType.of(MONEY_DISBURSED, "执行款发放",
                    required("amount", MONEY, "amount paid out (元)"),
                    optional("payeeAccount", STRING, "account paid to")),
            EventType.of(CONSUMPTION_RESTRICTED, "限制消费",
                    optional("subject", STRING, "person or unit restricted")),
            EventType.of(CONSUMPTION_RESTRICTION_LIFTED, "解除限制消费",
                    optional("subject", STRING, "person or unit released")),
            EventType.of(DEFAULTER_LISTED, "纳入失信被执行人名单",
                    optional("subject", STRING, "person or unit listed")),
            EventType.of(DEFAULTER_DELISTED, "删除失信信息",
                    optional("subject", STRING, "person or unit delisted")),
            EventType.of(PERFORMANCE_COMPLETED, "履行完毕"),
            EventType.of(TERMINATION_REQUESTED, "申请/拟终结本次执行程序"),
            EventType.of(TERMINATION_RULED, "裁定终结本次执行程序",
                    optional("served", BOOLEAN, "the ruling was served")),
            EventType.of(SUSPENDED, "中止执行",
                    optional("reason", STRING, "reason for suspension")),
            EventType.of(RESUMED, "恢复执行"),
            EventType.of(DEDUCTED_PERIOD_STARTED, "扣除期限开始",
                    required("periodId", STRING, "the period's id"),
                    oneOf("kind", true, "kind of deducted period (RULES.md B7)", DEDUCTION_KINDS)),
            EventType.of(DEDUCTED_PERIOD_ENDED, "扣除期限结束",
                    required("periodId", STRING, "the period's id")),
            EventType.of(PETITION_RECEIVED, "收到执行信访",
                    required("petitionId", STRING, "the petition's id")),
            EventType.of(PETITION_RECORDED, "执行信访登记",
                    required("petitionId", STRING, "the petition's id")),
            EventType.of(PETITION_CLOSED, "执行信访办结",
                    required("petitionId", STRING, "the petition's id")),
            EventType.of(DISPUTE_REPORTED, "执行争议报请协调",
                    required("disputeId", STRING, "the dispute's id"),
                    oneOf("counterparty", false, "with whom", "COURT", "AUTHORITY")),
            EventType.of(DISPUTE_RESOLVED, "执行争议协调完成",
                    required("disputeId", STRING, "the dispute's id")),
            EventType.of(CASE_CLOSED, "结案",
                    oneOf("method", true, "closing method (RULES.md B7)", "FULLY_EXECUTED", "TERMINATED_ROUND",
                            "TERMINATED", "WITHDRAWN", "NOT_ENFORCED", "REJECTED")),
            EventType.of(DISPUTE_NEGOTIATION_FAILED, "执行争议协商不成",
                    required("disputeId", STRING, "the dispute's id"),
                    oneOf("counterparty", false, "with whom", "COURT", "AUTHORITY")),
            EventType.of(DISPUTE_COORDINATION_STARTED, "上级法院启动与有关部门的协调程序",
                    required("disputeId", STRING, "the dispute's id")),
            EventType.of(DISPUTE_DECISION_IMPLEMENTED, "下级法院落实协调意见",
                    required("disputeId", STRING, "the dispute's id")));

    private static final Map<String, EventType> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));

    private CoreEventTypes() {
    }

    public static EventType byId(String id) {
        return BY_ID.get(id);
    }
}
