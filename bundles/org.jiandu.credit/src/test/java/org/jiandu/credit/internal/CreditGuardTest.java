package org.jiandu.credit.internal;

import static org.jiandu.credit.internal.CreditCase.ADULT;
import static org.jiandu.credit.internal.CreditCase.MINOR;
import static org.jiandu.credit.internal.CreditCase.newCase;
import static org.jiandu.credit.internal.CreditCase.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

/** The credit guard, one test per interception row (C-…), on a case held in memory. */
class CreditGuardTest {
    /** 2025-06-16, a Monday. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-16T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static CreditGuard guard(CreditCase c) {
        return guard(c, Map.of());
    }

    static CreditGuard guard(CreditCase c, Map<String, Object> config) {
        return new CreditGuard(new CaseTimelines(ledger(c.entries())), new CreditSettings(new HashMap<>(config)),
                TODAY);
    }

    static CaseLedger ledger(List<LedgerEntry> entries) {
        return (CaseLedger) Proxy.newProxyInstance(CaseLedger.class.getClassLoader(), new Class<?>[] {CaseLedger.class},
                (p, m, args) -> {
                    if (m.getName().equals("timeline")) {
                        return entries;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static Verdict check(CreditGuard g, String type, Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return g.check(new Operation(type, CreditCase.CASE, Payload.of(d), null));
    }

    /** A complete, lawful listing of {@link CreditCase#ADULT} on ground (1), with {@code more} added or replacing. */
    static Object[] listing(Object... more) {
        return details(CreditCase.signed("（2025）京0105执88号之二", "PRESIDENT", "measureId", "SX-1",
                "personIdentifiers", person(ADULT), "personName", "李四", "grounds", List.of("ABLE_BUT_REFUSES"),
                "restrictionOrderNumber", "（2025）京0105执88号之一"), more);
    }

