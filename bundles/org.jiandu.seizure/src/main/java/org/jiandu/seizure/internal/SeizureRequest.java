package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.Money;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;

/**
 * The details of a seize / freeze / detain / renew / dispose operation, checked field by field. A field that is
 * missing, of the wrong kind, negative or absurd is refused with {@link ValidationException} naming it
 * ({@code details.amount}, {@code details.candidates[2].priorEncumbrances[0].amount}); the guard registry lets it
 * through to the caller as HTTP 400. Fields not listed here are ignored (the host may send more).
 *
 * <p>SEIZE, FREEZE, DETAIN — the asset asked about:
 * <ul>
 * <li>{@code assetId} (string, required) — the host's id of the asset;</li>
 * <li>{@code assetKind} (required; FREEZE defaults to {@code DEPOSIT}) — one of DEPOSIT, REAL_ESTATE, VEHICLE,
 * EQUITY, SECURITIES, MOVABLE, OTHER;</li>
 * <li>{@code amount} (money) — for a deposit, the amount to freeze (a freeze without it is DENIED, not refused:
 * Art. 15 requires a specific amount; it must be above 0); for anything else, the value basis of the asset (or of
 * the share seized), required;</li>
 * <li>{@code valueBasis} — FROZEN_AMOUNT, REFERENCE_PRICE, APPRAISAL, ESTIMATE or MARKET_QUOTE (default
 * FROZEN_AMOUNT for deposits, ESTIMATE otherwise); {@code valueDate} (ISO date, not in the future; default the day
 * of the check); {@code valueSource} (string);</li>
 * <li>{@code divisible} (boolean; default true for deposits and securities); {@code quantity} (whole number &gt; 0:
 * units of a divisible asset such as shares, so that the verdict can give the allowed quantity);</li>
 * <li>{@code share} (decimal in (0, 1], e.g. "0.35") — the share of real estate to seize (份额查封); the value
 * available of a share is share × (value − prior-ranking claims);</li>
 * <li>{@code priorEncumbrances} (array of {@code {kind, amount, holder?, encumbranceId?}}, kind one of MORTGAGE,
 * PLEDGE, EARLIER_SEIZURE, PRIORITY_CLAIM, OTHER) — claims ranking ahead of this creditor;</li>
 * <li>{@code residential}, {@code businessEssential}, {@code necessaryHome}, {@code registryRefusesSplit},
 * {@code queued} (booleans);</li>
 * <li>{@code exemptCategory} — one of the 查封规定 Art. 3 categories (HOUSEHOLD_NECESSITIES, LIVING_COSTS,
 * COMPULSORY_EDUCATION, UNPUBLISHED_WORKS, DISABILITY_AIDS, MEDALS_HONOURS, TREATY_IMMUNITY, OTHER_BY_LAW);</li>
 * <li>{@code candidates} (array of up to 50 assets with the same fields, plus {@code offeredByDebtor}) — other
 * property the officer could seize instead, found by query or offered by the debtor; ranked in the verdict (at most
 * 50, so that the details and the verdict fit the guard registry's record of the check).</li>
 * </ul>
 * RENEW: {@code assetId} (required), {@code until} (ISO date, optional: the last day of the renewed term).
 * DISPOSE, SELF_DISPOSAL, PUBLISH_AUCTION_ANNOUNCEMENT, START_VALUATION (the steps that lead to a disposal):
 * {@code assetId} (string; another form is ignored) and {@code necessaryHome} (boolean), both optional.
 */
record SeizureRequest(String type, Offer asset, List<Offer> candidates, LocalDate until) {
    static final int MAX_CANDIDATES = 50;
    static final int MAX_ENCUMBRANCES = 50;
    static final int MAX_TEXT = 128;
    static final long MAX_QUANTITY = 1_000_000_000_000L;
    private static final List<String> KINDS = CoreEventTypes.ASSET_KINDS;
    private static final List<String> BASES = CoreEventTypes.VALUE_BASES;
    private static final List<String> EXEMPT = CoreEventTypes.EXEMPT_CATEGORIES;
    private static final List<String> ENCUMBRANCES = CoreEventTypes.ENCUMBRANCE_KINDS;

    /** A claim ranking ahead of this creditor on the asset. */
    record Prior(String kind, BigDecimal amount, String holder, String id) {
    }

