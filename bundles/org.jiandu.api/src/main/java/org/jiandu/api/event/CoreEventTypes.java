package org.jiandu.api.event;

import static org.jiandu.api.event.FieldKind.BOOLEAN;
import static org.jiandu.api.event.FieldKind.DATE;
import static org.jiandu.api.event.FieldKind.INTEGER;
import static org.jiandu.api.event.FieldKind.MONEY;
import static org.jiandu.api.event.FieldKind.PARTY_IDENTIFIER_LIST;
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
 * The core node vocabulary: the events of an enforcement case that the rules of 法〔2021〕322号 and
 * the related provisions need. Ids are bare upper-case names; extensions use {@code namespace.NAME}.
 *
 * <p>Payload fields are deliberately few and mostly optional: the host platform reports what it knows, and each
 * rule says what it needs. Unknown payload fields are kept as given.
 */
public final class CoreEventTypes {
    /** Property types a network query (总对总 / 点对点) can cover (Art. 13 of 法〔2021〕322号: the 总对总 network query system). */
    public static final List<String> PROPERTY_TYPES = List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES",
            "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS", "EQUITY", "INSURANCE", "HOUSING_FUND", "OTHER");
    /** Kinds of controlled assets. */
    public static final List<String> ASSET_KINDS = List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "EQUITY", "SECURITIES",
        "MOVABLE", "OTHER");
    /** Value bases of a controlled asset (seizure register, Art. 15 of 法〔2021〕322号). */
    public static final List<String> VALUE_BASES = List.of("FROZEN_AMOUNT", "REFERENCE_PRICE", "APPRAISAL", "ESTIMATE",
        "MARKET_QUOTE");
    /**
     * Property that may not be seized, frozen or detained, 最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定
     * (2020) Art. 3 items 1–8: household necessities, the necessary living costs, compulsory-education items,
     * unpublished inventions and works, disability aids and medical articles, medals and honours, property immune
     * under a treaty, other property exempt by law or judicial interpretation.
     */
    public static final List<String> EXEMPT_CATEGORIES = List.of("HOUSEHOLD_NECESSITIES", "LIVING_COSTS",
        "COMPULSORY_EDUCATION", "UNPUBLISHED_WORKS", "DISABILITY_AIDS", "MEDALS_HONOURS", "TREATY_IMMUNITY",
        "OTHER_BY_LAW");
    /** Kinds of claims that rank ahead of the applicant's on a controlled asset. */
    public static final List<String> ENCUMBRANCE_KINDS = List.of("MORTGAGE", "PLEDGE", "EARLIER_SEIZURE", "PRIORITY_CLAIM",
        "OTHER");
    /** Kinds of enforcement costs other than the application fee (实际支出费用). */
    public static final List<String> COST_KINDS = List.of("APPRAISAL", "AUCTION", "STORAGE", "ANNOUNCEMENT", "TRAVEL",
        "OTHER");
    /** Kinds of deducted periods (扣除期限, 法释〔2000〕29号). */
    public static final List<String> DEDUCTION_KINDS = List.of("ANNOUNCEMENT", "APPRAISAL", "AUDIT", "VALUATION",
        "SUSPENSION", "DEFERRAL", "AUCTION", "SALE", "OTHER");

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
    /** 续行查封、扣押、冻结: the control of an asset is renewed before it expires (民诉法解释 Art. 485). */
    public static final String CONTROL_RENEWED = "CONTROL_RENEWED";
    /** A 轮候 (queued) seizure takes effect because the earlier one ended (查封规定 Art. 26). */
    public static final String QUEUED_SEIZURE_EFFECTIVE = "QUEUED_SEIZURE_EFFECTIVE";
    /** A value of a controlled asset is recorded or re-appraised (appraisal, estimate, market quote). */
    public static final String VALUATION_RECORDED = "VALUATION_RECORDED";
    /** A claim ranking ahead of the applicant's on an asset (mortgage, earlier seizure …) is recorded. */
    public static final String ENCUMBRANCE_RECORDED = "ENCUMBRANCE_RECORDED";
    /** A prior-ranking claim on an asset ends (mortgage discharged, earlier seizure released). */
    public static final String ENCUMBRANCE_ENDED = "ENCUMBRANCE_ENDED";
    /** Enforcement costs other than the application fee are recorded on the case (appraisal, auction, storage …). */
    public static final String COSTS_RECORDED = "COSTS_RECORDED";
    /** A party objects that the seizure clearly exceeds the claim (Art. 15 ¶3 of 法〔2021〕322号). */
    public static final String OVER_SEIZURE_OBJECTION = "OVER_SEIZURE_OBJECTION";
    /** The court rules on an over-seizure objection. */
    public static final String OVER_SEIZURE_OBJECTION_RULED = "OVER_SEIZURE_OBJECTION_RULED";
    /** Art. 27: negotiation of an enforcement dispute failed; with an authority, the report to the superior court is due in 5 WD. */
    public static final String DISPUTE_NEGOTIATION_FAILED = "DISPUTE_NEGOTIATION_FAILED";
    /** Art. 27: the superior court started coordination with the other authority (due 10 WD after the report). */
    public static final String DISPUTE_COORDINATION_STARTED = "DISPUTE_COORDINATION_STARTED";
    /** Art. 27: the lower court implemented the superior court's coordination opinion (due 15 WD after it). */
    public static final String DISPUTE_DECISION_IMPLEMENTED = "DISPUTE_DECISION_IMPLEMENTED";
    /**
     * Art. 27: the case's court entrusts another court with enforcement matters (执行事项委托, the national
     * collaborative enforcement of 执协 cases); from this entry on, the ledger accepts events of the case whose actor
     * is of the entrusted court, until {@link #ENTRUSTMENT_ENDED}.
     */
    public static final String MATTER_ENTRUSTED = "MATTER_ENTRUSTED";
    /** Art. 27: the entrusted court has finished (or the entrustment was withdrawn); its actors are refused again. */
    public static final String ENTRUSTMENT_ENDED = "ENTRUSTMENT_ENDED";
    /**
     * Art. 28: a superior court elevated the case (提级执行) or instructed another court to enforce it (指令执行,
     * 民事诉讼法 (2023) Art. 237); from this entry on, the ledger accepts events of the case whose actor is of that court.
     */
    public static final String ENFORCEMENT_TRANSFERRED = "ENFORCEMENT_TRANSFERRED";
    /**
     * The court records why the debtor's necessary home may be disposed of after all: one of the grounds of
     * 最高人民法院关于人民法院办理执行异议和复议案件若干问题的规定 (法释〔2015〕10号, amended 2020) Art. 20
     * ({@link #HOME_DISPOSAL_GROUNDS}); without one, the seizure guard denies every operation leading to the home's
     * disposal (查封规定 Art. 4).
     */
    public static final String HOME_DISPOSAL_GROUND_RECORDED = "HOME_DISPOSAL_GROUND_RECORDED";
    /**
     * The grounds of 法释〔2015〕10号 Art. 20 on which the necessary home of a debtor may be disposed of:
     * {@code SUPPORTER_HAS_OTHER_HOME} (a person who owes the debtor support owns another home that can house them,
     * item 1), {@code OTHER_HOME_TRANSFERRED_TO_EVADE} (after the title became effective the debtor transferred another
     * home to evade the debt, item 2), {@code APPLICANT_PROVIDES_HOUSING} (the applicant provides housing of the local
     * low-rent housing area standard, item 3), {@code RENT_DEDUCTED} (the applicant agrees that 5–8 years' rent at the
     * local average be deducted from the proceeds, item 3).
     */
    public static final List<String> HOME_DISPOSAL_GROUNDS = List.of("SUPPORTER_HAS_OTHER_HOME",
            "OTHER_HOME_TRANSFERRED_TO_EVADE", "APPLICANT_PROVIDES_HOUSING", "RENT_DEDUCTED");

    /** The grounds of a 失信 listing, in the order of 公布失信规定 (2017) Art. 1 (1)–(6). */
    public static final List<String> LISTING_GROUNDS = List.of("ABLE_BUT_REFUSES",
            "OBSTRUCTS_BY_FALSE_EVIDENCE_OR_VIOLENCE", "FALSE_LITIGATION_OR_EVASION", "BREACHES_ASSET_REPORTING",
            "BREACHES_RESTRICTION_ORDER", "REFUSES_SETTLEMENT");
    /** Why 限消 is imposed (限制消费规定 Arts. 1, 2): grounds of a restriction, none of them a 失信 ground. */
    public static final List<String> RESTRICTION_GROUNDS = List.of("NOT_PERFORMED_IN_TIME", "PASSIVE_PERFORMANCE",
            "EVADES_ENFORCEMENT", "RESISTS_ENFORCEMENT");
    /** 自然人 or 单位. */
    public static final List<String> PERSON_KINDS = List.of("NATURAL", "UNIT");
    /**
     * Whom a measure concerns (限制消费规定 Art. 3): the debtor itself, or for a unit its 法定代表人, 主要负责人,
     * 影响债务履行的直接责任人员 or 实际控制人.
     */
    public static final List<String> PERSON_ROLES = List.of("DEBTOR", "LEGAL_REPRESENTATIVE", "PRINCIPAL",
            "DIRECTLY_RESPONSIBLE", "ACTUAL_CONTROLLER");
    /** The nine banned items of 限制消费规定 (2015) Art. 3 ¶1, in its order. */
    public static final List<String> RESTRICTION_ITEMS = List.of("FLIGHT_SOFT_SLEEPER_SHIP_BERTH",
            "STAR_HOTEL_NIGHTCLUB_GOLF", "REAL_ESTATE_PURCHASE_OR_BUILD", "HIGH_GRADE_PREMISES_RENTAL",
            "VEHICLE_PURCHASE", "TRAVEL_HOLIDAY", "HIGH_FEE_PRIVATE_SCHOOL", "HIGH_PREMIUM_INSURANCE",
            "HIGH_SPEED_RAIL_AND_OTHER");
    /** Who signed a decision: 院长, 副院长, 庭长 (division head), a judge, someone else. */
    public static final List<String> SIGNER_ROLES = List.of("PRESIDENT", "VICE_PRESIDENT", "DIVISION_HEAD", "JUDGE",
            "OTHER");
    /**
     * Why a restriction is lifted or a listing deleted: full performance (and a settlement performed in full), an
     * effective guarantee, the applicant's consent (限制消费规定 Art. 9; Art. 23 of 法〔2021〕322号); the events of
     * 公布失信规定 Art. 10 ¶1 (3)–(7); early deletion (Art. 2 ¶2); the former legal representative released
     * (法发〔2019〕35号 Art. 17); the listing period over (Art. 10 ¶2); a wrong listing revoked (Art. 9).
     */
    public static final List<String> LIFT_GROUNDS = List.of("FULL_PERFORMANCE", "SETTLEMENT_PERFORMED", "GUARANTEE",
            "APPLICANT_CONSENT", "APPLICANT_APPLIED_APPROVED", "NO_PROPERTY_AFTER_TERMINATION",
            "SUSPENDED_RETRIAL_OR_BANKRUPTCY", "NOT_ENFORCED_RULING", "TERMINATION_RULING", "EARLY_DELETION",
            "FORMER_REPRESENTATIVE", "LISTING_EXPIRED", "WRONGLY_LISTED");

    /**
     * The measure a credit event is about: the host's id of the 限消令 or listing, unique within the case.
     *
     * @since event package 2.3.0
     */
    public static final List<PayloadField> MEASURE_REFERENCE_FIELDS = List.of(
            optional("measureId", STRING, "the host's id of the measure (限消令 or 失信 listing), unique in the"
                    + " case; required by the credit bundle"));

    /**
     * Whom a measure concerns, on the event that decides it.
     *
     * @since event package 2.3.0
     */
    public static final List<PayloadField> MEASURE_PERSON_FIELDS = concat(MEASURE_REFERENCE_FIELDS, List.of(
            optional("personIdentifiers", PARTY_IDENTIFIER_LIST, "the person's identifiers, each {kind, value};"
                    + " the first names the person across cases").sensitive(Sensitivity.PARTY_IDENTIFIER),
            optional("personName", STRING, "the person's or unit's name"),
            oneOf("personKind", false, "自然人 (NATURAL) or 单位 (UNIT)", PERSON_KINDS),
            oneOf("personRole", false, "the debtor, or one of a unit's persons of 限制消费规定 Art. 3 ¶2",
                    PERSON_ROLES),
            optional("unitIdentifiers", PARTY_IDENTIFIER_LIST, "for a unit's person: the unit's identifiers")
                    .sensitive(Sensitivity.PARTY_IDENTIFIER),
            optional("birthDate", DATE, "a natural person's birth date when no resident id gives it"),
            oneOf("sex", false, "a natural person's sex, as published (公布失信规定 Art. 6)", "MALE", "FEMALE"),
            optional("fullTimeStudent", BOOLEAN, "the person is a full-time student (法发〔2019〕35号 Art. 16)"),
            optional("campusLoan", BOOLEAN, "the case is a 校园贷 dispute (法发〔2019〕35号 Art. 16)"),
            optional("campusLoanReason", STRING, "why the measure is taken despite a 校园贷 student")));

    /**
     * The document that records a court's decision (决定书, 限消令, approval): what identifies it and who signed it,
     * so that a check reads the document's reference, never a flag.
     *
     * @since event package 2.3.0
     */
    public static final List<PayloadField> DECISION_DOCUMENT_FIELDS = List.of(
            optional("documentNumber", STRING, "the document's number (文号), e.g. （2025）京0105执1234号之一"),
            optional("signedBy", STRING, "who signed it"),
            oneOf("signerRole", false, "the signer's office", SIGNER_ROLES),
            optional("documentSha256", STRING, "SHA-256 of the signed file, 64 hexadecimal digits"),
            optional("documentUri", STRING, "where the host keeps the signed PDF/OFD with its electronic seal"));

    /**
     * Why a measure ends and whom its end reached.
     *
     * @since event package 2.3.0
     */
    public static final List<PayloadField> LIFT_FIELDS = List.of(
            oneOf("reason", false, "why it ends", LIFT_GROUNDS),
            optional("recipients", STRING_LIST, "the units and channels the notice of the end reached (限制消费规定"
                    + " Art. 9: the same as the original notice)"));

    /** A restriction lifted or a listing deleted: the measure, the document, why and whom it reached. */
    private static EventType measureEnd(String id, String label, String subject) {
        return new EventType(id, label, concat(List.of(optional("subject", STRING, subject)),
                MEASURE_REFERENCE_FIELDS, DECISION_DOCUMENT_FIELDS, LIFT_FIELDS));
    }

    @SafeVarargs
    private static List<PayloadField> concat(List<PayloadField>... parts) {
        List<PayloadField> all = new java.util.ArrayList<>();
        for (List<PayloadField> p : parts) {
            for (PayloadField f : p) {
                if (all.stream().noneMatch(a -> a.name().equals(f.name()))) {
                    all.add(f);
                }
            }
        }
        return List.copyOf(all);
    }

    /** Every core type, in a stable order. */
    public static final List<EventType> ALL = List.of(
            EventType.of(CASE_FILED, "执行立案",
                    optional("claimPrincipal", MONEY, "unpaid principal awarded (元)"),
                    optional("judgmentInterest", MONEY, "interest awarded by the judgment (元)"),
                    optional("performanceDeadline", DATE, "last day for performance set by the judgment"),
                    optional("enforcementAmount", MONEY, "执行金额 applied for, base of the application fee"
                            + " (诉讼费用交纳办法 Art. 14); default: claimPrincipal + judgmentInterest"),
                    optional("applicantPayeeAccount", STRING, "applicant's payee account (Art. 20)")
                            .sensitive(Sensitivity.BANK_ACCOUNT),
                    optional("applicantPaymentMethod", STRING, "applicant's chosen payment method (Art. 20)"),
                    optional("applicants", STRING_LIST, "applicants (names)"),
                    optional("respondents", STRING_LIST, "respondents (names)"),
                    optional("respondentIds", STRING_LIST, "deprecated, use respondentIdentifiers: respondents' resident ids or"
                            + " credit codes, unchecked (their kind is unknown, so every item is masked as a"
                            + " person's)").sensitive(Sensitivity.PERSONAL_ID),
                    optional("respondentIdentifiers", PARTY_IDENTIFIER_LIST, "respondents' identifiers, each"
                            + " {kind, value} checked by its kind's rule (RESIDENT_ID, CREDIT_CODE, PASSPORT …; OTHER"
                            + " unchecked)").sensitive(Sensitivity.PARTY_IDENTIFIER),
                    oneOf("source", false, "how the case came", "FIRST", "RESUMED", "PRESERVATION", "OTHER")),
            EventType.of(TRANSFERRED_TO_ENFORCEMENT, "移送执行部门（执行部门收案）"),
            EventType.of(CASE_CLASSIFIED, "繁简分流",
                    oneOf("track", true, "simple or ordinary track (Art. 7)", "SIMPLE", "ORDINARY")),
            EventType.of(HANDLER_ASSIGNED, "指定承办人",
                    required("handler", STRING, "person id of the handling officer"),
                    optional("leader", STRING, "person id of the responsible leader (负责同志)")),
            EventType.of(ENFORCEMENT_NOTICE_SERVED, "送达执行通知书、报告财产令",
                    optional("propertyReportOrder", BOOLEAN, "the property-report order was served too"),
                    optional("includesCaseAccount", BOOLEAN, "notice names the case account (Art. 20)"),
                    optional("listingRiskWarning", BOOLEAN, "the notice warns that the debtor may be listed as a"
                            + " 失信被执行人 (公布失信规定 Art. 5 ¶1)")),
            EventType.of(PROPERTY_QUERY_STARTED, "发起网络查控（总对总、点对点）",
                    new PayloadField("propertyTypes", STRING_LIST, true, PROPERTY_TYPES, "property types covered"),
                    oneOf("channel", false, "query channel", "NATIONAL", "LOCAL", "BOTH")),
            EventType.of(PROPERTY_QUERY_FEEDBACK, "查控反馈",
                    required("propertyFound", BOOLEAN, "whether the feedback shows property"),
                    new PayloadField("propertyTypes", STRING_LIST, false, PROPERTY_TYPES, "types of property found")),
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
                    optional("amount", MONEY, "frozen amount or value basis (元); for a partial seizure (份额) the"
                            + " value of the part seized"),
                    optional("queued", BOOLEAN, "轮候 (queued behind an earlier seizure)"),
                    optional("online", BOOLEAN, "controlled online"),
                    oneOf("valueBasis", false, "what amount is: the frozen amount, a reference price, an appraisal,"
                            + " an estimate or a market quote (default FROZEN_AMOUNT for deposits, else ESTIMATE)",
                            VALUE_BASES),
                    optional("valueDate", DATE, "date of the value basis (default: the day of the event)"),
                    optional("valueSource", STRING, "who or what gave the value (appraiser, platform, officer)"),
                    optional("divisible", BOOLEAN, "the asset can be seized in part (default: true for deposits and"
                            + " securities, false otherwise)"),
                    optional("partial", BOOLEAN, "only a part or share of the asset is seized (Art. 15 ¶1)"),
                    optional("residential", BOOLEAN, "real estate used as a residence (default true for real"
                            + " estate: the higher impact is assumed when unknown)"),
                    optional("businessEssential", BOOLEAN, "equipment or property the debtor's business needs"),
                    optional("necessaryHome", BOOLEAN, "the debtor's and dependants' necessary home: may be seized,"
                            + " never auctioned, sold or taken in payment (查封规定 Art. 4)"),
                    oneOf("exemptCategory", false, "exempt property category (查封规定 Art. 3)", EXEMPT_CATEGORIES),
                    optional("registryRefusesSplit", BOOLEAN, "the registry refuses a split seizure of real estate"
                            + " under one certificate; the whole is seized and the excess released on the debtor's"
                            + " application (Art. 15 ¶1)")),
            EventType.of(CONTROL_RELEASED, "解除控制措施",
                    required("assetId", STRING, "the asset's id"),
                    optional("amount", MONEY, "part released (元), e.g. the excess of a freeze (查封规定 Art. 19);"
                            + " absent: the whole control is released")),
            EventType.of(REFERENCE_PRICE_STARTED, "启动确定财产处置参考价",
                    required("assetId", STRING, "the asset's id"),
                    oneOf("method", false, "method (参考价规定)", "NEGOTIATION", "DIRECTED_INQUIRY",
                            "ONLINE_INQUIRY", "APPRAISAL")),
            EventType.of(REFERENCE_PRICE_DETERMINED, "确定参考价",
                    required("assetId", STRING, "the asset's id"),
                    optional("amount", MONEY, "reference price (元)"),
                    optional("source", STRING, "who determined it (platform, appraiser, parties' negotiation)")),
            EventType.of(DISPOSAL_STARTED, "启动财产处置",
                    required("assetId", STRING, "the asset's id"),
                    oneOf("method", false, "disposal method", "ONLINE_AUCTION", "AUCTION", "SALE",
                            "SELF_DISPOSAL", "SET_OFF")),
            EventType.of(DISPOSAL_COMPLETED, "财产处置完成",
                    required("assetId", STRING, "the asset's id"),
                    optional("amount", MONEY, "proceeds (元)")),
            EventType.of(MONEY_RECEIVED, "执行款到账",
                    required("amount", MONEY, "amount received (元)"),
                    optional("account", STRING, "receiving account").sensitive(Sensitivity.BANK_ACCOUNT),
                    optional("disputedAmount", MONEY, "part in dispute (Art. 22)")),
            EventType.of(PAYMENT_NOTICE_SENT, "向财务部门发送执行款发放通知",
                    optional("amount", MONEY, "amount to pay out (元)")),
            EventType.of(MONEY_DISBURSED, "执行款发放",
                    required("amount", MONEY, "amount paid out (元)"),
                    optional("payeeAccount", STRING, "account paid to").sensitive(Sensitivity.BANK_ACCOUNT)),
            new EventType(CONSUMPTION_RESTRICTED, "限制消费", concat(
                    List.of(optional("subject", STRING, "person or unit restricted")), MEASURE_PERSON_FIELDS,
                    DECISION_DOCUMENT_FIELDS, List.of(
                            new PayloadField("items", STRING_LIST, false, RESTRICTION_ITEMS, "the banned items"
                                    + " the order states (限制消费规定 Art. 3 ¶1, Art. 5)"),
                            optional("period", STRING, "the period the order states, e.g. 自决定之日起至履行完毕之日止"
                                    + " (Art. 5: 期间)"),
                            optional("consequences", STRING, "the legal consequences the order states (Art. 5)"),
                            new PayloadField("restrictionGrounds", STRING_LIST, false, RESTRICTION_GROUNDS,
                                    "why 限消 is imposed (Arts. 1, 2)")))),
            measureEnd(CONSUMPTION_RESTRICTION_LIFTED, "解除限制消费", "person or unit released"),
            new EventType(DEFAULTER_LISTED, "纳入失信被执行人名单", concat(
                    List.of(optional("subject", STRING, "person or unit listed")), MEASURE_PERSON_FIELDS,
                    DECISION_DOCUMENT_FIELDS, List.of(
                            new PayloadField("grounds", STRING_LIST, false, LISTING_GROUNDS, "the grounds of"
                                    + " 公布失信规定 Art. 1 relied on"),
                            optional("periodMonths", INTEGER, "the listing period in months for grounds (2)–(6):"
                                    + " 24, extended by 12–36 (Art. 2); none for ground (1)"),
                            optional("conduct", STRING, "the 失信 conduct, as published (Art. 6)"),
                            optional("legalRepresentativeName", STRING, "for a unit: its 法定代表人 or 负责人, as"
                                    + " published (Art. 6)"),
                            optional("obligation", STRING, "the obligation in the effective document (Art. 6)"),
                            optional("performance", STRING, "how far it has been performed (Art. 6)")))),
            measureEnd(DEFAULTER_DELISTED, "删除失信信息", "person or unit delisted"),
            EventType.of(PERFORMANCE_COMPLETED, "履行完毕"),
            EventType.of(TERMINATION_REQUESTED, "申请/拟终结本次执行程序"),
            EventType.of(TERMINATION_RULED, "裁定终结本次执行程序",
                    optional("served", BOOLEAN, "the ruling was served")),
            EventType.of(SUSPENDED, "中止执行",
                    optional("reason", STRING, "reason for suspension")),
            EventType.of(RESUMED, "恢复执行"),
            EventType.of(DEDUCTED_PERIOD_STARTED, "扣除期限开始",
                    required("periodId", STRING, "the period's id"),
                    oneOf("kind", true, "kind of deducted period (法释〔2000〕29号)", DEDUCTION_KINDS)),
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
                    oneOf("method", true, "closing method (法释〔2000〕29号)", "FULLY_EXECUTED", "TERMINATED_ROUND",
                            "TERMINATED", "WITHDRAWN", "NOT_ENFORCED", "REJECTED")),
            // the seizure register's facts (Art. 15; 查封规定; 民诉法解释 Art. 485)
            EventType.of(CONTROL_RENEWED, "续行查封、扣押、冻结",
                    required("assetId", STRING, "the asset's id"),
                    optional("until", DATE, "last day of the renewed term; default: the statutory term (deposits"
                            + " 1 year, movables 2 years, immovables and other rights 3 years) after the previous"
                            + " expiry")),
            EventType.of(QUEUED_SEIZURE_EFFECTIVE, "轮候查封生效",
                    required("assetId", STRING, "the asset's id; its term counts from this event (查封规定 Art. 26)")),
            EventType.of(VALUATION_RECORDED, "财产价值记录（评估、估价、重新评估）",
                    required("assetId", STRING, "the asset's id"),
                    required("amount", MONEY, "value (元) of the asset, or of the part seized"),
                    oneOf("valueBasis", false, "kind of value (default APPRAISAL)", VALUE_BASES),
                    optional("valueDate", DATE, "date the value refers to (default: the day of the event)"),
                    optional("valueSource", STRING, "appraiser, platform or officer")),
            EventType.of(ENCUMBRANCE_RECORDED, "登记在先权利负担（抵押、质押、首封等）",
                    required("assetId", STRING, "the asset's id"),
                    required("encumbranceId", STRING, "the encumbrance's id (e.g. the mortgage registration number)"),
                    oneOf("kind", true, "kind of prior-ranking claim", ENCUMBRANCE_KINDS),
                    required("amount", MONEY, "amount secured ahead of the applicant (元)"),
                    optional("holder", STRING, "who holds it")),
            EventType.of(ENCUMBRANCE_ENDED, "在先权利负担消灭",
                    required("assetId", STRING, "the asset's id"),
                    required("encumbranceId", STRING, "the encumbrance's id")),
            EventType.of(COSTS_RECORDED, "记录执行费用（申请费以外的实际支出）",
                    required("costId", STRING, "the cost item's id"),
                    required("amount", MONEY, "amount (元), borne by the debtor"),
                    oneOf("kind", false, "kind of cost", COST_KINDS),
                    optional("description", STRING, "what it was")),
            EventType.of(OVER_SEIZURE_OBJECTION, "以超标的查封为由提出执行异议",
                    required("objectionId", STRING, "the objection's id"),
                    optional("assetIds", STRING_LIST, "assets the objection names"),
                    optional("valuationRequested", BOOLEAN, "a valuation is requested; the seizure is NOT suspended"
                            + " during it (Art. 15 ¶3 of 法〔2021〕322号)")),
            EventType.of(OVER_SEIZURE_OBJECTION_RULED, "超标的查封异议审查结果",
                    required("objectionId", STRING, "the objection's id"),
                    oneOf("outcome", true, "outcome", "UPHELD", "REJECTED", "WITHDRAWN")),
            EventType.of(DISPUTE_NEGOTIATION_FAILED, "执行争议协商不成",
                    required("disputeId", STRING, "the dispute's id"),
                    oneOf("counterparty", false, "with whom", "COURT", "AUTHORITY")),
            EventType.of(DISPUTE_COORDINATION_STARTED, "上级法院启动与有关部门的协调程序",
                    required("disputeId", STRING, "the dispute's id")),
            EventType.of(DISPUTE_DECISION_IMPLEMENTED, "下级法院落实协调意见",
                    required("disputeId", STRING, "the dispute's id")),
            EventType.of(MATTER_ENTRUSTED, "执行事项委托",
                    required("entrustedCourt", STRING, "code of the entrusted court (e.g. 沪0115)"),
                    optional("matters", STRING_LIST, "the entrusted matters (查封、扣押、冻结 …)"),
                    optional("entrustmentId", STRING, "the entrustment's id in the collaboration platform")),
            EventType.of(ENTRUSTMENT_ENDED, "执行事项委托办结或撤回",
                    required("entrustedCourt", STRING, "code of the court whose entrustment ended"),
                    optional("entrustmentId", STRING, "the entrustment's id in the collaboration platform")),
            EventType.of(ENFORCEMENT_TRANSFERRED, "提级执行或指令其他法院执行",
                    required("toCourt", STRING, "code of the court that enforces the case from now on"),
                    oneOf("kind", true, "提级执行 (ELEVATED) or 指令执行 (INSTRUCTED)", "ELEVATED", "INSTRUCTED"),
                    optional("rulingNumber", STRING, "number of the ruling or decision")),
            EventType.of(HOME_DISPOSAL_GROUND_RECORDED, "认定被执行人居住房屋可予处置的情形（执行异议复议规定第20条）",
                    required("assetId", STRING, "the home's asset id"),
                    oneOf("ground", true, "the Art. 20 ground", HOME_DISPOSAL_GROUNDS),
                    optional("rentYears", INTEGER, "years of rent deducted, 5 to 8 (RENT_DEDUCTED)"),
                    optional("basis", STRING, "what the finding rests on (documents, ruling number)")));

    private static final Map<String, EventType> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));

    private CoreEventTypes() {
    }

    public static EventType byId(String id) {
        return BY_ID.get(id);
    }
}
