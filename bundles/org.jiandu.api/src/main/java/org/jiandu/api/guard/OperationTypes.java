package org.jiandu.api.guard;

import java.util.List;
import java.util.Map;

import org.jiandu.api.event.Sensitivity;

/**
 * The names of the operations the host platform asks about ({@link Operation#type()}) and that Jiandu's own guards
 * check (违规操作自动拦截, Art. 12 of 法〔2021〕322号). A guard compares {@code operation.type()} with these constants,
 * never with a string of its own, so that the host and every guard mean the same operation by the same name. A
 * type not listed here may be asked about only when an installed guard declares it ({@link #SERVICE_PROPERTY}, a
 * third-party guard's own operation); every guard answers ALLOW to a registered type it does not check.
 *
 * <p>Each constant lists the {@link Operation#details() details} the built-in guards read; amounts are exact
 * decimals as strings ({@code "5000.00"}), days ISO dates. A guard answers 400 naming {@code details.<field>} when
 * one it needs is malformed.
 */
public final class OperationTypes {
    /**
     * 终本 — terminate the current enforcement round (终本规定 法〔2016〕373号 Art. 1; Art. 24 of 法〔2021〕322号; 民诉法解释
     * Art. 517). Details: {@code undisposedReasons} (map asset id → reason under 终本规定 Art. 4),
     * {@code firstSeizingCourtRequest} (for a queued seizure with priority), {@code applicantConsent} or
     * {@code collegialPanelRecord} with {@code presidentApproval}.
     */
    public static final String TERMINATE_ROUND = "TERMINATE_ROUND";
    /**
     * 执行立案 — file the enforcement case (Art. 20). Details: {@code applicantPayeeAccount} (the account the applicant
     * confirmed for receiving case money; filing without one is denied).
     */
    public static final String FILE_CASE = "FILE_CASE";
    /**
     * 扣划 — transfer the debtor's money (Art. 20). Details: {@code toAccount} (must be the case's designated
     * account), {@code caseAccount} (the designated account, when the court configured none), {@code amount}.
     */
    public static final String DEDUCT = "DEDUCT";
    /**
     * 发放 — pay case money out to the applicant (Arts. 20, 22). Details: {@code toAccount} or its alias {@code payeeAccount}
     * (must be the payee account recorded at filing), {@code amount}.
     */
    public static final String DISBURSE = "DISBURSE";
    /** 暂缓发放 — hold case money back (Art. 22). Details: {@code amount} (more than the disputed part is warned). */
    public static final String HOLD = "HOLD";
    /**
     * 处置 — dispose of controlled property (Art. 18; 网拍规定 Art. 2; 查封规定 Art. 4). Details: {@code method}
     * ({@code ONLINE_AUCTION}, {@code SELF_DISPOSAL}, {@code SALE} …), {@code exception} (the legal exception for a
     * method other than an online auction), {@code assetId} (the seizure guard denies disposing of the debtor's
     * necessary home).
     */
    public static final String DISPOSE = "DISPOSE";
    /**
     * 被执行人自行处置 — let the debtor dispose of the property himself (Art. 17). Details: {@code periodDays}, or
     * {@code periodEnd} counted from {@code periodStart} (default today): at most 90 days.
     */
    public static final String SELF_DISPOSAL = "SELF_DISPOSAL";
    /**
     * 发布拍卖公告 — publish an auction announcement (Art. 18 ¶3). Details: any text fields, nested or not (an announcement any
     * text of which disclaims 腾退交付 is denied).
     */
    public static final String PUBLISH_AUCTION_ANNOUNCEMENT = "PUBLISH_AUCTION_ANNOUNCEMENT";
    /**
     * 委托评估 / 确定参考价 — start a valuation (Art. 16 ¶2; 参考价规定). Details: {@code method} ({@code APPRAISAL}
     * without a prior negotiation or inquiry is warned), {@code assetId}, {@code appraisalRequiredByLaw}.
     */
    public static final String START_VALUATION = "START_VALUATION";
    /**
     * 查封 — seize property (Art. 15; 查封规定 Arts. 3, 19). Details: {@code assetId}, {@code assetKind},
     * {@code amount} (value basis), {@code valueBasis}, {@code valueDate}, {@code valueSource}, {@code divisible},
     * {@code quantity}, {@code share}, {@code priorEncumbrances}, {@code residential}, {@code businessEssential},
     * {@code necessaryHome}, {@code registryRefusesSplit}, {@code queued}, {@code exemptCategory},
     * {@code candidates} (up to 50 assets with the same fields and {@code offeredByDebtor}).
     */
    public static final String SEIZE = "SEIZE";
    /**
     * 冻结 — freeze a deposit or other right (Art. 15). Details as {@link #SEIZE}; {@code assetKind} defaults to
     * {@code DEPOSIT}, and a deposit needs {@code amount} (the freeze amount).
     */
    public static final String FREEZE = "FREEZE";
    /** 扣押 — detain movable property (Art. 15). Details as {@link #SEIZE}. */
    public static final String DETAIN = "DETAIN";
    /**
     * 续行 — renew a seizure, freeze or detention before it lapses (民诉法解释 Art. 485; 查封规定 Arts. 26–27). Details:
     * {@code assetId}, {@code until} (the new expiry day).
     */
    public static final String RENEW = "RENEW";

