package org.jiandu.seizure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Topics;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.finding.FindingTopics;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.seizure.internal.SeizureRegister.AssetView;
import org.jiandu.seizure.internal.SeizureRegister.Releasable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows the ledger (a {@link LedgerConsumer} of scope {@link LedgerConsumer.Scope#SHARED}: it writes findings, so
 * one node at a time, from a durable cursor; installed after cases were recorded, it goes through them) and, when a
 * case's control changes — a payment
 * arrives, a value is re-appraised or a reference price set, an encumbrance ends, property is controlled or a queued
 * seizure takes effect — recomputes its register and raises:
 * <ul>
 * <li>{@code OVER_SEIZURE} (查封规定 Art. 19): control clearly exceeds the claim and something can be released; the
 * finding names what ({@code releasable}). Published on {@code jiandu/finding/OVER_SEIZURE}.</li>
 * <li>{@code SPLIT_REGISTRATION} (Art. 15 ¶1 of 法〔2021〕322号): real estate clearly exceeding the claim was seized
 * whole because the registry refused to split it — a task to coordinate the split registration and release the
 * excess on the debtor's application. Published on {@code jiandu/finding/SPLIT_REGISTRATION}.</li>
 * </ul>
 * Each finding is stored once (unique key: case, kind, triggering entry's seq or the asset id) before it is
 * published, so a replay or a second node never publishes it twice. The event is the API's
 * {@link org.jiandu.api.finding.Finding} ({@link FindingTopics}): {@code details} holds the figures, and
 * {@code releasable} for over-seizure.
 *
 * <p>An over-seizure objection (OVER_SEIZURE_OBJECTION, with or without a valuation request) changes nothing here:
 * the seizure is not suspended by it (Art. 15 ¶3); the register lists it.
 */
@Component(service = LedgerConsumer.class)
public final class SeizureMonitor implements LedgerConsumer {
    /** The follower's consumer id (health component {@code jiandu.follower.jiandu.seizure.findings}). */
    static final String CONSUMER_ID = "jiandu.seizure.findings";
    static final String OVER_SEIZURE = "OVER_SEIZURE";
    static final String SPLIT_REGISTRATION = "SPLIT_REGISTRATION";
    static final Set<String> TRIGGERS = Set.of(CoreEventTypes.MONEY_RECEIVED, CoreEventTypes.VALUATION_RECORDED,
            CoreEventTypes.REFERENCE_PRICE_DETERMINED, CoreEventTypes.ENCUMBRANCE_ENDED,
            CoreEventTypes.PROPERTY_CONTROLLED, CoreEventTypes.QUEUED_SEIZURE_EFFECTIVE);
    private static final Logger LOG = LoggerFactory.getLogger(SeizureMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegisterCache cache;
    private final SeizureSettings settings;
    private final FindingStore findings;
    private final EventAdmin eventAdmin;
    private final Clock clock;
    /**
     * The facts of the cases this consumer follows, least recently used first, at most {@code cache.maxCases}; only
     * the follower's thread touches it (one delivery at a time).
     */
    private final Map<CaseNumber, CaseFacts> followed = new LinkedHashMap<>(256, 0.75f, true);

    @Activate
    public SeizureMonitor(@Reference RegisterCache cache, @Reference SeizureSettings settings,
            @Reference FindingStore findings, @Reference EventAdmin eventAdmin,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.cache = cache;
        this.settings = settings;
        this.findings = findings;
        this.eventAdmin = eventAdmin;
        this.clock = clock;
    }

    @Override
    public String id() {
        return CONSUMER_ID;
    }

    @Override
    public Scope scope() {
        return Scope.SHARED;
    }

    /**
     * Recomputes each triggering entry's case. A database failure refuses the batch (the follower delivers it again;
     * findings already stored are not raised twice); any other failure is logged and the entry's findings are missing.
     */
    @Override
    public void accept(List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            boolean trigger = TRIGGERS.contains(entry.event().type()) && !entry.event().isCorrection();
            try {
                CaseFacts facts = advance(entry, trigger);
                if (trigger) {
                    recompute(entry, facts);
                }
            } catch (javax.persistence.PersistenceException e) {
                throw e;
            } catch (RuntimeException e) {
                followed.remove(entry.event().caseNumber());
                if (trigger) {
                    LOG.error("Seizure register: could not recompute case {} after entry {} ({}); its findings for"
                            + " this entry are missing", entry.event().caseNumber(), entry.seq(), entry.event().type(),
                            e);
                }
            }
        }
    }

    /**
     * The case's facts just after {@code entry}: carried forward from the previous entry when the case is followed
     * (so a case is read from the ledger once, not once per trigger — catching up from the start of the ledger read
     * each case's timeline again for every payment), otherwise folded from the timeline when {@code entry} is a
     * trigger; {@code null} for an entry that is not a trigger of a case not followed. A gap or a correction stops
     * following the case (it is read again at its next trigger); a redelivered entry is answered from the timeline.
     */
    CaseFacts advance(LedgerEntry entry, boolean trigger) {
        CaseNumber cn = entry.event().caseNumber();
        CaseFacts held = followed.get(cn);
        if (held != null && entry.seq() == held.lastSeq() + 1) {
            CaseFacts next = held.with(entry);
            if (next == null) {
                followed.remove(cn);
                return trigger ? cache.factsAt(cn, entry.seq()) : null;
            }
            followed.put(cn, next);
            return next;
        }
        boolean ahead = held == null || entry.seq() > held.lastSeq();
        if (!trigger) {
            if (held != null && ahead) {
                followed.remove(cn);
            }
            return null;
        }
        CaseFacts read = cache.factsAt(cn, entry.seq());
        if (ahead && read.lastSeq() == entry.seq()) {
            followed.put(cn, read);
            int max = settings.snapshot().maxCases();
            Iterator<CaseNumber> eldest = followed.keySet().iterator();
            while (followed.size() > max && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        return read;
    }

    /** Recomputes the case's register from its facts just after {@code entry} and raises what it shows. */
    private void recompute(LedgerEntry entry, CaseFacts facts) {
        CaseNumber cn = entry.event().caseNumber();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE);
        SeizureRegister reg = SeizureRegister.of(cn.canonical(), facts, today, settings.policy(cn));
        if (!reg.claim().known()) {
            return;
        }
        if (CoreEventTypes.PROPERTY_CONTROLLED.equals(entry.event().type())) {
            String assetId = entry.event().payload().string("assetId").orElse("");
            AssetView split = reg.assets().stream().filter(v -> v.id().equals(assetId) && v.inForce()
                    && AssetKinds.REAL_ESTATE.equals(v.asset().kind()) && v.asset().registryRefusesSplit()
                    && !v.asset().partial()).findFirst().orElse(null);
            if (split != null && splitTask(entry, reg, split)) {
                // the whole seizure was the lawful way (Art. 15 ¶1); the task says what to release, not a finding
                return;
            }
        }
        if (reg.clearlyExceeds() && !reg.releasable().isEmpty()) {
            raise(entry, OVER_SEIZURE, String.valueOf(entry.seq()), overSeizureMessage(reg), overSeizureDetails(reg));
        }
    }

    /** Raises the split-registration task when the real estate clearly exceeds what is needed of it. */
    private boolean splitTask(LedgerEntry entry, SeizureRegister reg, AssetView v) {
        java.math.BigDecimal needed = reg.claim().total().subtract(reg.controlledValue().subtract(v.counted()))
                .max(java.math.BigDecimal.ZERO.setScale(2));
        if (needed.signum() == 0 || !reg.policy().clearlyExceeds(v.counted(), needed)) {
            return false;
        }
        java.math.BigDecimal share = needed.divide(v.counted(), 4, java.math.RoundingMode.UP);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", v.id());
        d.put("availableValue", v.counted());
        d.put("neededValue", needed);
        d.put("keepShare", share.toPlainString());
        d.put("excessValue", v.counted().subtract(needed));
        raise(entry, SPLIT_REGISTRATION, v.id(), "不动产 " + v.id() + " 因登记机构不能分割查封而整体查封，可供清偿价值 "
                + v.counted().toPlainString() + " 元明显超出所需 " + needed.toPlainString()
                + " 元：经被执行人申请，应及时协调登记机构办理分割登记并解除超标的部分的查封（法〔2021〕322号第15条）", d);
        return true;
    }

    private void raise(LedgerEntry entry, String kind, String key, String message, Map<String, Object> details) {
        String cn = entry.event().caseNumber().canonical();
        String json;
        try {
            json = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A finding's details are not JSON-serialisable", e);
        }
        FindingEntity row = new FindingEntity(cn, kind, key, clock.instant().toString(), entry.seq(),
                entry.event().type(), message, json);
        if (findings.raise(row).isEmpty()) {
            return;
        }
        eventAdmin.postEvent(FindingTopics.toEvent(SeizureFindings.toFinding(row, details)));
    }

    static String overSeizureMessage(SeizureRegister reg) {
        StringBuilder sb = new StringBuilder("控制财产可供清偿价值 ").append(reg.controlledValue().toPlainString())
                .append(" 元明显超出债权总额 ").append(reg.claim().total().toPlainString()).append(" 元（本院标准 ")
                .append(reg.policy().ratio().toPlainString()).append(" 倍），应及时解除超标的部分：");
        List<Releasable> rs = reg.releasable();
        for (int i = 0; i < rs.size(); i++) {
            Releasable r = rs.get(i);
            sb.append(i == 0 ? "" : "；").append(r.assetId()).append(switch (r.action()) {
                case "RELEASE_WHOLE" -> "（整体解除，" + r.amount().toPlainString() + " 元）";
                case "RELEASE_PART" -> "（解除 " + r.amount().toPlainString() + " 元）";
                default -> "（分割登记后解除约 " + r.amount().toPlainString() + " 元）";
            });
        }
        return sb.append("（查封规定第19条）").toString();
    }

    static Map<String, Object> overSeizureDetails(SeizureRegister reg) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("asOf", reg.asOf().toString());
        d.put("claimTotal", reg.claim().total());
        d.put("controlledValue", reg.controlledValue());
        d.put("excess", reg.excess());
        d.put("clearlyExceedsRatio", reg.policy().ratio().toPlainString());
        d.put("threshold", reg.policy().threshold(reg.claim().total()));
        d.put("releasable", reg.releasable().stream().map(Releasable::toMap).toList());
        return d;
    }
}
