package org.jiandu.credit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.ResidentId;
import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.CaseHistory;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * What a case's ledger says about one credit measure: the facts, folded from the case's effective history
 * ({@link CaseHistory#effective}, so an Art. 12 correction of an entry replaces it). No date arithmetic and no
 * status here: {@link MeasureView} computes those as of a day with the calendar. A plain holder with fields, so that
 * the index stores it as JSON ({@link MeasureIndex}) and a read answers without the timeline.
 *
 * <p>Measures are named by the host's {@code measureId}; a core decision event without one (a host that predates
 * the credit bundle) becomes measure {@code seq-<n>} of its entry, and a core lift without one ends every measure of
 * its kind in the case.
 */
final class MeasureFacts {
    static final String RESTRICTION = "RESTRICTION";
    static final String LISTING = "LISTING";

    /** A reason to lift that arose, with the entry that recorded it. */
    record Ground(String ground, LocalDate on, boolean urgent, long seq, String successorMeasureId) {
    }

    /** A temporary lift granted, and the day it was revoked (or {@code null}). */
    record TempLift(LocalDate from, LocalDate until, String reason, List<String> transport, long seq,
            CreditMeasure.Document approval, LocalDate revokedOn) {
        TempLift revoked(LocalDate on) {
            return new TempLift(from, until, reason, transport, seq, approval, on);
        }
    }

    /** One push to assisting units. */
    record Push(LocalDate on, long seq, List<String> recipients) {
    }

    String caseNumber;
    String court;
    String measureId;
    String kind;
    CreditMeasure.Person person;
    List<String> grounds = List.of();
    List<String> restrictionGrounds = List.of();
    List<String> items = List.of();
    Integer periodMonths;
    String period;
    String consequences;
    String conduct;
    String legalRepresentativeName;
    String obligation;
    String performance;
    boolean campusLoanStudent;
    String campusLoanReason;
    LocalDate proposedOn;
    long proposedSeq;
    String initiatedBy;
    LocalDate refusedOn;
    long refusedSeq;
    CreditMeasure.Document decision;
    LocalDate servedOn;
    long servedSeq;
    LocalDate graceFrom;
    int graceMonths;
    long graceSeq;
    LocalDate publishedOn;
    long publishedSeq;
    List<Push> pushes = new ArrayList<>();
    List<Ground> liftGrounds = new ArrayList<>();
    List<TempLift> temporaryLifts = new ArrayList<>();
    LocalDate correctionAppliedOn;
    long correctionAppliedSeq;
    LocalDate correctionDecidedOn;
    long correctionDecidedSeq;
    String correctionOutcome;
    LocalDate correctedOn;
    long correctedSeq;
    String correctedAction;
    LocalDate reconsiderationAppliedOn;
    long reconsiderationAppliedSeq;
    LocalDate reconsiderationDecidedOn;
    long reconsiderationDecidedSeq;
    LocalDate endedOn;
    long endedSeq;
    String endedReason;
    List<String> endRecipients = List.of();
    List<CreditMeasure.Step> history = new ArrayList<>();
    long lastSeq;

    MeasureFacts() {
        // for the index's JSON reader
    }

    private MeasureFacts(String caseNumber, String measureId) {
        this.caseNumber = caseNumber;
        this.court = CaseNumber.parse(caseNumber).courtCode();
        this.measureId = measureId;
    }

    boolean listing() {
        return LISTING.equals(kind);
    }

    /** Every recipient the measure was pushed to, in order of first push. */
    List<String> pushedTo() {
        Set<String> all = new LinkedHashSet<>();
        pushes.forEach(p -> all.addAll(p.recipients()));
        return List.copyOf(all);
    }

    /** The person's key across cases, or {@code null}. */
    String personKey() {
        return person == null ? null : person.key();
    }

    /**
     * The measures of one case from its timeline (ledger order), only the entries whose event happened on or before
     * {@code upTo} ({@code null}: all), in order of first mention.
     */
    static Map<String, MeasureFacts> fold(List<LedgerEntry> timeline, LocalDate upTo) {
        Map<String, MeasureFacts> out = new LinkedHashMap<>();
        for (LedgerEntry e : CaseHistory.effective(timeline)) {
            if (upTo != null && day(e).isAfter(upTo)) {
                continue;
            }
            apply(out, e);
        }
        return out;
    }

    /** Whether an entry's type can change a measure (the triggers of the index and the rules). */
    static boolean concerns(String type) {
        return type.startsWith("credit.") || CoreEventTypes.CONSUMPTION_RESTRICTED.equals(type)
                || CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED.equals(type)
                || CoreEventTypes.DEFAULTER_LISTED.equals(type) || CoreEventTypes.DEFAULTER_DELISTED.equals(type)
                || CoreEventTypes.PERFORMANCE_COMPLETED.equals(type) || CoreEventTypes.CASE_CLOSED.equals(type);
    }

    static LocalDate day(LedgerEntry e) {
        return e.event().occurredAt().atZoneSameInstant(CaseEvent.ZONE).toLocalDate();
    }

    private static void apply(Map<String, MeasureFacts> measures, LedgerEntry e) {
        CaseEvent ev = e.event();
        String type = ev.type();
        Payload p = ev.payload();
        LocalDate on = day(e);
        String cn = ev.caseNumber().canonical();
        String id = p.string("measureId").orElse(null);
        switch (type) {
            case CreditEventTypes.MEASURE_PROPOSED -> {
                MeasureFacts m = measures.computeIfAbsent(id, k -> new MeasureFacts(cn, k));
                m.kind = p.string("measure").orElse(m.kind);
                m.person(p);
                m.grounds = p.strings("grounds");
                m.restrictionGrounds = p.strings("restrictionGrounds");
                m.proposedOn = on;
                m.proposedSeq = e.seq();
                m.initiatedBy = p.string("initiatedBy").orElse(null);
                m.step(e, "申请/拟" + (m.listing() ? "纳入失信名单" : "限制消费"));
            }
            case CreditEventTypes.PROPOSAL_REFUSED -> with(measures, id, e, m -> {
                m.refusedOn = on;
                m.refusedSeq = e.seq();
                m.step(e, "不予" + (m.listing() ? "纳入" : "限制消费"));
            });
            case CoreEventTypes.DEFAULTER_LISTED, CoreEventTypes.CONSUMPTION_RESTRICTED -> {
                boolean listing = CoreEventTypes.DEFAULTER_LISTED.equals(type);
                String key = id == null ? "seq-" + e.seq() : id;
                MeasureFacts m = measures.computeIfAbsent(key, k -> new MeasureFacts(cn, k));
                m.kind = listing ? LISTING : RESTRICTION;
                m.person(p);
                m.decision = document(p, on, e.seq());
                if (listing) {
                    m.grounds = p.strings("grounds");
                    m.periodMonths = p.integer("periodMonths").map(Long::intValue).orElse(null);
                    m.conduct = p.string("conduct").orElse(null);
                    m.legalRepresentativeName = p.string("legalRepresentativeName").orElse(null);
                    m.obligation = p.string("obligation").orElse(null);
                    m.performance = p.string("performance").orElse(null);
                } else {
                    m.items = p.strings("items");
                    m.period = p.string("period").orElse(null);
                    m.consequences = p.string("consequences").orElse(null);
                    m.restrictionGrounds = p.strings("restrictionGrounds");
                }
                m.step(e, listing ? "作出纳入失信名单决定书" : "作出限制消费令");
            }
            case CreditEventTypes.DECISION_SERVED -> with(measures, id, e, m -> {
                m.servedOn = on;
                m.servedSeq = e.seq();
                m.step(e, "送达" + (m.listing() ? "决定书" : "限制消费令"));
            });
            case CreditEventTypes.GRACE_PERIOD_SET -> with(measures, id, e, m -> {
                m.graceFrom = p.date("from").orElse(on);
                m.graceMonths = p.integer("months").map(Long::intValue).orElse(0);
                m.graceSeq = e.seq();
                m.step(e, "设置宽限期 " + m.graceMonths + " 个月");
            });
            case CreditEventTypes.MEASURE_PUBLISHED -> with(measures, id, e, m -> {
                m.publishedOn = on;
                m.publishedSeq = e.seq();
                m.step(e, "发布失信信息");
            });
            case CreditEventTypes.PUSHED_TO_ASSISTING_UNITS -> with(measures, id, e, m -> {
                m.pushes.add(new Push(on, e.seq(), p.strings("recipients")));
                m.step(e, "推送协助执行单位：" + String.join("、", p.strings("recipients")));
            });
            case CreditEventTypes.LIFT_GROUND_RECORDED -> ground(measures, id, e,
                    p.string("ground").orElse(""), p.bool("urgent").orElse(false),
                    p.string("successorMeasureId").orElse(null));
            case CoreEventTypes.PERFORMANCE_COMPLETED -> ground(measures, null, e, "FULL_PERFORMANCE", false, null);
            case CoreEventTypes.CASE_CLOSED -> {
                String ground = switch (p.string("method").orElse("")) {
                    case "FULLY_EXECUTED" -> "FULL_PERFORMANCE";
                    case "TERMINATED" -> "TERMINATION_RULING";
                    case "NOT_ENFORCED" -> "NOT_ENFORCED_RULING";
                    default -> null;
                };
                if (ground != null) {
                    ground(measures, null, e, ground, false, null);
                }
            }
            case CreditEventTypes.TEMPORARY_LIFT_GRANTED -> with(measures, id, e, m -> {
                m.temporaryLifts.add(new TempLift(p.date("from").orElse(on), p.date("until").orElse(on),
                        p.string("reason").orElse(null), p.strings("transport"), e.seq(), document(p, on, e.seq()),
                        null));
                m.step(e, "临时解除限制消费至 " + p.string("until").orElse("?"));
            });
            case CreditEventTypes.TEMPORARY_LIFT_REVOKED -> with(measures, id, e, m -> {
                int last = m.temporaryLifts.size() - 1;
                if (last >= 0) {
                    m.temporaryLifts.set(last, m.temporaryLifts.get(last).revoked(on));
                }
                m.step(e, "撤销临时解除，恢复限制");
            });
            case CreditEventTypes.CORRECTION_APPLIED -> with(measures, id, e, m -> {
                m.correctionAppliedOn = on;
                m.correctionAppliedSeq = e.seq();
                m.correctionDecidedOn = null;
                m.correctionOutcome = null;
                m.step(e, "申请纠正");
            });
            case CreditEventTypes.CORRECTION_DECIDED -> with(measures, id, e, m -> {
                m.correctionDecidedOn = on;
                m.correctionDecidedSeq = e.seq();
                m.correctionOutcome = p.string("outcome").orElse(null);
                m.step(e, "WELL_FOUNDED".equals(m.correctionOutcome) ? "纠正申请成立" : "驳回纠正申请");
            });
            case CreditEventTypes.MEASURE_CORRECTED -> with(measures, id, e, m -> {
                m.correctedOn = on;
                m.correctedSeq = e.seq();
                m.correctedAction = p.string("action").orElse(null);
                m.step(e, "REVOKED".equals(m.correctedAction) ? "撤销" : "更正信息");
            });
            case CreditEventTypes.RECONSIDERATION_APPLIED -> with(measures, id, e, m -> {
                m.reconsiderationAppliedOn = on;
                m.reconsiderationAppliedSeq = e.seq();
                m.reconsiderationDecidedOn = null;
                m.step(e, "申请复议");
            });
            case CreditEventTypes.RECONSIDERATION_DECIDED -> with(measures, id, e, m -> {
                m.reconsiderationDecidedOn = on;
                m.reconsiderationDecidedSeq = e.seq();
                m.step(e, "复议决定：" + ("REVERSED".equals(p.string("outcome").orElse("")) ? "撤销驳回" : "维持"));
            });
            case CoreEventTypes.DEFAULTER_DELISTED, CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED -> {
                String kind = CoreEventTypes.DEFAULTER_DELISTED.equals(type) ? LISTING : RESTRICTION;
                List<MeasureFacts> targets = id != null && measures.containsKey(id) ? List.of(measures.get(id))
                        : id != null ? List.of() : measures.values().stream()
                                .filter(m -> kind.equals(m.kind) && m.endedOn == null).toList();
                for (MeasureFacts m : targets) {
                    m.endedOn = on;
                    m.endedSeq = e.seq();
                    m.endedReason = p.string("reason").orElse(null);
                    m.endRecipients = p.strings("recipients");
                    m.step(e, LISTING.equals(kind) ? "删除失信信息（屏蔽）" : "解除限制消费");
                }
            }
            default -> {
                // not about a credit measure
            }
        }
    }

    private static void with(Map<String, MeasureFacts> measures, String id, LedgerEntry e,
            java.util.function.Consumer<MeasureFacts> change) {
        MeasureFacts m = id == null ? null : measures.get(id);
        if (m != null) {
            change.accept(m);
        }
    }

    private static void ground(Map<String, MeasureFacts> measures, String id, LedgerEntry e, String ground,
            boolean urgent, String successor) {
        Ground g = new Ground(ground, day(e), urgent, e.seq(), successor);
        List<MeasureFacts> targets = id != null ? (measures.containsKey(id) ? List.of(measures.get(id)) : List.of())
                : List.copyOf(measures.values());
        for (MeasureFacts m : targets) {
            m.liftGrounds.add(g);
            m.step(e, "解除/删除事由：" + MeasureView.groundLabel(ground) + (urgent ? "（情况紧急，当事人申请）" : ""));
        }
    }

    private void step(LedgerEntry e, String label) {
        history.add(new CreditMeasure.Step(e.seq(), e.event().type(), day(e), label));
        lastSeq = Math.max(lastSeq, e.seq());
    }

    private void person(Payload p) {
        List<PartyIdentifier> ids = identifiers(p.raw("personIdentifiers"));
        List<PartyIdentifier> unit = identifiers(p.raw("unitIdentifiers"));
        if (ids.isEmpty() && person != null) {
            ids = person.identifiers();
        }
        LocalDate birth = p.date("birthDate").orElse(null);
        if (birth == null) {
            birth = ids.stream().filter(i -> i.kind() == PartyIdentifier.Kind.RESIDENT_ID).findFirst()
                    .map(i -> ResidentId.parse(i.value(), "personIdentifiers").birthDate()).orElse(null);
        }
        String name = p.string("personName").orElse(p.string("subject").orElse(person == null ? null : person.name()));
        String personKind = p.string("personKind").orElse(person == null ? null : person.personKind());
        if (personKind == null && !ids.isEmpty()) {
            personKind = switch (ids.get(0).kind()) {
                case CREDIT_CODE, ORGANISATION_CODE, INDIVIDUAL_BUSINESS -> "UNIT";
                default -> "NATURAL";
            };
        }
        person = new CreditMeasure.Person(ids, name, personKind,
                p.string("personRole").orElse(person == null || person.role() == null ? "DEBTOR" : person.role()),
                unit.isEmpty() && person != null ? person.unit() : unit, birth,
                p.string("sex").orElse(person == null ? null : person.sex()));
        if (p.bool("fullTimeStudent").orElse(false) && p.bool("campusLoan").orElse(false)) {
            campusLoanStudent = true;
        }
        campusLoanReason = p.string("campusLoanReason").orElse(campusLoanReason);
    }

    static List<PartyIdentifier> identifiers(Object raw) {
        List<PartyIdentifier> out = new ArrayList<>();
        if (raw instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("kind") != null && m.get("value") != null) {
                    out.add(new PartyIdentifier(PartyIdentifier.Kind.valueOf(m.get("kind").toString()),
                            m.get("value").toString()));
                }
            }
        }
        return out;
    }

    static CreditMeasure.Document document(Payload p, LocalDate on, long seq) {
        return new CreditMeasure.Document(p.string("documentNumber").orElse(null), p.string("signedBy").orElse(null),
                p.string("signerRole").orElse(null), p.string("documentSha256").orElse(null),
                p.string("documentUri").orElse(null), on, seq);
    }
}
