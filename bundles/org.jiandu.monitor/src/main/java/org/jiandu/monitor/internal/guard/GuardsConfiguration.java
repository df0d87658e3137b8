package org.jiandu.monitor.internal.guard;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.monitor.guards} ({@code etc/org.jiandu.monitor.guards.cfg}) of the node
 * monitor's guards (违规操作自动拦截, Art. 12 of 法〔2021〕322号). Every default comes from the law or, where the law
 * is silent, is a documented choice; see README-GUARDS.md. A value that breaks the law (a self-disposal period over
 * 90 days, fewer than 3 months before 终本) or cannot be read is refused with an ERROR log line naming the key, and
 * the default is used instead: a typo never switches a guard off.
 */
@ObjectClassDefinition(name = "Jiandu node-monitor guards",
        description = "Interception of operations that break 法〔2021〕322号 Arts. 16–24 (终本, case money, disposal).")
public @interface GuardsConfiguration {

    /** The PID. */
    String PID = "org.jiandu.monitor.guards";

    @AttributeDefinition(name = "Queryable property types (终本)",
            description = "Property types the network query system (总对总/点对点) of this court can query; before 终本 the"
                    + " recorded PROPERTY_QUERY_STARTED events must together cover all of them (终本规定 Art. 1(3);"
                    + " Art. 13 of 法〔2021〕322号). Default: the types the national 总对总 system covers (Art. 13 of 法〔2021〕322号).")
    String[] termination_queryablePropertyTypes() default {"DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP",
        "ONLINE_FUNDS", "WEALTH_PRODUCTS"};

    @AttributeDefinition(name = "Months from filing before 终本",
            description = "终本 only after more than this many calendar months since filing (终本规定 Art. 1(4): 3)."
                    + " May be raised, never lowered below 3.", min = "3", max = "120")
    int termination_minMonthsSinceFiling() default 3;

    @AttributeDefinition(name = "Refused reasons for leaving property undisposed",
            description = "A recorded reason for leaving controlled property undisposed at 终本 is refused when it"
                    + " contains any of these phrases (Art. 24: 不得以申请执行人未申请拍卖为由不进行处置)."
                    + " Whitespace and punctuation are ignored when matching.")
    String[] termination_refusedUndisposedReasons() default {"未申请拍卖", "不申请拍卖", "没有申请拍卖",
        "APPLICANT_DID_NOT_APPLY_FOR_AUCTION"};

    @AttributeDefinition(name = "Collegial panel needs the president's approval",
            description = "Without the applicant's signed consent, 终本 needs a collegial-panel review and the"
                    + " president's approval (民诉法解释 Art. 517); when true, details.presidentApproval is required"
                    + " next to details.collegialPanelRecord.")
    boolean termination_collegialPanelNeedsPresidentApproval() default true;

    @AttributeDefinition(name = "Designated case accounts",
            description = "court code=account, one entry per court (e.g. 京0105=0200 0012 0902 4000 123); a province"
                    + " abbreviation (京=…) serves every court of the province without its own entry. When a court has"
                    + " an entry it is authoritative for 扣划 (Art. 20); otherwise details.caseAccount from the host is"
                    + " used (一案一账号 courts whose account differs per case configure nothing here).")
    String[] money_caseAccounts() default {};

    @AttributeDefinition(name = "Disposal methods needing no exception",
            description = "DISPOSE with any other method needs a recorded legal exception in details.exception"
                    + " (Art. 18 of 法〔2021〕322号; 网拍规定 Art. 2: 网络司法拍卖 first). Methods: ONLINE_AUCTION, AUCTION,"
                    + " SALE, SELF_DISPOSAL, SET_OFF.")
    String[] disposal_methodsWithoutException() default {"ONLINE_AUCTION", "SELF_DISPOSAL"};

    @AttributeDefinition(name = "Forbidden announcement phrases",
            description = "An auction announcement containing any of these is refused (Art. 18: 不得在公示信息中载明"
                    + "“不负责腾退交付”等信息). Whitespace and punctuation are ignored when matching.")
    String[] disposal_forbiddenAnnouncementPhrases() default {"不负责腾退交付", "不负责腾退", "不负责交付",
        "不负责清场"};

    @AttributeDefinition(name = "Longest self-disposal period (days)",
            description = "Art. 17: 自行处置期限最长不得超过90日. May be lowered, never raised above 90.", min = "1",
            max = "90")
    int disposal_selfDisposalMaxDays() default 90;

    @AttributeDefinition(name = "Valuation methods to try before appraisal",
            description = "A REFERENCE_PRICE_STARTED of one of these methods for the asset must precede an appraisal"
                    + " (Art. 16; 参考价规定: 议价 → 网络/定向询价 → 委托评估), unless the law requires appraisal.")
    String[] disposal_methodsBeforeAppraisal() default {"NEGOTIATION", "DIRECTED_INQUIRY", "ONLINE_INQUIRY"};
}
