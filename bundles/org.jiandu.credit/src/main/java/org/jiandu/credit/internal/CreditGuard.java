package org.jiandu.credit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.ResidentId;
import org.jiandu.api.ValidationException;
import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.credit.MeasureStatus;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.guard.GuardDetails;
import org.jiandu.api.guard.GuardFindings;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.query.SeizureQuery;
import org.jiandu.api.query.SeizureRegister;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * 违规操作自动拦截 for credit measures (Art. 23 of 法〔2021〕322号): {@code LIST_DEFAULTER}, {@code PUBLISH_DEFAULTER},
 * {@code PUSH_TO_ASSISTING_UNITS}, {@code RESTRICT_CONSUMPTION}, {@code SET_GRACE_PERIOD} and {@code TEMPORARY_LIFT}
 * ({@link OperationTypes}); every other type is ALLOWed. Each unmet condition is a finding with its row of the
 * rules (C-01 …) as code and its article; the verdict lists them all ({@link GuardFindings}). Details are read as
 * the ledger's event of the same act takes them (the operation's javadoc); a malformed value is a 400 naming
 * {@code details.<field>}, a missing one a finding. Decisions are checked by their document — 文号, signer and
 * SHA-256 — never by a flag.
 *
 * <p>What the check reads: the case's timeline (held in memory, {@link CaseTimelines}), and for the exclusion of
 * 公布失信规定 Art. 3 (2) the seizure register through the API's {@link SeizureQuery} when the seizure feature is
 * installed; without it, the {@code exclusions} the host states.
 */
@Component(service = OperationGuard.class)
public final class CreditGuard implements OperationGuard {
    static final String ID = "credit.measures";
    static final Set<String> TYPES = Set.of(OperationTypes.LIST_DEFAULTER, OperationTypes.PUBLISH_DEFAULTER,
            OperationTypes.PUSH_TO_ASSISTING_UNITS, OperationTypes.RESTRICT_CONSUMPTION,
            OperationTypes.SET_GRACE_PERIOD, OperationTypes.TEMPORARY_LIFT);
    static final String SX1 = "公布失信规定 第1条";
    static final String SX2 = "公布失信规定 第2条";
    static final String SX3 = "公布失信规定 第3条";
    static final String SX4 = "公布失信规定 第4条；民法典 第17条";
    static final String SX5 = "公布失信规定 第5条第3款";
    static final String SX10 = "公布失信规定 第10条第4款";
    static final String XX5 = "限制消费规定 第5条";
    static final String SY14 = "法〔2021〕322号 第23条；法发〔2019〕35号 第14条";
    static final String SY15 = "法发〔2019〕35号 第15条；法〔2021〕322号 第23条";
    static final String SY16 = "法发〔2019〕35号 第16条";
    static final String SY17 = "法发〔2019〕35号 第17条";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final CaseTimelines timelines;
    private final CreditSettings settings;
    private final Clock clock;
    private volatile SeizureQuery seizures;