    /** The pairs of {@code base} with those of {@code more} added or replacing them ({@code null} removes one). */
    static Object[] details(Object[] base, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) {
            d.put((String) base[i], base[i + 1]);
        }
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                d.remove((String) more[i]);
            } else {
                d.put((String) more[i], more[i + 1]);
            }
        }
        return d.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }

    static List<String> codes(Verdict v) {
        Object f = v.details().get("findings");
        return f == null ? List.of() : ((List<?>) f).stream().map(x -> (String) ((Map<?, ?>) x).get("code")).toList();
    }

    static void denies(Verdict v, String row) {
        assertEquals(Decision.DENY, v.decision(), v.reason());
        assertTrue(codes(v).contains(row), row + " not in " + codes(v) + ": " + v.reason());
    }

    @Test
    void aLawfulListingPasses() {
        Verdict v = check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing());
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
    }

    @Test
    void otherOperationsAreNotConcerned() {
        assertEquals(Decision.ALLOW, check(guard(newCase()), OperationTypes.FREEZE).decision());
    }

    /** C-01: no Art. 1 ground. */
    @Test
    void listingWithoutGroundIsDenied() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds", null)), "C-01");
    }

    /** C-32: restriction grounds only. */
    @Test
    void listingOnRestrictionGroundsOnlyIsDenied() {
        Verdict v = check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds", null,
                "restrictionGrounds", List.of("NOT_PERFORMED_IN_TIME")));
        denies(v, "C-32");
        assertTrue(v.article().contains("第23条"), v.article());
    }

    /** C-02: ground (1) alone with an Art. 3 exclusion; the exclusions do not bar grounds (2)–(6). */
    @Test
    void groundOneWithAnExclusionIsDeniedButOtherGroundsAreNot() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("exclusions",
                List.of("SUFFICIENT_GUARANTEE"))), "C-02");
        Verdict other = check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds",
                List.of("BREACHES_ASSET_REPORTING"), "periodMonths", 24, "exclusions", List.of("SUFFICIENT_GUARANTEE")));
        assertEquals(Decision.ALLOW, other.decision(), other.reason());
    }

    /** C-03: a minor, birth date from the resident id. */
    @Test
    void aMinorIsNeverListed() {
        Verdict v = check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("personIdentifiers",
                person(MINOR), "grounds", List.of("OBSTRUCTS_BY_FALSE_EVIDENCE_OR_VIOLENCE"), "periodMonths", 24));
        denies(v, "C-03");
        assertEquals(15, v.details().get("age"));
    }

    /** C-04: a unit's legal representative gets 限消 only. */
    @Test
    void aUnitsManagerIsNotListed() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("personRole", "LEGAL_REPRESENTATIVE")),
                "C-04");
    }

    /** C-05: 校园贷 student: DENY without a reason, WARN with one, on both operations. */
    @Test
    void campusLoanStudentWarnsOnlyWithAReason() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("fullTimeStudent", true, "campusLoan",
                true)), "C-05");
        Verdict warned = check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("fullTimeStudent", true,
                "campusLoan", true, "campusLoanReason", "有能力履行而以暴力抗拒"));
        assertEquals(Decision.WARN, warned.decision(), warned.reason());
        Verdict restriction = check(guard(newCase()), OperationTypes.RESTRICT_CONSUMPTION, restriction("fullTimeStudent",
                true, "campusLoan", true));
        denies(restriction, "C-05");
    }

    /** C-08: the decision signed by the president, its document referenced; the period stated for grounds 2–6. */
    @Test
    void decisionMustBeSignedByThePresidentAndReferenced() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("signerRole", "VICE_PRESIDENT")), "C-08");
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("documentSha256", null)), "C-08");
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds",
                List.of("FALSE_LITIGATION_OR_EVASION"))), "C-08");
        Verdict vice = check(guard(newCase(), Map.of("signerRoles", "PRESIDENT,VICE_PRESIDENT")),
                OperationTypes.LIST_DEFAULTER, listing("signerRole", "VICE_PRESIDENT"));
        assertEquals(Decision.ALLOW, vice.decision(), "a court may accept its vice-president: " + vice.reason());
    }

    /** C-10: the period of grounds 2–6 is 2 to 5 years; ground (1) has none. */
    @Test
    void listingPeriodIsTwoToFiveYears() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds",
                List.of("REFUSES_SETTLEMENT"), "periodMonths", 72)), "C-10");
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("periodMonths", 24)), "C-10");
        assertEquals(Decision.ALLOW, check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("grounds",
                List.of("REFUSES_SETTLEMENT"), "periodMonths", 60)).decision());
    }

    /** C-17: a renewed application within the bar after a deletion the applicant asked for. */
    @Test
    void renewedApplicationWithinTheBarIsDenied() {
        CreditCase c = newCase().restricted("2024-10-08", "XF-1", ADULT).listed("2024-10-08", "SX-0", ADULT)
                .on("2025-01-06", "DEFAULTER_DELISTED", "measureId", "SX-0", "reason", "APPLICANT_APPLIED_APPROVED");
        Verdict v = check(guard(c), OperationTypes.LIST_DEFAULTER, listing("applicantRequested", true));
        denies(v, "C-17");
        assertTrue(v.reason().contains("2025-07-06"), v.reason());
        assertEquals(Decision.ALLOW, check(guard(c, Map.of("listing.reapplyBarMonths", "0")),
                OperationTypes.LIST_DEFAULTER, listing("applicantRequested", true)).decision());
        assertEquals(Decision.ALLOW, check(guard(c), OperationTypes.LIST_DEFAULTER, listing()).decision(),
                "the court may list again on a new ground (C-16)");
    }

    /** C-31: listed ⇒ restricted. */
    @Test
    void listingWithoutRestrictionIsDenied() {
        denies(check(guard(newCase()), OperationTypes.LIST_DEFAULTER, listing("restrictionOrderNumber", null)), "C-31");
        CreditCase restricted = newCase().restricted("2025-06-10", "XF-1", ADULT);
        assertEquals(Decision.ALLOW, check(guard(restricted), OperationTypes.LIST_DEFAULTER,
                listing("restrictionOrderNumber", null)).decision());
    }

    static Object[] restriction(Object... more) {
        return details(CreditCase.signed("（2025）京0105执88号之一", "PRESIDENT", "measureId", "XF-1",
                "personIdentifiers", person(ADULT), "items", List.of("FLIGHT_SOFT_SLEEPER_SHIP_BERTH"), "period",
                "至履行完毕之日止", "consequences", "违反的，依法予以罚款、拘留"), more);
    }

    /** C-33: a 限消令 signed by the president states period, items and consequences. */
    @Test
    void restrictionOrderStatesPeriodItemsAndConsequences() {
        assertEquals(Decision.ALLOW, check(guard(newCase()), OperationTypes.RESTRICT_CONSUMPTION, restriction())
                .decision());
        Verdict v = check(guard(newCase()), OperationTypes.RESTRICT_CONSUMPTION, restriction("period", null, "items",
                null, "consequences", null, "signerRole", "JUDGE"));
        denies(v, "C-33");
        assertEquals(4, codes(v).size(), v.reason());
    }

    /** C-09, C-51, C-08: publication needs the president's decision, its service, and no grace. */
    @Test
    void publicationNeedsServiceAndNoGrace() {
        CreditCase c = newCase().restricted("2025-06-10", "XF-1", ADULT).listed("2025-06-10", "SX-1", ADULT);
        denies(check(guard(c), OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-1"), "C-09");
        assertEquals(Decision.ALLOW, check(guard(c, Map.of("publish.requiresService", "false")),
                OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-1").decision(), "the gate is configurable");
        c.on("2025-06-11", "credit.DECISION_SERVED", "measureId", "SX-1");
        assertEquals(Decision.ALLOW, check(guard(c), OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-1")
                .decision());
        c.on("2025-06-11", "credit.GRACE_PERIOD_SET", "measureId", "SX-1", "months", 1L);
        denies(check(guard(c), OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-1"), "C-51");
        denies(check(guard(c), OperationTypes.PUSH_TO_ASSISTING_UNITS, "measureId", "SX-1", "recipients",
                List.of("民航")), "C-51");
        denies(check(guard(newCase()), OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-9"), "C-08");
        CreditCase vice = newCase().restricted("2025-06-10", "XF-1", ADULT).on("2025-06-10", "DEFAULTER_LISTED",
                CreditCase.signed("号", "VICE_PRESIDENT", "measureId", "SX-1", "personIdentifiers", person(ADULT),
                        "grounds", List.of("ABLE_BUT_REFUSES")))
                .on("2025-06-11", "credit.DECISION_SERVED", "measureId", "SX-1");
        denies(check(guard(vice), OperationTypes.PUBLISH_DEFAULTER, "measureId", "SX-1"), "C-08");
    }

    /** C-50: grace 1–3 months. */
    @Test
    void graceIsOneToThreeMonths() {
        denies(check(guard(newCase()), OperationTypes.SET_GRACE_PERIOD, "measureId", "XF-1", "months", 4), "C-50");
        denies(check(guard(newCase()), OperationTypes.SET_GRACE_PERIOD, "measureId", "XF-1", "months", 0), "C-50");
        Verdict ok = check(guard(newCase()), OperationTypes.SET_GRACE_PERIOD, "measureId", "XF-1", "months", 3,
                "from", "2025-11-30");
        assertEquals(Decision.ALLOW, ok.decision());
        assertEquals("2026-02-28", ok.details().get("graceUntil"), "民法典 Art. 202: the month's last day");
    }

    /** C-38: temporary lift ≤ 1 month, flight and high-speed rail only, listed reason, commitment, 院长. */
    @Test
    void temporaryLiftIsNarrow() {
        CreditCase c = newCase().restricted("2025-06-10", "XF-1", ADULT);
        Object[] ok = CreditCase.signed("批-1", "PRESIDENT", "measureId", "XF-1", "from", "2025-06-20", "until",
                "2025-07-19", "reason", "FUNERAL", "transport", List.of("FLIGHT", "HIGH_SPEED_RAIL"), "commitment",
                "承诺书-1");
        assertEquals(Decision.ALLOW, check(guard(c), OperationTypes.TEMPORARY_LIFT, ok).decision());
        Verdict v = check(guard(c), OperationTypes.TEMPORARY_LIFT, CreditCase.signed("批-1", "DIVISION_HEAD",
                "measureId", "XF-1", "from", "2025-06-20", "until", "2025-07-20", "transport",
                List.of("FLIGHT", "STAR_HOTEL")));
        denies(v, "C-38");
        assertEquals(5, codes(v).size(), v.reason());
    }

    /** Bad details are a 400 naming the field, never a verdict. */
    @Test
    void badDetailsNameTheField() {
        CreditGuard g = guard(newCase());
        assertField("details.measureId", () -> check(g, OperationTypes.LIST_DEFAULTER, listing("measureId", null)));
        assertField("details.grounds", () -> check(g, OperationTypes.LIST_DEFAULTER, listing("grounds",
                List.of("BAD"))));
        assertField("details.personIdentifiers[0].value", () -> check(g, OperationTypes.LIST_DEFAULTER,
                listing("personIdentifiers", person("110105198001011239"))));
        assertField("details.documentSha256", () -> check(g, OperationTypes.LIST_DEFAULTER, listing("documentSha256",
                "abc")));
        assertField("details.periodMonths", () -> check(g, OperationTypes.LIST_DEFAULTER, listing("periodMonths",
                "two years")));
        assertField("details.months", () -> check(g, OperationTypes.SET_GRACE_PERIOD, "measureId", "XF-1"));
        assertField("details.until", () -> check(g, OperationTypes.TEMPORARY_LIFT, "measureId", "XF-1", "from",
                "2025-06-20", "until", "2025-06-01"));
        assertField("details.recipients", () -> check(g, OperationTypes.PUSH_TO_ASSISTING_UNITS, "measureId", "XF-1"));
        assertField("details.signerRole", () -> check(g, OperationTypes.RESTRICT_CONSUMPTION, restriction("signerRole",
                "院长")));
    }

    private static void assertField(String field, Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertEquals(field, e.field(), e.getMessage());
    }
}
