package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CASE_FILED;
import static org.jiandu.api.event.CoreEventTypes.MONEY_DISBURSED;
import static org.jiandu.api.event.CoreEventTypes.MONEY_RECEIVED;
import static org.jiandu.monitor.internal.guard.CaseMoneyGuard.DEDUCT;
import static org.jiandu.monitor.internal.guard.CaseMoneyGuard.DISBURSE;
import static org.jiandu.monitor.internal.guard.CaseMoneyGuard.FILE_CASE;
import static org.jiandu.monitor.internal.guard.CaseMoneyGuard.HOLD;
import static org.jiandu.monitor.internal.guard.Cases.codes;
import static org.jiandu.monitor.internal.guard.Cases.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.ledger.internal.mask.MaskingPolicyService;
import org.junit.jupiter.api.Test;

/** Case money, Arts. 19–22 of 法〔2021〕322号: accounts at filing, 扣划, 发放, the undisputed part first. */
class CaseMoneyGuardTest {
    /** The core's masking policy with its defaults: accounts keep their last 4 characters. */
    private static final MaskingPolicy MASKING = new MaskingPolicyService();
    private static final String PAYEE = "6222 0200 0000 0001";
    private static final String CASE_ACCOUNT = "0200 0012 0902 4000 501";
    private static final String PRIVATE = "6217 0000 1111 2222 333";

    private static Cases.Timeline filed() {
        return Cases.timeline().add(CASE_FILED, "2026-03-02", "applicantPayeeAccount", PAYEE);
    }

    /** Filed, then ¥100,000 received of which ¥30,000 disputed. */
    private static Cases.Timeline partlyDisputed() {
        return filed().add(MONEY_RECEIVED, "2026-04-01", "amount", new BigDecimal("100000.00"),
                "disputedAmount", new BigDecimal("30000.00"));
    }

    private static Verdict check(Cases.Timeline t, Operation op) {
        return new CaseMoneyGuard(t.ledger(), Cases.defaults(), MASKING).check(op);
    }

    private static Verdict check(Cases.Timeline t, GuardSettings settings, Operation op) {
        return new CaseMoneyGuard(t.ledger(), settings, MASKING).check(op);
    }

    @Test
    void otherOperationTypesAreAllowed() {
        Verdict v = new CaseMoneyGuard(Cases.ledgerOf(null), Cases.defaults(), MASKING).check(op("TERMINATE_ROUND"));
        assertEquals(Decision.ALLOW, v.decision());
    }