    /** An asset asked about or offered. {@code amount} is the freeze amount (deposits) or the value basis. */
    record Offer(String assetId, String assetKind, BigDecimal amount, String valueBasis, LocalDate valueDate,
            String valueSource, boolean divisible, Long quantity, BigDecimal share, Boolean residential,
            Boolean businessEssential, boolean necessaryHome, String exemptCategory, boolean registryRefusesSplit,
            boolean queued, List<Prior> prior, boolean offeredByDebtor) {

        boolean deposit() {
            return AssetKinds.DEPOSIT.equals(assetKind);
        }

        BigDecimal priorClaims() {
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (Prior p : prior) {
                sum = sum.add(p.amount());
            }
            return sum;
        }

        /** share × (value − prior-ranking claims), at least 0, to the fen (rounded down: never overstated). */
        BigDecimal available() {
            BigDecimal v = amount == null ? BigDecimal.ZERO.setScale(2) : amount.subtract(priorClaims())
                    .max(BigDecimal.ZERO.setScale(2));
            return share == null ? v : v.multiply(share).setScale(2, java.math.RoundingMode.DOWN);
        }

        ImpactClass impact() {
            return ImpactClass.of(assetKind, residential, businessEssential);
        }

        /** An offer of {@code assetId} with nothing else known; set what is known on the builder. */
        static Builder of(String assetId) {
            return new Builder(assetId);
        }

        /** Builds an {@link Offer} by name: absent flags are false, absent values {@code null}, no prior claims. */
        static final class Builder {
            private final String assetId;
            private String assetKind;
            private BigDecimal amount;
            private String valueBasis;
            private LocalDate valueDate;
            private String valueSource;
            private boolean divisible;
            private Long quantity;
            private BigDecimal share;
            private Boolean residential;
            private Boolean businessEssential;
            private boolean necessaryHome;
            private String exemptCategory;
            private boolean registryRefusesSplit;
            private boolean queued;
            private List<Prior> prior = List.of();
            private boolean offeredByDebtor;

            private Builder(String assetId) {
                this.assetId = assetId;
            }

            Builder kind(String v) {
                assetKind = v;
                return this;
            }

            /** The amount and how it was established (basis, date, source). */
            Builder value(BigDecimal amount, String basis, LocalDate date, String source) {
                this.amount = amount;
                valueBasis = basis;
                valueDate = date;
                valueSource = source;
                return this;
            }

            /** Whether and how the asset can be split: divisible, units, the share seized, a registry refusing it. */
            Builder split(boolean divisible, Long quantity, BigDecimal share, boolean registryRefusesSplit) {
                this.divisible = divisible;
                this.quantity = quantity;
                this.share = share;
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

            Builder necessaryHome(boolean v) {
                necessaryHome = v;
                return this;
            }

            Builder queued(boolean v) {
                queued = v;
                return this;
            }

            Builder prior(List<Prior> v) {
                prior = List.copyOf(v);
                return this;
            }

            Builder offeredByDebtor(boolean v) {
                offeredByDebtor = v;
                return this;
            }

            Offer build() {
                return new Offer(assetId, assetKind, amount, valueBasis, valueDate, valueSource, divisible, quantity,
                        share, residential, businessEssential, necessaryHome, exemptCategory, registryRefusesSplit,
                        queued, prior, offeredByDebtor);
            }
        }
    }

    static SeizureRequest parse(String type, Payload details, LocalDate today) {
        Map<String, Object> d = details.asMap();
        List<ValidationException> errors = new ArrayList<>();
        SeizureRequest r = switch (type) {
            case OperationTypes.SEIZE, OperationTypes.FREEZE, OperationTypes.DETAIN -> {
                Offer asset = offer(d, "details", OperationTypes.FREEZE.equals(type) ? AssetKinds.DEPOSIT : null, today, errors);
                List<Offer> candidates = new ArrayList<>();
                Object c = d.get("candidates");
                if (c != null) {
                    if (!(c instanceof List<?> list)) {
                        errors.add(new ValidationException("INVALID_FIELD", "details.candidates",
                                "details.candidates must be an array of assets"));
                    } else if (list.size() > MAX_CANDIDATES) {
                        errors.add(new ValidationException("TOO_MANY_ITEMS", "details.candidates",
                                "details.candidates holds at most " + MAX_CANDIDATES + " assets"));
                    } else {
                        for (int i = 0; i < list.size(); i++) {
                            String f = "details.candidates[" + i + "]";
                            if (list.get(i) instanceof Map<?, ?> m) {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> cm = (Map<String, Object>) m;
                                candidates.add(offer(cm, f, null, today, errors));
                            } else {
                                errors.add(new ValidationException("INVALID_FIELD", f, f + " must be an object"));
                            }
                        }
                    }
                }
                yield new SeizureRequest(type, asset, List.copyOf(candidates), null);
            }
            case OperationTypes.RENEW -> {
                String id = text(d, "assetId", "details.assetId", true, errors);
                LocalDate until = date(d, "until", "details.until", null, errors);
                yield new SeizureRequest(type, Offer.of(id).build(), List.of(), until);
            }
            case OperationTypes.DISPOSE, OperationTypes.SELF_DISPOSAL, OperationTypes.PUBLISH_AUCTION_ANNOUNCEMENT,
                    OperationTypes.START_VALUATION -> {
                // another guard owns the rest of a disposal's details: an asset id it sends in another form is not
                // this guard's to refuse, it only cannot be matched against the register
                String id = d.get("assetId") instanceof String s && !s.isBlank() ? s.trim() : null;
                boolean home = bool(d, "necessaryHome", "details.necessaryHome", errors, false);
                yield new SeizureRequest(type, Offer.of(id).necessaryHome(home).build(), List.of(), null);
            }
            default -> throw new IllegalArgumentException("not a seizure operation: " + type);
        };
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return r;
    }

    private static Offer offer(Map<String, Object> d, String at, String defaultKind, LocalDate today,
            List<ValidationException> errors) {
        String id = text(d, "assetId", at + ".assetId", true, errors);
        String kind = oneOf(d, "assetKind", at + ".assetKind", KINDS, defaultKind == null, errors);
        if (kind == null) {
            kind = defaultKind;
        }
        boolean deposit = AssetKinds.DEPOSIT.equals(kind);
        BigDecimal amount = money(d, "amount", at + ".amount", !deposit && kind != null, errors);
        if (deposit && amount != null && amount.signum() == 0) {
            errors.add(new ValidationException("INVALID_AMOUNT", at + ".amount",
                    "A freeze amount must be above 0 yuan (Art. 15: a specific amount)"));
        }
        String basis = oneOf(d, "valueBasis", at + ".valueBasis", BASES, false, errors);
        LocalDate valueDate = date(d, "valueDate", at + ".valueDate", today, errors);
        String source = text(d, "valueSource", at + ".valueSource", false, errors);
        boolean divisible = bool(d, "divisible", at + ".divisible", errors,
                kind != null && AssetKinds.divisibleByDefault(kind));
        Long quantity = quantity(d, at + ".quantity", errors);
        BigDecimal share = share(d, at + ".share", errors);
        Boolean residential = d.containsKey("residential")
                ? bool(d, "residential", at + ".residential", errors, true) : null;
        Boolean business = d.containsKey("businessEssential")
                ? bool(d, "businessEssential", at + ".businessEssential", errors, false) : null;
        boolean home = bool(d, "necessaryHome", at + ".necessaryHome", errors, false);
        String exempt = oneOf(d, "exemptCategory", at + ".exemptCategory", EXEMPT, false, errors);
        boolean refuses = bool(d, "registryRefusesSplit", at + ".registryRefusesSplit", errors, false);
        boolean queued = bool(d, "queued", at + ".queued", errors, false);
        boolean offered = bool(d, "offeredByDebtor", at + ".offeredByDebtor", errors, false);
        List<Prior> prior = priors(d.get("priorEncumbrances"), at + ".priorEncumbrances", errors);
        return Offer.of(id).kind(kind)
                .value(amount, basis != null ? basis : deposit ? "FROZEN_AMOUNT" : "ESTIMATE",
                        valueDate != null ? valueDate : today, source)
                .split(divisible, quantity, share, refuses)
                .protections(residential, business, home, exempt)
                .queued(queued).prior(prior).offeredByDebtor(offered).build();
    }

    private static List<Prior> priors(Object v, String at, List<ValidationException> errors) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            errors.add(new ValidationException("INVALID_FIELD", at, at + " must be an array of {kind, amount}"));
            return List.of();
        }
        if (list.size() > MAX_ENCUMBRANCES) {
            errors.add(new ValidationException("TOO_MANY_ITEMS", at, at + " holds at most " + MAX_ENCUMBRANCES));
            return List.of();
        }
        List<Prior> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String f = at + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                errors.add(new ValidationException("INVALID_FIELD", f, f + " must be an object {kind, amount}"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> pm = (Map<String, Object>) m;
            String kind = oneOf(pm, "kind", f + ".kind", ENCUMBRANCES, true, errors);
            BigDecimal amount = money(pm, "amount", f + ".amount", true, errors);
            String holder = text(pm, "holder", f + ".holder", false, errors);
            String id = text(pm, "encumbranceId", f + ".encumbranceId", false, errors);
            if (kind != null && amount != null) {
                out.add(new Prior(kind, amount, holder, id));
            }
        }
        return List.copyOf(out);
    }

