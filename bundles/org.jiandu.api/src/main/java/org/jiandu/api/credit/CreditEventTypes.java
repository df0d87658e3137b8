package org.jiandu.api.credit;

import static org.jiandu.api.event.FieldKind.BOOLEAN;
import static org.jiandu.api.event.FieldKind.DATE;
import static org.jiandu.api.event.FieldKind.INTEGER;
import static org.jiandu.api.event.FieldKind.STRING;
import static org.jiandu.api.event.FieldKind.STRING_LIST;
import static org.jiandu.api.event.PayloadField.oneOf;
import static org.jiandu.api.event.PayloadField.optional;
import static org.jiandu.api.event.PayloadField.required;

import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.PayloadField;

/**
 * The event types of the credit lifecycle that the core vocabulary lacks, namespace {@code credit}. The decisions
 * themselves are the core's {@link CoreEventTypes#DEFAULTER_LISTED} (失信决定书), {@link CoreEventTypes#CONSUMPTION_RESTRICTED}
 * (限消令), {@link CoreEventTypes#DEFAULTER_DELISTED} and {@link CoreEventTypes#CONSUMPTION_RESTRICTION_LIFTED}, with
 * the fields {@link CoreEventTypes#MEASURE_PERSON_FIELDS}, {@link CoreEventTypes#DECISION_DOCUMENT_FIELDS} and
 * {@link CoreEventTypes#LIFT_FIELDS}. Every event here names its measure ({@code measureId}, the host's id of the
 * 限消令 or listing, unique within the case); the credit bundle registers these types ({@link #ALL}) while it is
 * installed, so the ledger refuses them without it.
 */
public final class CreditEventTypes {
    /** A listing or restriction applied for by the applicant or proposed ex officio (公布失信规定 Art. 5 ¶2). */
    public static final String MEASURE_PROPOSED = "credit.MEASURE_PROPOSED";
    /** An application for a measure refused. */
    public static final String PROPOSAL_REFUSED = "credit.PROPOSAL_REFUSED";
    /** The decision or order served on the party (Art. 23: 制作决定书送达当事人). */
    public static final String DECISION_SERVED = "credit.DECISION_SERVED";
    /** A grace period (宽限期) set before the measure takes effect (法发〔2019〕35号 Art. 15). */
    public static final String GRACE_PERIOD_SET = "credit.GRACE_PERIOD_SET";
    /** A listing published in the SPC's 失信被执行人名单库 (公布失信规定 Art. 7). */
    public static final String MEASURE_PUBLISHED = "credit.MEASURE_PUBLISHED";
    /** The measure sent to assisting units: airlines, railways, 征信, government departments (Art. 8; 限消规定 Art. 6). */
    public static final String PUSHED_TO_ASSISTING_UNITS = "credit.PUSHED_TO_ASSISTING_UNITS";
    /** A reason to lift or delete arose: full performance, guarantee, consent, an Art. 10 event … */
    public static final String LIFT_GROUND_RECORDED = "credit.LIFT_GROUND_RECORDED";
    /** A temporary lift for urgent travel granted (法发〔2019〕35号 Art. 17(3)): flight and high-speed rail, ≤ 1 month. */
    public static final String TEMPORARY_LIFT_GRANTED = "credit.TEMPORARY_LIFT_GRANTED";
    /** A temporary lift revoked before its end (false evidence, breach of the commitment). */
    public static final String TEMPORARY_LIFT_REVOKED = "credit.TEMPORARY_LIFT_REVOKED";
    /** A written application to correct a listing or restriction (公布失信规定 Art. 11). */
    public static final String CORRECTION_APPLIED = "credit.CORRECTION_APPLIED";
    /** The court's decision on a correction application, or its own finding of an error (Arts. 9, 12). */
    public static final String CORRECTION_DECIDED = "credit.CORRECTION_DECIDED";
    /** A measure revoked (撤销) or its published data corrected (更正) (Art. 9). */
    public static final String MEASURE_CORRECTED = "credit.MEASURE_CORRECTED";
    /** 复议 applied for to the next-higher court against a rejection (Art. 12). */
    public static final String RECONSIDERATION_APPLIED = "credit.RECONSIDERATION_APPLIED";
    /** The higher court's 复议 decision (Art. 12). */
    public static final String RECONSIDERATION_DECIDED = "credit.RECONSIDERATION_DECIDED";

    /** 限消令 or 失信 listing. */
    public static final List<String> MEASURE_KINDS = List.of("RESTRICTION", "LISTING");
    /** The urgent reasons of 法发〔2019〕35号 Art. 17(3) for a temporary lift. */
    public static final List<String> TEMPORARY_LIFT_REASONS = List.of("SERIOUS_ILLNESS", "FUNERAL", "OFFICIAL_DUTY",
            "FOREIGN_AFFAIRS", "IMPORTANT_EXAM");
    /** What a temporary lift may open: flights and high-speed rail only. */
    public static final List<String> TEMPORARY_LIFT_TRANSPORT = List.of("FLIGHT", "HIGH_SPEED_RAIL");
    /** The exclusions of 公布失信规定 Art. 3 from ground (1). */
    public static final List<String> LISTING_EXCLUSIONS = List.of("SUFFICIENT_GUARANTEE",
            "CONTROLLED_PROPERTY_SUFFICIENT", "LATER_IN_ORDER_OF_PERFORMANCE", "OTHER_NOT_ABLE");
    /** What a correction application says is wrong (Art. 11). */
    public static final List<String> CORRECTION_GROUNDS = List.of("WRONGLY_LISTED", "INACCURATE_DATA",
            "SHOULD_BE_DELETED");

    private static final PayloadField MEASURE_ID = required("measureId", STRING, "the host's id of the measure"
            + " (限消令 or 失信 listing), unique in the case");