    @Test
    void filingWithoutThePayeeAccountIsDenied() {
        Verdict v = check(Cases.timeline(), op(FILE_CASE, "applicantPaymentMethod", "转账"));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("PAYEE_ACCOUNT_MISSING"), codes(v));
        assertEquals(CaseMoneyGuard.ART_20, v.article());
        assertTrue(v.reason().contains("具体账户"), v.reason());
    }

    @Test
    void filingWithABlankPayeeAccountIsDenied() {
        assertEquals(Decision.DENY, check(Cases.timeline(), op(FILE_CASE, "applicantPayeeAccount", " - ")).decision());
    }

    @Test
    void filingWithThePayeeAccountInTheOperationIsAllowed() {
        Verdict v = check(Cases.timeline(), op(FILE_CASE, "applicantPayeeAccount", PAYEE));
        assertEquals(Decision.ALLOW, v.decision());
        // masked as every view masks a bank account (the recorded check's details too): the last 4 kept
        assertEquals("***************0001", v.details().get("applicantPayeeAccount"));
    }

    @Test
    void filingAlreadyRecordedWithThePayeeAccountIsAllowed() {
        assertEquals(Decision.ALLOW, check(filed(), op(FILE_CASE)).decision());
    }

    @Test
    void deductionToTheCaseAccountIsAllowedWhateverTheSpacing() {
        Verdict v = check(filed(), op(DEDUCT, "toAccount", "0200-0012-0902-4000-501", "caseAccount", CASE_ACCOUNT,
                "amount", "50000.00"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
        assertEquals("details.caseAccount", v.details().get("caseAccountSource"));
    }

    @Test
    void deductionToAPrivateAccountIsDenied() {
        Verdict v = check(filed(), op(DEDUCT, "toAccount", PRIVATE, "caseAccount", CASE_ACCOUNT));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("DEDUCT_TO_OTHER_ACCOUNT"), codes(v));
        assertTrue(v.reason().contains("严禁将案款扣划至文书指定账户以外的其他账户"), v.reason());
        assertTrue(v.reason().contains("******************2 333"), v.reason());
        assertFalse(v.reason().contains("6217"), v.reason());
    }

    @Test
    void deductionWithoutAKnownCaseAccountIsDenied() {
        Verdict v = check(filed(), op(DEDUCT, "toAccount", CASE_ACCOUNT));
        assertEquals(List.of("CASE_ACCOUNT_UNKNOWN"), codes(v));
    }

    @Test
    void deductionWithoutADestinationIsDenied() {
        Verdict v = check(filed(), op(DEDUCT, "caseAccount", CASE_ACCOUNT));
        assertEquals(List.of("TARGET_ACCOUNT_MISSING"), codes(v));
    }

    @Test
    void theEventVocabularysAccountFieldIsTheDestinationToo() {
        assertEquals(Decision.ALLOW, check(filed(), op(DEDUCT, "account", CASE_ACCOUNT, "caseAccount", CASE_ACCOUNT))
                .decision());
        assertEquals(List.of("ACCOUNTS_CONTRADICT", "DEDUCT_TO_OTHER_ACCOUNT"), codes(check(filed(),
                op(DEDUCT, "account", CASE_ACCOUNT, "toAccount", PRIVATE, "caseAccount", CASE_ACCOUNT))));
    }

    @Test
    void theCourtsConfiguredAccountOverridesTheOperations() {
        GuardSettings configured = Cases.settings("money_caseAccounts", new String[] {"京0105=" + CASE_ACCOUNT});
        assertEquals(Decision.ALLOW, check(filed(), configured, op(DEDUCT, "toAccount", CASE_ACCOUNT)).decision());
        Verdict v = check(filed(), configured, op(DEDUCT, "toAccount", PRIVATE, "caseAccount", PRIVATE));
        assertEquals(List.of("CASE_ACCOUNT_MISMATCH", "DEDUCT_TO_OTHER_ACCOUNT"), codes(v));
        assertEquals("configuration", v.details().get("caseAccountSource"));
    }

    @Test
    void aProvinceWideAccountServesCourtsWithoutTheirOwn() {
        GuardSettings configured = Cases.settings("money_caseAccounts",
                new String[] {"沪0115=1111 2222, 京=" + CASE_ACCOUNT});
        assertEquals(Decision.ALLOW, check(filed(), configured, op(DEDUCT, "toAccount", CASE_ACCOUNT)).decision());
        assertEquals(Decision.DENY, check(filed(), configured, op(DEDUCT, "toAccount", "1111 2222")).decision());
    }

    @Test
    void paymentToTheApplicantsAccountIsAllowed() {
        Verdict v = check(filed().add(MONEY_RECEIVED, "2026-04-01", "amount", new BigDecimal("1000.00")),
                op(DISBURSE, "toAccount", "62220200 00000001", "amount", "1000.00"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
    }

    @Test
    void paymentToAnotherAccountIsDenied() {
        Verdict v = check(filed(), op(DISBURSE, "toAccount", PRIVATE, "amount", "1000.00"));
        assertEquals(List.of("DISBURSE_TO_OTHER_ACCOUNT"), codes(v));
        assertEquals(CaseMoneyGuard.ART_20, v.article());
    }

    @Test
    void paymentWithoutARecordedPayeeAccountIsDenied() {
        Verdict v = check(Cases.timeline().add(CASE_FILED, "2026-03-02"), op(DISBURSE, "payeeAccount", PAYEE));
        assertEquals(List.of("PAYEE_ACCOUNT_UNKNOWN"), codes(v));
    }

    @Test
    void aCorrectedFilingChangesThePayeeAccount() {
        Cases.Timeline t = filed().correct("H-1", CASE_FILED, "2026-03-02", "applicantPayeeAccount", PRIVATE);
        assertEquals(Decision.ALLOW, check(t, op(DISBURSE, "toAccount", PRIVATE)).decision());
        assertEquals(Decision.DENY, check(t, op(DISBURSE, "toAccount", PAYEE)).decision());
    }

    @Test
    void payingLessThanTheUndisputedPartIsWarned() {
        Verdict v = check(partlyDisputed(), op(DISBURSE, "toAccount", PAYEE, "amount", "50000.00"));
        assertEquals(Decision.WARN, v.decision());
        assertEquals(List.of("UNDISPUTED_PART_HELD"), codes(v));
        assertEquals(CaseMoneyGuard.ART_22, v.article());
        assertEquals(new BigDecimal("70000.00"), v.details().get("undisputedOutstanding"));
        assertTrue(v.reason().contains("70000.00"), v.reason());
    }

    @Test
    void payingTheWholeUndisputedPartIsAllowed() {
        assertEquals(Decision.ALLOW, check(partlyDisputed(), op(DISBURSE, "toAccount", PAYEE, "amount", "70000.00"))
                .decision());
    }

    @Test
    void onceTheUndisputedPartIsPaidNothingIsWarned() {
        Cases.Timeline t = partlyDisputed().add(MONEY_DISBURSED, "2026-04-10", "amount", new BigDecimal("70000.00"));
        assertEquals(Decision.ALLOW, check(t, op(DISBURSE, "toAccount", PAYEE, "amount", "10000.00")).decision());
    }

    @Test
    void withoutADisputeAPartialPaymentIsAllowed() {
        Cases.Timeline t = filed().add(MONEY_RECEIVED, "2026-04-01", "amount", new BigDecimal("100000.00"));
        Verdict v = check(t, op(DISBURSE, "toAccount", PAYEE, "amount", "10.00"));
        assertEquals(Decision.ALLOW, v.decision());
        assertFalse(v.details().containsKey("undisputedOutstanding"));
    }

    @Test
    void aPaymentToTheWrongAccountIsDeniedEvenWhenItAlsoHoldsMoneyBack() {
        Verdict v = check(partlyDisputed(), op(DISBURSE, "toAccount", PRIVATE, "amount", "50000.00"));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("DISBURSE_TO_OTHER_ACCOUNT", "UNDISPUTED_PART_HELD"), codes(v));
    }

    /** Changed with issue 9: malformed details answer 400 naming the field in every guard (was a DENY). */
    @Test
    void anUnreadableAmountIsRefusedNamingTheField() {
        for (String type : List.of(DISBURSE, DEDUCT, HOLD)) {
            org.jiandu.api.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.jiandu.api.ValidationException.class,
                    () -> check(filed(), op(type, "toAccount", PAYEE, "amount", "-5")), type);
            assertEquals("details.amount", e.field(), type);
            assertEquals("NEGATIVE_AMOUNT", e.code(), type);
        }
    }

    @Test
    void holdingEverythingOfAPartlyDisputedSumIsWarned() {
        Verdict v = check(partlyDisputed(), op(HOLD, "reason", "案外人异议"));
        assertEquals(Decision.WARN, v.decision());
        assertEquals(List.of("UNDISPUTED_PART_HELD"), codes(v));
        assertEquals(new BigDecimal("100000.00"), v.details().get("amount"));
    }

    @Test
    void holdingOnlyTheDisputedPartIsAllowed() {
        assertEquals(Decision.ALLOW, check(partlyDisputed(), op(HOLD, "amount", "30000.00")).decision());
    }

    @Test
    void holdingUndisputedMoneyIsNotThisRulesConcern() {
        Cases.Timeline t = filed().add(MONEY_RECEIVED, "2026-04-01", "amount", new BigDecimal("100000.00"));
        assertEquals(Decision.ALLOW, check(t, op(HOLD)).decision());
    }
}