    /**
     * 纳入失信被执行人名单 — decide to list the debtor as a 失信被执行人 (公布失信规定 Arts. 1–5; Art. 23 of
     * 法〔2021〕322号). Details, as the {@code DEFAULTER_LISTED} event takes them: {@code measureId},
     * {@code personIdentifiers}, {@code personName}, {@code personKind}, {@code personRole}, {@code birthDate},
     * {@code fullTimeStudent}, {@code campusLoan}, {@code campusLoanReason}, {@code grounds}, {@code periodMonths},
     * the decision ({@code documentNumber}, {@code signedBy}, {@code signerRole}, {@code documentSha256},
     * {@code documentUri}); and {@code restrictionGrounds}, {@code exclusions}, {@code applicantRequested},
     * {@code restrictionOrderNumber} (the 限消令 issued with it).
     *
     * @since guard package 1.5.0
     */
    public static final String LIST_DEFAULTER = "LIST_DEFAULTER";
    /**
     * 发布失信信息 — publish a listing in the 名单库 (公布失信规定 Arts. 5 ¶3, 7; Art. 23). Details: {@code measureId}.
     *
     * @since guard package 1.5.0
     */
    public static final String PUBLISH_DEFAULTER = "PUBLISH_DEFAULTER";
    /**
     * 推送协助执行单位 — send a measure to airlines, railways, 征信 and other assisting units (Art. 8; 限制消费规定 Art. 6).
     * Details: {@code measureId}, {@code recipients}.
     *
     * @since guard package 1.5.0
     */
    public static final String PUSH_TO_ASSISTING_UNITS = "PUSH_TO_ASSISTING_UNITS";
    /**
     * 限制消费 — issue a 限制消费令 (限制消费规定 Arts. 1–5). Details, as the {@code CONSUMPTION_RESTRICTED} event takes
     * them: {@code measureId}, the person's fields, {@code restrictionGrounds}, {@code items}, {@code period},
     * {@code consequences} and the order ({@code documentNumber}, {@code signedBy}, {@code signerRole},
     * {@code documentSha256}, {@code documentUri}).
     *
     * @since guard package 1.5.0
     */
    public static final String RESTRICT_CONSUMPTION = "RESTRICT_CONSUMPTION";
    /**
     * 设置宽限期 — set a grace period before a measure takes effect (法发〔2019〕35号 Art. 15). Details:
     * {@code measureId}, {@code months} (1–3), {@code from}.
     *
     * @since guard package 1.5.0
     */
    public static final String SET_GRACE_PERIOD = "SET_GRACE_PERIOD";
    /**
     * 临时解除限制消费 — ease a restriction for urgent travel (法发〔2019〕35号 Art. 17(3)). Details: {@code measureId},
     * {@code from}, {@code until}, {@code reason}, {@code transport}, {@code commitment} and the approval
     * ({@code documentNumber}, {@code signedBy}, {@code signerRole}, {@code documentSha256}).
     *
     * @since guard package 1.5.0
     */
    public static final String TEMPORARY_LIFT = "TEMPORARY_LIFT";

    /**
     * Service property of an {@link OperationGuard} service naming the operation types it checks that are not listed
     * here (a String or String[] of names such as {@code PARTITION_SALE}). The guard registry knows the types listed
     * here and those every installed guard declares; it refuses any other type with 400
     * {@code UNKNOWN_OPERATION_TYPE} ({@code dispose} is not {@code DISPOSE}), so a misspelt type cannot slip past
     * every guard as an ALLOW.
     *
     * @since guard package 1.2.0
     */
    public static final String SERVICE_PROPERTY = "jiandu.guard.operationTypes";

    /**
     * The details of the operations above that hold personal data, with what they hold: the parties' accounts of
     * {@link #FILE_CASE}, {@link #DEDUCT} and {@link #DISBURSE} (the court's designated {@code caseAccount} is not
     * personal). Every view of a check (its answer and the recorded
     * history) masks these details, and the guards' verdict figures of the same names, by
     * {@link org.jiandu.api.mask.MaskingPolicy}; the record keeps the full values.
     *
     * @since guard package 1.3.0
     */
    public static final Map<String, Sensitivity> SENSITIVE_DETAILS = Map.of(
            "applicantPayeeAccount", Sensitivity.BANK_ACCOUNT,
            "toAccount", Sensitivity.BANK_ACCOUNT,
            "payeeAccount", Sensitivity.BANK_ACCOUNT,
            "account", Sensitivity.BANK_ACCOUNT,
            "personIdentifiers", Sensitivity.PARTY_IDENTIFIER,
            "unitIdentifiers", Sensitivity.PARTY_IDENTIFIER);

    /** Every type above, in the order listed. */
    public static final List<String> ALL = List.of(TERMINATE_ROUND, FILE_CASE, DEDUCT, DISBURSE, HOLD, DISPOSE,
            SELF_DISPOSAL, PUBLISH_AUCTION_ANNOUNCEMENT, START_VALUATION, SEIZE, FREEZE, DETAIN, RENEW, LIST_DEFAULTER,
            PUBLISH_DEFAULTER, PUSH_TO_ASSISTING_UNITS, RESTRICT_CONSUMPTION, SET_GRACE_PERIOD, TEMPORARY_LIFT);

    private OperationTypes() {
    }
}