    private static String text(Map<String, Object> d, String name, String field, boolean required,
            List<ValidationException> errors) {
        Object v = d.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            if (required) {
                errors.add(new ValidationException("MISSING_FIELD", field, field + " is required"));
            }
            return null;
        }
        if (!(v instanceof String s)) {
            errors.add(new ValidationException("INVALID_FIELD", field, field + " must be a string"));
            return null;
        }
        if (s.length() > MAX_TEXT) {
            errors.add(new ValidationException("FIELD_TOO_LONG", field, field + " must be at most " + MAX_TEXT
                    + " characters"));
            return null;
        }
        return s.trim();
    }

    private static String oneOf(Map<String, Object> d, String name, String field, List<String> allowed,
            boolean required, List<ValidationException> errors) {
        Object v = d.get(name);
        if (v == null) {
            if (required) {
                errors.add(new ValidationException("MISSING_FIELD", field, field + " is required, one of " + allowed));
            }
            return null;
        }
        if (!(v instanceof String s) || !allowed.contains(s)) {
            errors.add(new ValidationException("INVALID_VALUE", field, field + " must be one of " + allowed
                    + ", not " + abbreviate(v)));
            return null;
        }
        return s;
    }

    private static BigDecimal money(Map<String, Object> d, String name, String field, boolean required,
            List<ValidationException> errors) {
        Object v = d.get(name);
        try {
            if (v == null) {
                if (required) {
                    errors.add(new ValidationException("MISSING_FIELD", field, field
                            + " is required: an amount in yuan, e.g. \"125000.00\""));
                }
                return null;
            }
            if (v instanceof String s) {
                return Money.parse(s, field);
            }
            if (v instanceof BigDecimal b) {
                return Money.check(b, field);
            }
            if (v instanceof Long || v instanceof Integer) {
                return Money.check(BigDecimal.valueOf(((Number) v).longValue()), field);
            }
            errors.add(new ValidationException("INVALID_AMOUNT", field, field
                    + " must be an amount in yuan, e.g. \"125000.00\""));
        } catch (ValidationException e) {
            errors.add(e);
        }
        return null;
    }

    private static boolean bool(Map<String, Object> d, String name, String field, List<ValidationException> errors,
            boolean absent) {
        Object v = d.get(name);
        if (v == null) {
            return absent;
        }
        if (!(v instanceof Boolean b)) {
            errors.add(new ValidationException("INVALID_FIELD", field, field + " must be true or false"));
            return absent;
        }
        return b;
    }

    /** An ISO date from 1990 to 2100; not after {@code notAfter} when given. */
    private static LocalDate date(Map<String, Object> d, String name, String field, LocalDate notAfter,
            List<ValidationException> errors) {
        Object v = d.get(name);
        if (v == null) {
            return null;
        }
        LocalDate day;
        try {
            day = v instanceof String s ? LocalDate.parse(s.trim()) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null || day.getYear() < 1990 || day.getYear() > 2100) {
            errors.add(new ValidationException("INVALID_DATE", field, field
                    + " must be an ISO date such as 2025-05-08 between 1990 and 2100"));
            return null;
        }
        if (notAfter != null && day.isAfter(notAfter)) {
            errors.add(new ValidationException("DATE_IN_FUTURE", field, field + " " + day
                    + " is in the future; a value basis must have been established"));
            return null;
        }
        return day;
    }

    private static Long quantity(Map<String, Object> d, String field, List<ValidationException> errors) {
        Object v = d.get("quantity");
        if (v == null) {
            return null;
        }
        if (!(v instanceof Long || v instanceof Integer)) {
            errors.add(new ValidationException("INVALID_FIELD", field, field + " must be a whole number"));
            return null;
        }
        long q = ((Number) v).longValue();
        if (q <= 0 || q > MAX_QUANTITY) {
            errors.add(new ValidationException(q <= 0 ? "INVALID_QUANTITY" : "ABSURD_QUANTITY", field, field
                    + " must be from 1 to " + MAX_QUANTITY + ", not " + q));
            return null;
        }
        return q;
    }

    private static BigDecimal share(Map<String, Object> d, String field, List<ValidationException> errors) {
        Object v = d.get("share");
        if (v == null) {
            return null;
        }
        BigDecimal s;
        try {
            s = v instanceof BigDecimal b ? b : v instanceof String str ? new BigDecimal(str.trim())
                    : v instanceof Long || v instanceof Integer ? BigDecimal.valueOf(((Number) v).longValue()) : null;
        } catch (NumberFormatException e) {
            s = null;
        }
        if (s == null || s.signum() <= 0 || s.compareTo(BigDecimal.ONE) > 0 || s.stripTrailingZeros().scale() > 6) {
            errors.add(new ValidationException("INVALID_SHARE", field, field
                    + " must be a decimal above 0 and at most 1 with at most 6 places, e.g. \"0.35\""));
            return null;
        }
        return s;
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
