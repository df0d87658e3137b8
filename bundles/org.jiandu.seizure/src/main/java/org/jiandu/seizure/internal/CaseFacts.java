package org.jiandu.seizure.internal;

import static org.jiandu.api.deadline.DeadlineRules.day;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.CaseHistory;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * What a case's ledger says about its claim and the property controlled for it: an immutable fold of the case's
 * entries, updated entry by entry ({@link #with(LedgerEntry)}) as they are published, or rebuilt from the whole
 * timeline ({@link #fold(List)}). Everything is kept with its date so that a register can be read as of any day.
 *
 * <p>Corrections (Art. 12 of 法〔2021〕322号): the fold is over the case's effective history
 * ({@link CaseHistory#effective}: a correcting entry replaces the corrected one at the corrected one's position);
 * {@link #with(LedgerEntry)} answers {@code null} for a correction, and the caller rebuilds the case from its
 * timeline.
 */
final class CaseFacts {
    static final CaseFacts EMPTY = new CaseFacts(0, null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * Why a necessary home may be disposed of after all (法释〔2015〕10号 Art. 20), as HOME_DISPOSAL_GROUND_RECORDED
     * stated it; the latest one for the asset counts.
     */
    record HomeGround(String ground, Long rentYears, String basis, LocalDate recordedOn, long seq) {
        /** Whether the ground is complete: RENT_DEDUCTED needs 5 to 8 years of rent (Art. 20 item 3). */
        boolean valid() {
            return !"RENT_DEDUCTED".equals(ground) || rentYears != null && rentYears >= 5 && rentYears <= 8;
        }
    }

    /** What CASE_FILED reported. */
    record Claim(LocalDate filedOn, BigDecimal principal, BigDecimal judgmentInterest, BigDecimal enforcementAmount,
            LocalDate performanceDeadline) {
    }

    record Payment(LocalDate date, BigDecimal amount, long seq) {
    }

    record Cost(String id, LocalDate date, BigDecimal amount, String kind, String description) {
    }

    record Valuation(LocalDate recordedOn, BigDecimal amount, String basis, LocalDate valueDate, String source) {
    }

    record Encumbrance(String id, String kind, BigDecimal amount, String holder, LocalDate recordedOn,
            LocalDate endedOn) {
        boolean activeOn(LocalDate day) {
            return !recordedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
        }
    }

    /** A release: the whole control ({@code amount == null}) or part of it. */
    record Release(LocalDate date, BigDecimal amount) {
    }

    record Renewal(LocalDate date, LocalDate until) {
    }

    record Objection(String id, LocalDate filedOn, List<String> assetIds, boolean valuationRequested, String outcome,
            LocalDate ruledOn) {
    }

    /**
     * One controlled asset as recorded by PROPERTY_CONTROLLED and the events about it since. Made with
     * {@link #controlled} and changed with the {@code with…} methods, never by position.
     */
    record Asset(String id, long seq, LocalDate controlledOn, String kind, String measure, boolean queued,
            LocalDate effectiveOn, Boolean divisible, boolean partial, Boolean residential, Boolean businessEssential,
            boolean necessaryHome, String exemptCategory, boolean registryRefusesSplit, List<Valuation> valuations,
            List<Release> releases, List<Renewal> renewals, LocalDate disposedOn) {

        /** The latest value recorded on or before {@code day}, or {@code null}. */
        Valuation valuationOn(LocalDate day) {
            Valuation latest = null;
            for (Valuation v : valuations) {
                if (!v.recordedOn().isAfter(day)) {
                    latest = v;
                }
            }
            return latest;
        }

        /**
         * The value under control on {@code day}: the latest value recorded, less the parts released since it was
         * recorded; {@code null} when no value is known. A whole release is not subtracted here (it ends the control).
         */
        BigDecimal grossOn(LocalDate day) {
            Valuation v = valuationOn(day);
            if (v == null) {
                return null;
            }
            BigDecimal gross = v.amount();
            for (Release r : releases) {
                if (r.amount() != null && !r.date().isBefore(v.recordedOn()) && !r.date().isAfter(day)) {
                    gross = gross.subtract(r.amount());
                }
            }
            return gross.signum() < 0 ? BigDecimal.ZERO.setScale(2) : gross;
        }

        /** Whether a release of the whole control is recorded on or before {@code day}. */
        boolean releasedOn(LocalDate day) {
            for (Release r : releases) {
                if (r.amount() == null && !r.date().isAfter(day)) {
                    return true;
                }
            }
            return false;
        }

        Asset withValuation(Valuation v) {
            return toBuilder().valuations(append(valuations, v)).build();
        }

        Asset withRelease(Release r) {
            return toBuilder().releases(append(releases, r)).build();
        }

        Asset withRenewal(Renewal r) {
            return toBuilder().renewals(append(renewals, r)).build();
        }

        Asset effective(LocalDate on) {
            return toBuilder().effectiveOn(on).build();
        }

        Asset disposed(LocalDate on) {
            return toBuilder().disposedOn(on).build();
        }

        /** A new control of {@code id} recorded at {@code seq} on {@code controlledOn}; set the rest by name. */
        static Builder controlled(String id, long seq, LocalDate controlledOn) {
            return new Builder(id, seq, controlledOn);
        }

        private Builder toBuilder() {
            Builder b = new Builder(id, seq, controlledOn);
            b.kind = kind;
            b.measure = measure;
            b.queued = queued;
            b.effectiveOn = effectiveOn;
            b.divisible = divisible;
            b.partial = partial;
            b.residential = residential;
            b.businessEssential = businessEssential;
            b.necessaryHome = necessaryHome;
            b.exemptCategory = exemptCategory;
            b.registryRefusesSplit = registryRefusesSplit;
            b.valuations = valuations;
            b.releases = releases;
            b.renewals = renewals;
            b.disposedOn = disposedOn;
            return b;
        }

        /**
         * Builds an {@link Asset} by name: what PROPERTY_CONTROLLED reported (the measure, its traits) and what
         * happened to it since (values, releases, renewals, the day a queued seizure took effect, disposal).
         */
        static final class Builder {
            private final String id;
            private final long seq;
            private final LocalDate controlledOn;
            private String kind;
            private String measure;
            private boolean queued;
            private LocalDate effectiveOn;
            private Boolean divisible;
            private boolean partial;
            private Boolean residential;
            private Boolean businessEssential;
            private boolean necessaryHome;
            private String exemptCategory;
            private boolean registryRefusesSplit;
            private List<Valuation> valuations = List.of();
            private List<Release> releases = List.of();
            private List<Renewal> renewals = List.of();
            private LocalDate disposedOn;

            private Builder(String id, long seq, LocalDate controlledOn) {
                this.id = id;
                this.seq = seq;
                this.controlledOn = controlledOn;
            }

            /** The kind of asset and the measure (查封、扣押、冻结); a queued one (轮候) takes effect later. */
            Builder measure(String kind, String measure, boolean queued, LocalDate effectiveOn) {
                this.kind = kind;
                this.measure = measure;
                this.queued = queued;
                this.effectiveOn = effectiveOn;
                return this;
            }

            /** Whether and how the asset can be split ({@code null}: not reported). */
            Builder split(Boolean divisible, boolean partial, boolean registryRefusesSplit) {
                this.divisible = divisible;
                this.partial = partial;
                this.registryRefusesSplit = registryRefusesSplit;
                return this;
            }

            /** What protects the debtor's living and business (查封规定 Arts. 3–5; {@code null}: not reported). */
            Builder protections(Boolean residential, Boolean businessEssential, boolean necessaryHome,
                    String exemptCategory) {
                this.residential = residential;
                this.businessEssential = businessEssential;
                this.necessaryHome = necessaryHome;
                this.exemptCategory = exemptCategory;
                return this;
            }

            Builder effectiveOn(LocalDate v) {
                effectiveOn = v;
                return this;
            }

            Builder valuations(List<Valuation> v) {
                valuations = List.copyOf(v);
                return this;
            }

            Builder releases(List<Release> v) {
                releases = v;
                return this;
            }

            Builder renewals(List<Renewal> v) {
                renewals = v;
                return this;
            }

            Builder disposedOn(LocalDate v) {
                disposedOn = v;
                return this;
            }

            Asset build() {
                return new Asset(id, seq, controlledOn, kind, measure, queued, effectiveOn, divisible, partial,
                        residential, businessEssential, necessaryHome, exemptCategory, registryRefusesSplit,
                        valuations, releases, renewals, disposedOn);
            }
        }
    }

    private final long lastSeq;
    private final Claim claim;
    private final List<Payment> payments;
    private final Map<String, Cost> costs;
    private final Map<String, Asset> assets;
    /** By asset id; may precede the asset's control (a mortgage is on the register before the seizure). */
    private final Map<String, Map<String, Encumbrance>> encumbrances;
    private final Map<String, Objection> objections;
    private final Map<String, HomeGround> homeGrounds;

    private CaseFacts(long lastSeq, Claim claim, List<Payment> payments, Map<String, Cost> costs,
            Map<String, Asset> assets, Map<String, Map<String, Encumbrance>> encumbrances,
            Map<String, Objection> objections, Map<String, HomeGround> homeGrounds) {
        this.homeGrounds = homeGrounds;
        this.lastSeq = lastSeq;
        this.claim = claim;
        this.payments = payments;
        this.costs = costs;
        this.assets = assets;
        this.encumbrances = encumbrances;
        this.objections = objections;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The Art. 20 ground recorded for the asset, or {@code null}. */
    HomeGround homeGround(String assetId) {
        return assetId == null ? null : homeGrounds.get(assetId);
    }

    Claim claim() {
        return claim;
    }

    List<Payment> payments() {
        return payments;
    }

    Map<String, Cost> costs() {
        return costs;
    }

    /** Controlled assets in the order they were first controlled. */
    Map<String, Asset> assets() {
        return assets;
    }

    Map<String, Encumbrance> encumbrances(String assetId) {
        return encumbrances.getOrDefault(assetId, Map.of());
    }

    Map<String, Objection> objections() {
        return objections;
    }

    /** The facts after {@code entry}, or {@code null} when {@code entry} is a correction (rebuild with {@link #fold}). */
    CaseFacts with(LedgerEntry entry) {
        if (entry.event().isCorrection()) {
            return null;
        }
        Builder b = new Builder(this);
        b.accept(entry.event(), entry.seq());
        return b.build(entry.seq());
    }

    /** The facts of a whole timeline, over its effective history ({@link CaseHistory#effective}). */
    static CaseFacts fold(List<LedgerEntry> timeline) {
        Builder b = new Builder(EMPTY);
        for (LedgerEntry e : CaseHistory.effective(timeline)) {
            b.accept(e.event(), e.seq());
        }
        return b.build(timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).seq());
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return Collections.unmodifiableList(out);
    }

    private static final class Builder {
        private Claim claim;
        private final List<Payment> payments;
        private final Map<String, Cost> costs;
        private final Map<String, Asset> assets;
        private final Map<String, Map<String, Encumbrance>> encumbrances;
        private final Map<String, Objection> objections;
        private final Map<String, HomeGround> homeGrounds;

        Builder(CaseFacts f) {
            claim = f.claim;
            payments = new ArrayList<>(f.payments);
            costs = new LinkedHashMap<>(f.costs);
            assets = new LinkedHashMap<>(f.assets);
            encumbrances = new HashMap<>(f.encumbrances);
            objections = new LinkedHashMap<>(f.objections);
            homeGrounds = new LinkedHashMap<>(f.homeGrounds);
        }

        CaseFacts build(long seq) {
            return new CaseFacts(seq, claim, List.copyOf(payments), Collections.unmodifiableMap(costs),
                    Collections.unmodifiableMap(assets), Collections.unmodifiableMap(encumbrances),
                    Collections.unmodifiableMap(objections), Collections.unmodifiableMap(homeGrounds));
        }

        void accept(CaseEvent e, long seq) {
            Payload p = e.payload();
            LocalDate day = day(e);
            String assetId = p.string("assetId").orElse(null);
            switch (e.type()) {
                case CoreEventTypes.CASE_FILED -> claim = new Claim(day, p.money("claimPrincipal").orElse(null),
                        p.money("judgmentInterest").orElse(null), p.money("enforcementAmount").orElse(null),
                        p.date("performanceDeadline").orElse(null));
                case CoreEventTypes.MONEY_RECEIVED -> p.money("amount")
                        .ifPresent(a -> payments.add(new Payment(day, a, seq)));
                case CoreEventTypes.COSTS_RECORDED -> {
                    String id = p.string("costId").orElse("seq-" + seq);
                    costs.put(id, new Cost(id, day, p.money("amount").orElse(BigDecimal.ZERO.setScale(2)),
                            p.string("kind").orElse("OTHER"), p.string("description").orElse(null)));
                }
                case CoreEventTypes.PROPERTY_CONTROLLED -> control(p, assetId, day, seq);
                case CoreEventTypes.QUEUED_SEIZURE_EFFECTIVE -> update(assetId, a -> a.effective(day));
                case CoreEventTypes.CONTROL_RELEASED -> update(assetId,
                        a -> a.withRelease(new Release(day, p.money("amount").orElse(null))));
                case CoreEventTypes.CONTROL_RENEWED -> update(assetId,
                        a -> a.withRenewal(new Renewal(day, p.date("until").orElse(null))));
                case CoreEventTypes.DISPOSAL_COMPLETED -> update(assetId, a -> a.disposed(day));
                case CoreEventTypes.REFERENCE_PRICE_DETERMINED -> p.money("amount").ifPresent(v -> update(assetId,
                        a -> a.withValuation(new Valuation(day, v, "REFERENCE_PRICE", day,
                                p.string("source").orElse(null)))));
                case CoreEventTypes.VALUATION_RECORDED -> p.money("amount").ifPresent(v -> update(assetId,
                        a -> a.withValuation(new Valuation(day, v, p.string("valueBasis").orElse("APPRAISAL"),
                                p.date("valueDate").orElse(day), p.string("valueSource").orElse(null)))));
                case CoreEventTypes.ENCUMBRANCE_RECORDED -> {
                    String id = p.string("encumbranceId").orElse("seq-" + seq);
                    Map<String, Encumbrance> on = new LinkedHashMap<>(encumbrances.getOrDefault(assetId, Map.of()));
                    on.put(id, new Encumbrance(id, p.string("kind").orElse("OTHER"),
                            p.money("amount").orElse(BigDecimal.ZERO.setScale(2)), p.string("holder").orElse(null),
                            day, null));
                    encumbrances.put(assetId, Collections.unmodifiableMap(on));
                }
                case CoreEventTypes.ENCUMBRANCE_ENDED -> {
                    String id = p.string("encumbranceId").orElse(null);
                    Map<String, Encumbrance> on = encumbrances.get(assetId);
                    Encumbrance old = on == null ? null : on.get(id);
                    if (old != null) {
                        Map<String, Encumbrance> next = new LinkedHashMap<>(on);
                        next.put(id, new Encumbrance(id, old.kind(), old.amount(), old.holder(), old.recordedOn(),
                                day));
                        encumbrances.put(assetId, Collections.unmodifiableMap(next));
                    }
                }
                case CoreEventTypes.OVER_SEIZURE_OBJECTION -> {
                    String id = p.string("objectionId").orElse("seq-" + seq);
                    objections.put(id, new Objection(id, day, p.strings("assetIds"),
                            p.bool("valuationRequested").orElse(false), null, null));
                }
                case CoreEventTypes.OVER_SEIZURE_OBJECTION_RULED -> {
                    Objection o = objections.get(p.string("objectionId").orElse(""));
                    if (o != null) {
                        objections.put(o.id(), new Objection(o.id(), o.filedOn(), o.assetIds(),
                                o.valuationRequested(), p.string("outcome").orElse(null), day));
                    }
                }
                case CoreEventTypes.HOME_DISPOSAL_GROUND_RECORDED -> {
                    if (assetId != null) {
                        homeGrounds.put(assetId, new HomeGround(p.string("ground").orElse(null),
                                p.integer("rentYears").orElse(null), p.string("basis").orElse(null), day, seq));
                    }
                }
                default -> {
                    // other events say nothing about the claim or the controlled property
                }
            }
        }

        private void control(Payload p, String assetId, LocalDate day, long seq) {
            String kind = p.string("assetKind").orElse(null);
            String measure = p.string("measure").orElse(null);
            Asset previous = assets.get(assetId);
            boolean deposit = AssetKinds.DEPOSIT.equals(kind) || "FREEZE".equals(measure) && kind == null;
            BigDecimal amount = p.money("amount").orElse(null);
            if (previous != null && deposit && amount != null && !previous.queued() && previous.disposedOn() == null
                    && !previous.releasedOn(day)) {
                // a further freeze of an account already frozen for this case adds to the frozen amount; the term
                // stays that of the first freeze (the earlier expiry, so that a renewal is never missed)
                BigDecimal before = previous.grossOn(day);
                assets.put(assetId, previous.withValuation(new Valuation(day,
                        before == null ? amount : before.add(amount), "FROZEN_AMOUNT", day,
                        p.string("valueSource").orElse(null))));
                return;
            }
            List<Valuation> values = new ArrayList<>();
            if (previous != null) {
                values.addAll(previous.valuations());
            }
            if (amount != null) {
                values.add(new Valuation(day, amount, p.string("valueBasis").orElse(deposit ? "FROZEN_AMOUNT"
                        : "ESTIMATE"), p.date("valueDate").orElse(day), p.string("valueSource").orElse(null)));
            }
            boolean queued = p.bool("queued").orElse(false);
            // a new control of an asset released or disposed before (or of anything but a deposit) starts afresh;
            // the values recorded so far are kept
            assets.put(assetId, Asset.controlled(assetId, seq, day)
                    .measure(kind, measure, queued, queued ? null : day)
                    .split(p.bool("divisible").orElse(null), p.bool("partial").orElse(false),
                            p.bool("registryRefusesSplit").orElse(false))
                    .protections(p.bool("residential").orElse(null), p.bool("businessEssential").orElse(null),
                            p.bool("necessaryHome").orElse(false), p.string("exemptCategory").orElse(null))
                    .valuations(values).build());
        }

        private void update(String assetId, java.util.function.UnaryOperator<Asset> change) {
            Asset a = assetId == null ? null : assets.get(assetId);
            if (a != null) {
                assets.put(assetId, change.apply(a));
            }
        }
    }
}