    @Activate
    public CreditGuard(@Reference CaseTimelines timelines, @Reference CreditSettings settings,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.timelines = timelines;
        this.settings = settings;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSeizures(SeizureQuery q) {
        seizures = q;
    }

    void unbindSeizures(SeizureQuery q) {
        if (seizures == q) {
            seizures = null;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Verdict check(Operation op) {
        if (!TYPES.contains(op.type())) {
            return GuardFindings.notConcerned(ID, op.type(), "失信、限制消费措施");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE);
        GuardDetails d = new GuardDetails(op.details());
        CreditSettings.Policy policy = settings.policy();
        return switch (op.type()) {
            case OperationTypes.LIST_DEFAULTER -> listing(op.caseNumber(), d, today, policy);
            case OperationTypes.RESTRICT_CONSUMPTION -> restriction(op.caseNumber(), d, today, policy);
            case OperationTypes.PUBLISH_DEFAULTER, OperationTypes.PUSH_TO_ASSISTING_UNITS -> outward(op, d, today,
                    policy);
            case OperationTypes.SET_GRACE_PERIOD -> grace(op.caseNumber(), d, today, policy);
            default -> temporaryLift(op.caseNumber(), d, today, policy);
        };
    }

    /** {@code LIST_DEFAULTER}: rows C-01 … C-05, C-08, C-10, C-17, C-31, C-32. */
    Verdict listing(CaseNumber cn, GuardDetails d, LocalDate today, CreditSettings.Policy policy) {
        String measureId = required(d, "measureId");
        List<PartyIdentifier> person = identifiers(d, "personIdentifiers");
        List<String> grounds = values(d, "grounds", CoreEventTypes.LISTING_GROUNDS);
        List<String> restrictionGrounds = values(d, "restrictionGrounds", CoreEventTypes.RESTRICTION_GROUNDS);
        List<String> exclusions = values(d, "exclusions", CreditEventTypes.LISTING_EXCLUSIONS);
        String role = value(d, "personRole", CoreEventTypes.PERSON_ROLES).orElse("DEBTOR");
        Optional<Long> period = d.integer("periodMonths");
        GuardFindings f = new GuardFindings(ID).figure("measureId", measureId).figure("grounds", grounds);
        if (grounds.isEmpty()) {
            if (!restrictionGrounds.isEmpty()) {
                f.deny("C-32", "法〔2021〕322号 第23条", "仅符合限制消费条件（" + String.join("、", restrictionGrounds)
                        + "）、不符合失信条件的，不得纳入失信名单");
            } else {
                f.deny("C-01", SX1, "未载明公布失信规定第1条规定的情形（grounds）");
            }
        }
        if (grounds.equals(List.of("ABLE_BUT_REFUSES"))) {
            List<String> held = new ArrayList<>(exclusions);
            if (!held.contains("CONTROLLED_PROPERTY_SUFFICIENT") && controlledPropertyCovers(cn, today)) {
                held.add("CONTROLLED_PROPERTY_SUFFICIENT");
                f.figure("seizureRegister", "已控制财产足以清偿生效法律文书确定的债务");
            }
            if (!held.isEmpty()) {
                f.deny("C-02", SX3, "仅以“有履行能力而拒不履行”为由，但存在不得纳入的情形：" + String.join("、",
                        held.stream().map(CreditGuard::exclusionLabel).toList()));
            }
        }
        minor(f, person, d, today);
        if (!"DEBTOR".equals(role)) {
            f.deny("C-04", SY16, "单位被执行人的法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得纳入失信名单，"
                    + "只可限制消费");
        }
        campusLoan(f, d);
        document(f, d, "决定书", SX5, "C-08", policy);
        boolean fixedGrounds = grounds.stream().anyMatch(g -> !g.equals("ABLE_BUT_REFUSES"));
        if (fixedGrounds && period.isEmpty()) {
            f.deny("C-08", SX5, "依第1条第2项至第6项纳入的，决定书应载明纳入期限（periodMonths）");
        } else if (fixedGrounds && (period.get() < policy.listingMinMonths()
                || period.get() > policy.listingMaxMonths())) {
            f.deny("C-10", SX2, "纳入期限 " + period.get() + " 个月不在 " + policy.listingMinMonths() + "–"
                    + policy.listingMaxMonths() + " 个月之内（二年，可延长一至三年）");
        } else if (!fixedGrounds && period.isPresent() && !grounds.isEmpty()) {
            f.deny("C-10", SX2, "仅依第1条第1项纳入的不设纳入期限，至第10条规定的情形出现时删除；不应载明 periodMonths");
        }
        Map<String, MeasureFacts> measures = timelines.measures(cn, null);
        String key = person.isEmpty() ? null : person.get(0).value();
        if (policy.reapplyBarMonths() > 0 && key != null && (d.recorded("applicantRequested"))) {
            for (MeasureFacts m : measures.values()) {
                if (m.listing() && key.equals(m.personKey()) && "APPLICANT_APPLIED_APPROVED".equals(m.endedReason)
                        && m.endedOn != null && today.isBefore(m.endedOn.plusMonths(policy.reapplyBarMonths()))) {
                    f.deny("C-17", SX10, "因申请执行人申请已于 " + m.endedOn + " 删除，" + policy.reapplyBarMonths()
                            + " 个月内（至 " + m.endedOn.plusMonths(policy.reapplyBarMonths())
                            + "）申请执行人再次申请纳入的，不予支持（期限为可配置项 listing.reapplyBarMonths）");
                }
            }
        }
        if (!restricted(measures, key, today) && d.text("restrictionOrderNumber").isEmpty()) {
            f.deny("C-31", "限制消费规定 第1条第2款；法〔2021〕322号 第23条", "纳入失信名单的，应当同时限制消费：本案未记录对该人的"
                    + "限制消费令，也未载明同时作出的限制消费令文号（restrictionOrderNumber）");
        }
        return f.verdict("不得纳入失信被执行人名单", SX1 + "；" + SX3 + "；" + SX5 + "；法〔2021〕322号 第23条",
                "符合纳入失信被执行人名单的条件");
    }

    /** {@code RESTRICT_CONSUMPTION}: rows C-05, C-33. */
    Verdict restriction(CaseNumber cn, GuardDetails d, LocalDate today, CreditSettings.Policy policy) {
        String measureId = required(d, "measureId");
        identifiers(d, "personIdentifiers");
        value(d, "personRole", CoreEventTypes.PERSON_ROLES);
        List<String> items = values(d, "items", CoreEventTypes.RESTRICTION_ITEMS);
        values(d, "restrictionGrounds", CoreEventTypes.RESTRICTION_GROUNDS);
        GuardFindings f = new GuardFindings(ID).figure("measureId", measureId);
        document(f, d, "限制消费令", XX5, "C-33", policy);
        if (d.text("period").isEmpty()) {
            f.deny("C-33", XX5, "限制消费令未载明限制期间（period）");
        }
        if (items.isEmpty()) {
            f.deny("C-33", XX5, "限制消费令未载明限制项目（items）");
        }
        if (d.text("consequences").isEmpty()) {
            f.deny("C-33", XX5, "限制消费令未载明违反的法律后果（consequences）");
        }
        campusLoan(f, d);
        return f.verdict("不得发出限制消费令", XX5, "限制消费令由院长签发，载明期间、项目和法律后果");
    }

    /** {@code PUBLISH_DEFAULTER} and {@code PUSH_TO_ASSISTING_UNITS}: rows C-08, C-09, C-31, C-51. */
    Verdict outward(Operation op, GuardDetails d, LocalDate today, CreditSettings.Policy policy) {
        boolean publish = OperationTypes.PUBLISH_DEFAULTER.equals(op.type());
        String measureId = required(d, "measureId");
        if (!publish && d.list("recipients").isEmpty()) {
            throw new ValidationException("MISSING_FIELD", "details.recipients", "Name the assisting units the"
                    + " measure is sent to (details.recipients), e.g. [\"民航\", \"铁路\", \"征信中心\"]");
        }
        Map<String, MeasureFacts> measures = timelines.measures(op.caseNumber(), null);
        MeasureFacts m = measures.get(measureId);
        GuardFindings f = new GuardFindings(ID).figure("measureId", measureId);
        String what = publish ? "发布失信信息" : "推送协助执行单位";
        if (m == null || m.decision == null || publish && !m.listing()) {
            f.deny("C-08", publish ? SX5 : XX5, "本案未记录措施 " + measureId + " 的" + (publish ? "纳入失信名单决定书"
                    : "决定书或限制消费令") + "，不得" + what);
            return f.verdict("不得" + what, SX5, "");
        }
        String article = m.listing() ? SX5 : XX5;
        if (!policy.signerAccepted(m.decision.role())) {
            f.deny("C-08", article, (m.listing() ? "决定书" : "限制消费令") + " " + nvl(m.decision.number()) + " 由"
                    + nvl(m.decision.signedBy()) + "（" + roleLabel(m.decision.role()) + "）签发，应由院长签发");
        }
        if (m.decision.number() == null || m.decision.sha256() == null || !SHA256.matcher(m.decision.sha256())
                .matches()) {
            f.deny("C-08", article, "记录的决定未载明文号及签章文件的 SHA-256，无法核对所依据的文书");
        }
        if (policy.publishRequiresService() && m.servedOn == null) {
            f.deny("C-09", SY14, "决定书尚未送达当事人（本院规定送达后方可" + what + "；可配置项 publish.requiresService）");
        }
        MeasureStatus status = MeasureView.status(m, today);
        f.figure("status", status.name());
        if (status == MeasureStatus.IN_GRACE) {
            f.deny("C-51", SY15, "宽限期内（至 " + MeasureView.graceUntil(m) + "）暂不发布失信信息、不推送协助执行单位");
        } else if (status.ended() || status == MeasureStatus.EXPIRED) {
            f.deny("C-14", MeasureView.DELETE_ART, "措施已" + statusLabel(status) + "，不得" + what);
        }
        if (m.listing()) {
            if (!restricted(measures, m.personKey(), today)) {
                f.deny("C-31", "限制消费规定 第1条第2款；法〔2021〕322号 第23条", "纳入失信名单的应当同时限制消费，本案未记录对该人的"
                        + "限制消费令");
            }
        }
        return f.verdict("不得" + what, article + "；" + SY14 + "；" + SY15, "决定已由院长签发并送达，不在宽限期内");
    }

    /** {@code SET_GRACE_PERIOD}: row C-50 (and C-51: no grace once published). */
    Verdict grace(CaseNumber cn, GuardDetails d, LocalDate today, CreditSettings.Policy policy) {
        String measureId = required(d, "measureId");
        long months = d.integer("months").orElseThrow(() -> new ValidationException("MISSING_FIELD",
                "details.months", "details.months is required: the grace period in months, " + policy.graceMinMonths()
                        + " to " + policy.graceMaxMonths()));
        LocalDate from = d.date("from").orElse(today);
        GuardFindings f = new GuardFindings(ID).figure("measureId", measureId).figure("months", months);
        if (months < policy.graceMinMonths() || months > policy.graceMaxMonths()) {
            f.deny("C-50", SY15, "宽限期 " + months + " 个月不在 " + policy.graceMinMonths() + "–" + policy.graceMaxMonths()
                    + " 个月之内");
        } else {
            f.figure("graceUntil", from.plusMonths(months).toString());
        }
        MeasureFacts m = timelines.measures(cn, null).get(measureId);
        if (m != null && (m.publishedOn != null || !m.pushes.isEmpty())) {
            f.deny("C-51", SY15, "措施已发布或推送，宽限期应在措施生效前设置");
        }
        if (m != null && MeasureView.status(m, today).ended()) {
            f.deny("C-50", SY15, "措施已" + statusLabel(MeasureView.status(m, today)) + "，无从设置宽限期");
        }
        return f.verdict("不得设置宽限期", SY15, "宽限期在 " + policy.graceMinMonths() + "–" + policy.graceMaxMonths()
                + " 个月之内");
    }

    /** {@code TEMPORARY_LIFT}: row C-38. */
    Verdict temporaryLift(CaseNumber cn, GuardDetails d, LocalDate today, CreditSettings.Policy policy) {
        String measureId = required(d, "measureId");
        LocalDate from = d.date("from").orElseThrow(() -> missing("from", "the first day, e.g. 2025-03-01"));
        LocalDate until = d.date("until").orElseThrow(() -> missing("until", "the last day, e.g. 2025-03-20"));
        if (until.isBefore(from)) {
            throw new ValidationException("INVALID_FIELD", "details.until", "details.until " + until
                    + " is before details.from " + from);
        }
        Optional<String> reason = value(d, "reason", CreditEventTypes.TEMPORARY_LIFT_REASONS);
        List<String> transport = d.list("transport").stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        GuardFindings f = new GuardFindings(ID).figure("measureId", measureId).figure("from", from.toString())
                .figure("until", until.toString());
        LocalDate last = from.plusMonths(policy.temporaryLiftMaxMonths()).minusDays(1);
        if (until.isAfter(last)) {
            f.deny("C-38", SY17, "临时解除期间 " + from + " 至 " + until + " 超过 " + policy.temporaryLiftMaxMonths()
                    + " 个月（最迟至 " + last + "）");
        }
        if (reason.isEmpty()) {
            f.deny("C-38", SY17, "未载明事由：仅限本人或近亲属重病、近亲属丧葬、执行或协助执行公务、参加外事活动或重要考试等紧急情况");
        }
        List<String> other = transport.stream().filter(t -> !CreditEventTypes.TEMPORARY_LIFT_TRANSPORT.contains(t))
                .toList();
        if (transport.isEmpty() || !other.isEmpty()) {
            f.deny("C-38", SY17, "临时解除仅限乘坐飞机、高铁（FLIGHT、HIGH_SPEED_RAIL）" + (other.isEmpty() ? "，未载明"
                    : "，不得解除 " + String.join("、", other)));
        }
        if (!d.recorded("commitment")) {
            f.deny("C-38", SY17, "未附被执行人的书面承诺（commitment）");
        }
        document(f, d, "临时解除审批", SY17, "C-38", policy);
        MeasureFacts m = timelines.measures(cn, null).get(measureId);
        if (m == null || m.listing() || m.decision == null) {
            f.deny("C-38", SY17, "本案未记录限制消费令 " + measureId + "，无从临时解除");
        } else {
            MeasureStatus s = MeasureView.status(m, today);
            if (!s.inForce()) {
                f.deny("C-38", SY17, "限制消费令 " + measureId + " 目前" + statusLabel(s) + "，无需临时解除");
            }
            if (m.temporaryLifts.stream().anyMatch(t -> t.revokedOn() != null)) {
                f.deny("C-38", SY17, "此前的临时解除因提供虚假材料或违反承诺已被撤销，不再准许临时解除");
            }
        }
        return f.verdict("不得临时解除限制消费", SY17, "紧急事由、仅限飞机高铁、不超过 " + policy.temporaryLiftMaxMonths()
                + " 个月，经院长批准并有书面承诺");
    }

    /** Whether a 限消令 on the person (by key) is decided in the case and not ended (Art. 23: listed ⇒ restricted). */
    static boolean restricted(Map<String, MeasureFacts> measures, String key, LocalDate today) {
        return key != null && measures.values().stream().anyMatch(r -> !r.listing() && r.decision != null
                && key.equals(r.personKey()) && !MeasureView.status(r, today).ended());
    }

    /** The decision document's reference and signer (C-08, C-33, C-38: 院长). */
    private static void document(GuardFindings f, GuardDetails d, String what, String article, String row,
            CreditSettings.Policy policy) {
        Optional<String> role = value(d, "signerRole", CoreEventTypes.SIGNER_ROLES);
        Optional<String> sha = d.text("documentSha256");
        if (sha.isPresent() && !SHA256.matcher(sha.get()).matches()) {
            throw new ValidationException("INVALID_FIELD", "details.documentSha256", "details.documentSha256 must be"
                    + " the SHA-256 of the signed file, 64 hexadecimal digits");
        }
        if (role.isEmpty() || !policy.signerAccepted(role.get())) {
            f.deny(row, article, what + "应由院长签发" + (role.isEmpty() ? "，未载明签发人职务（signerRole）"
                    : "，载明的签发人为" + roleLabel(role.get())));
        }
        if (d.text("documentNumber").isEmpty() || d.text("signedBy").isEmpty() || sha.isEmpty()) {
            f.deny(row, article, what + "须以文书为据：载明文号（documentNumber）、签发人（signedBy）和签章文件的 SHA-256"
                    + "（documentSha256）");
        }
        f.figure("documentNumber", d.text("documentNumber").orElse(null));
    }

    private static void minor(GuardFindings f, List<PartyIdentifier> person, GuardDetails d, LocalDate today) {
        LocalDate birth = d.date("birthDate").orElse(null);
        for (PartyIdentifier id : person) {
            if (birth == null && id.kind() == PartyIdentifier.Kind.RESIDENT_ID) {
                birth = ResidentId.parse(id.value(), "details.personIdentifiers").birthDate();
            }
        }
        if (birth != null && Period.between(birth, today).getYears() < 18) {
            f.deny("C-03", SX4, "被执行人为未成年人（出生于 " + birth + "，决定时未满十八周岁），不得纳入失信名单");
            f.figure("age", Period.between(birth, today).getYears());
        }
    }

    private static void campusLoan(GuardFindings f, GuardDetails d) {
        if (d.recorded("fullTimeStudent") && d.recorded("campusLoan")) {
            if (d.text("campusLoanReason").isEmpty()) {
                f.deny("C-05", SY16, "全日制在校生因“校园贷”纠纷成为被执行人的，一般不得采取失信或限制消费措施；确需采取的，须载明理由"
                        + "（campusLoanReason）");
            } else {
                f.warn("C-05", SY16, "全日制在校生因“校园贷”纠纷成为被执行人，一般不得采取本措施；已记录理由："
                        + d.text("campusLoanReason").get());
            }
        }
    }

    /** Whether the seizure feature's register shows controlled property covering the whole claim (Art. 3 (2)). */
    private boolean controlledPropertyCovers(CaseNumber cn, LocalDate today) {
        SeizureQuery q = seizures;
        if (q == null) {
            return false;
        }
        Optional<SeizureRegister> reg = q.register(cn, today);
        return reg.isPresent() && reg.get().claimKnown() && reg.get().claimTotal().signum() > 0
                && reg.get().uncoveredClaim().compareTo(BigDecimal.ZERO) == 0;
    }

    private static String required(GuardDetails d, String name) {
        return d.text(name).orElseThrow(() -> missing(name, "the host's id of the measure, unique in the case"));
    }

    private static ValidationException missing(String name, String what) {
        return new ValidationException("MISSING_FIELD", "details." + name, "details." + name + " is required: "
                + what);
    }

    private static List<PartyIdentifier> identifiers(GuardDetails d, String name) {
        Object raw = d.raw(name);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> items)) {
            throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name
                    + " must be an array of {\"kind\": \"RESIDENT_ID\", \"value\": \"…\"} identifiers");
        }
        List<PartyIdentifier> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "details." + name + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw new ValidationException("INVALID_FIELD", at, at + " must be an object {\"kind\": …, \"value\": …}");
            }
            out.add(PartyIdentifier.parse(m.get("kind") == null ? null : m.get("kind").toString(),
                    m.get("value") == null ? null : m.get("value").toString(), at + ".kind", at + ".value"));
        }
        return out;
    }

    private static Optional<String> value(GuardDetails d, String name, List<String> allowed) {
        Optional<String> v = d.text(name).map(s -> s.toUpperCase(Locale.ROOT));
        if (v.isPresent() && !allowed.contains(v.get())) {
            throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name + " must be one of "
                    + allowed + ", not " + d.text(name).get());
        }
        return v;
    }

    private static List<String> values(GuardDetails d, String name, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String s : d.list(name)) {
            String u = s.toUpperCase(Locale.ROOT);
            if (!allowed.contains(u)) {
                throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name + " holds "
                        + s + "; each item must be one of " + allowed);
            }
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    static String roleLabel(String role) {
        if (role == null) {
            return "未载明";
        }
        return switch (role) {
            case "PRESIDENT" -> "院长";
            case "VICE_PRESIDENT" -> "副院长";
            case "DIVISION_HEAD" -> "庭长";
            case "JUDGE" -> "法官";
            default -> "其他人员";
        };
    }

    static String statusLabel(MeasureStatus s) {
        return switch (s) {
            case LIFTED -> "解除";
            case DELETED -> "删除";
            case WITHDRAWN -> "因宽限期内履行完毕而不再采取";
            case REVOKED -> "撤销";
            case REFUSED -> "不予采取";
            case EXPIRED -> "期限届满";
            case PROPOSED -> "尚未决定";
            case IN_GRACE -> "处于宽限期";
            case TEMPORARILY_LIFTED -> "临时解除中";
            default -> "有效";
        };
    }

    private static String exclusionLabel(String e) {
        return switch (e) {
            case "SUFFICIENT_GUARANTEE" -> "提供了充分有效担保";
            case "CONTROLLED_PROPERTY_SUFFICIENT" -> "已被查封、扣押、冻结的财产足以清偿";
            case "LATER_IN_ORDER_OF_PERFORMANCE" -> "履行顺位在后，依法不能对其强制执行";
            default -> "其他不属于有履行能力而拒不履行的情形";
        };
    }

    private static String nvl(String s) {
        return s == null ? "（未载明）" : s;
    }
}