    /** Every type above, with its fields. */
    public static final List<EventType> ALL = List.of(
            new EventType(MEASURE_PROPOSED, "申请/拟纳入失信名单或限制消费", concat(List.of(MEASURE_ID,
                    oneOf("measure", true, "限消令 (RESTRICTION) or 失信 listing (LISTING)", MEASURE_KINDS),
                    oneOf("initiatedBy", true, "the applicant's written application or ex officio", "APPLICANT",
                            "EX_OFFICIO"),
                    new PayloadField("grounds", STRING_LIST, false, CoreEventTypes.LISTING_GROUNDS,
                            "the 失信 grounds alleged (公布失信规定 Art. 1)"),
                    new PayloadField("restrictionGrounds", STRING_LIST, false, CoreEventTypes.RESTRICTION_GROUNDS,
                            "the 限消 grounds alleged")), tail(CoreEventTypes.MEASURE_PERSON_FIELDS))),
            EventType.of(PROPOSAL_REFUSED, "不予纳入/不予限制消费", MEASURE_ID,
                    optional("reason", STRING, "why")),
            EventType.of(DECISION_SERVED, "决定书/限消令送达", MEASURE_ID,
                    oneOf("method", false, "how it was served (民诉法 Arts. 88–95)", "DIRECT", "LEFT_AT_RESIDENCE",
                            "ELECTRONIC", "ENTRUSTED", "POST", "PUBLIC_NOTICE"),
                    optional("servedTo", STRING, "who received it")),
            new EventType(GRACE_PERIOD_SET, "设置宽限期", concat(List.of(MEASURE_ID,
                    required("months", INTEGER, "the grace period in months, 1 to 3 (法发〔2019〕35号 Art. 15)"),
                    optional("from", DATE, "the day it is counted from; default: the event's day")),
                    CoreEventTypes.DECISION_DOCUMENT_FIELDS)),
            EventType.of(MEASURE_PUBLISHED, "发布失信信息", MEASURE_ID,
                    optional("channel", STRING, "where, e.g. 最高人民法院失信被执行人名单库")),
            EventType.of(PUSHED_TO_ASSISTING_UNITS, "推送协助执行单位", MEASURE_ID,
                    required("recipients", STRING_LIST, "the units and channels, e.g. 民航, 铁路, 征信中心")),
            EventType.of(LIFT_GROUND_RECORDED, "解除/删除事由出现",
                    optional("measureId", STRING, "the measure; absent: every measure of the case the ground ends"),
                    oneOf("ground", true, "the reason to lift or delete", CoreEventTypes.LIFT_GROUNDS),
                    optional("urgent", BOOLEAN, "the party applied and the matter is urgent: lift at once (Art. 23)"),
                    optional("successorMeasureId", STRING, "FORMER_REPRESENTATIVE: the measure restricting the new"
                            + " legal representative (法发〔2019〕35号 Art. 17(2))")),
            new EventType(TEMPORARY_LIFT_GRANTED, "临时解除限制消费", concat(List.of(MEASURE_ID,
                    required("from", DATE, "first day"),
                    required("until", DATE, "last day, at most 1 month after the first"),
                    oneOf("reason", true, "the urgent reason (法发〔2019〕35号 Art. 17(3))", TEMPORARY_LIFT_REASONS),
                    new PayloadField("transport", STRING_LIST, true, TEMPORARY_LIFT_TRANSPORT,
                            "what it opens: FLIGHT, HIGH_SPEED_RAIL"),
                    optional("commitment", STRING, "the reference of the person's written commitment")),
                    CoreEventTypes.DECISION_DOCUMENT_FIELDS)),
            EventType.of(TEMPORARY_LIFT_REVOKED, "撤销临时解除", MEASURE_ID,
                    optional("reason", STRING, "why (false evidence, breach)")),
            EventType.of(CORRECTION_APPLIED, "申请纠正", MEASURE_ID,
                    oneOf("ground", true, "what is wrong (公布失信规定 Art. 11)", CORRECTION_GROUNDS)),
            new EventType(CORRECTION_DECIDED, "纠正申请审查决定", concat(List.of(MEASURE_ID,
                    oneOf("outcome", true, "well founded (correct in 3 WD) or rejected (驳回, 复议 in 10 d)",
                            "WELL_FOUNDED", "REJECTED")), CoreEventTypes.DECISION_DOCUMENT_FIELDS)),
            new EventType(MEASURE_CORRECTED, "撤销/更正失信信息", concat(List.of(MEASURE_ID,
                    oneOf("action", true, "撤销 (REVOKED: the measure is void) or 更正 (CORRECTED: data fixed)",
                            "REVOKED", "CORRECTED")), CoreEventTypes.DECISION_DOCUMENT_FIELDS)),
            EventType.of(RECONSIDERATION_APPLIED, "申请复议", MEASURE_ID,
                    optional("court", STRING, "the next-higher court applied to")),
            new EventType(RECONSIDERATION_DECIDED, "复议决定", concat(List.of(MEASURE_ID,
                    oneOf("outcome", true, "the rejection upheld or reversed", "UPHELD", "REVERSED")),
                    CoreEventTypes.DECISION_DOCUMENT_FIELDS)));

    private CreditEventTypes() {
    }

    private static List<PayloadField> tail(List<PayloadField> fields) {
        return fields.stream().filter(f -> !f.name().equals("measureId")).toList();
    }

    @SafeVarargs
    private static List<PayloadField> concat(List<PayloadField>... parts) {
        List<PayloadField> all = new ArrayList<>();
        for (List<PayloadField> p : parts) {
            all.addAll(p);
        }
        return List.copyOf(all);
    }
}
